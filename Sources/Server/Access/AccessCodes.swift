import Crypto
import Domain
import Foundation
import Reading
import Toolkit
import _CryptoExtras

/// The access codes of the curators' page: one per folder (a school's, and the level's own, such as
/// `district`), issued by the administrator and shown once. Only a slow hash is kept (scrypt, a
/// salt of its own per code) in `var/access/codes.json`, readable by the service alone, with the
/// code's first four letters (20 of its 98 bits) to tell whose a code is without hashing it for
/// every folder; issuing again replaces a code, revoking removes it.
public struct AccessCodes: Sendable {
    /// 20 letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L), in groups of
    /// four: about 98 bits.
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    static let length = 20

    struct Entry: Codable, Sendable, Equatable {
        var salt: String
        var hash: String
        var issued: String
        var prefix: String
    }

    let path: String

    public init(state: String) { path = state + "/access/codes.json" }

    /// A new code for `folder` (replacing any earlier one); the code itself is returned, never kept.
    public func issue(_ folder: String, now: Date = Date()) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<Self.length).map { _ in Self.alphabet.randomElement(using: &generator)! }
        let code = stride(from: 0, to: Self.length, by: 4).map { String(letters[$0..<($0 + 4)]) }.joined(separator: "-")
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var entries = try load()
        entries[folder] = Entry(
            salt: Hex.lowercase(salt), hash: try Self.hash(code, salt: salt), issued: ISO8601DateFormatter().string(from: now),
            prefix: Self.prefix(code))
        try save(entries)
        return code
    }

    /// Removes `folder`'s code; false when it had none.
    public func revoke(_ folder: String) throws -> Bool {
        var entries = try load()
        guard entries.removeValue(forKey: folder) != nil else { return false }
        try save(entries)
        return true
    }

    /// Folders that have a code.
    public func folders() -> [String] { ((try? load()) ?? [:]).keys.sorted() }

    /// Whether `code` is the one of `entry` (spaces, dashes and case as typed do not matter): one
    /// scrypt, a tenth of a second of a core.
    static func matches(_ code: String, _ entry: Entry) -> Bool {
        guard let salt = bytes(hex: entry.salt), let hash = try? hash(code, salt: salt) else { return false }
        return constantTimeEqual(Array(hash.utf8), Array(entry.hash.utf8))
    }

    /// The code as compared: without spaces and dashes, upper-cased.
    static func normalized(_ code: String) -> String { code.uppercased().filter { $0 != "-" && !$0.isWhitespace } }

    static func prefix(_ code: String) -> String { String(normalized(code).prefix(4)) }

    /// scrypt (N = 2^15, r = 8, p = 1: about 32 MB and a tenth of a second) of the normalized code.
    static func hash(_ code: String, salt: [UInt8]) throws -> String {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(normalized(code).utf8), salt: salt, outputByteCount: 32, rounds: 1 << 15, blockSize: 8, parallelism: 1)
        return key.withUnsafeBytes { Hex.lowercase($0) }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        let out = stride(from: 0, to: digits.count, by: 2).compactMap {
            UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)
        }
        return out.count * 2 == digits.count ? out : nil
    }

    func load() throws -> [String: Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        return try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func save(_ entries: [String: Entry]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = folder + "/.codes.\(getpid()).tmp"
        try DiskWrite.create(temporary, Array(try encoder.encode(entries)), mode: 0o600, sync: true)
        guard rename(temporary, path) == 0 else { throw DiskWrite.Failure(path: path, code: errno) }
    }
}
