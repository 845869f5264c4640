import Crypto
import Domain
import Foundation
import Toolkit

/// The secret a region gives its districts (`link_key_file`): with it a district's package names
/// the year's leavers and hires by a keyed pseudonym of their СНИЛС, which the region can match
/// across districts and nobody without the key can reverse (a bare hash of an 11-digit number is
/// undone by trying them all).
public struct LinkKey: Sendable {
    private let bytes: [UInt8]

    /// Shorter keys are refused: the pseudonyms are only as strong as the key.
    public static let minimumBytes = 16

    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= Self.minimumBytes else { return nil }
        self.bytes = bytes
    }

    /// HMAC-SHA256 of the 11 digits, in hexadecimal.
    public func pseudonym(_ snils: Snils) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(snils.digits.utf8), using: SymmetricKey(data: bytes)))
    }

    /// The key file's bytes, trailing line ends and spaces removed (a key typed or pasted into a
    /// text file is the same key).
    static func load(path: String, setting: String) throws(ConfigurationError) -> LinkKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: setting, "файл ключа связки не читается: \(path) (ключ «link_key_file»)")
        }
        var bytes = [UInt8](data)
        while let last = bytes.last, [0x0A, 0x0D, 0x20, 0x09].contains(last) { bytes.removeLast() }
        guard let key = LinkKey(bytes) else {
            throw ConfigurationError(
                file: setting, "ключ связки в \(path) короче \(minimumBytes) байт — возьмите ключ, выданный регионом, целиком")
        }
        return key
    }
}
