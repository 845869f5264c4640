import Domain

/// Where a СНИЛС is checked (SPEC §4): 11 digits, spaces and dashes ignored, leading zeros that
/// Excel dropped restored, and the checksum of the first nine digits.
public enum SnilsCheck {
    public enum Outcome: Equatable, Sendable {
        case valid(Snils)
        /// Fewer than 11 digits: padded with zeros on the left (a warning).
        case padded(Snils)
        case badChecksum(Snils)
        case tooManyDigits
        case notANumber
        /// `1,12233E+10`: Excel turned the number into a float and lost digits.
        case scientificNotation
    }

    public static func check(_ text: String) -> Outcome {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { check(UnsafeBufferPointer($0)) }
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var digits = [UInt8](repeating: 0x30, count: 11)
        var count = 0
        var sawExponent = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x30...0x39:
                if count < 11 { digits[count] = b }
                count += 1
            case 0x20, 0x2D, 0x09:
                break
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0:
                i += 1
            case 0x45, 0x65:  // E e
                sawExponent = true
            case 0x2C, 0x2E, 0x2B:  // , . +
                break
            default:
                return .notANumber
            }
            i += 1
        }
        if sawExponent { return .scientificNotation }
        // Separators other than spaces and dashes are allowed only inside a float Excel produced.
        if bytes.contains(where: { $0 == 0x2C || $0 == 0x2E || $0 == 0x2B }) { return .notANumber }
        if count == 0 { return .notANumber }
        if count > 11 { return .tooManyDigits }
        var padded = false
        if count < 11 {
            let shift = 11 - count
            for k in stride(from: 10, through: 0, by: -1) { digits[k] = k >= shift ? digits[k - shift] : 0x30 }
            padded = true
        }
        let snils = Snils(digits: String(decoding: digits, as: UTF8.self))
        guard checksumIsValid(digits.map { Int($0 - 0x30) }) else { return .badChecksum(snils) }
        return padded ? .padded(snils) : .valid(snils)
    }

    /// The checksum rule: Σ dᵢ·(9…1) over the first nine digits; below 100 it is the sum, 100 and 101
    /// give 00, above 101 the sum mod 101 (100 again giving 00). Numbers up to 001-001-998 carry none.
    public static func checksumIsValid(_ d: [Int]) -> Bool {
        precondition(d.count == 11)
        let number = d[0..<9].reduce(0) { $0 * 10 + $1 }
        if number <= 1_001_998 { return true }
        let sum = (0..<9).reduce(0) { $0 + d[$1] * (9 - $1) }
        let expected: Int
        switch sum {
        case ..<100: expected = sum
        case 100, 101: expected = 0
        default: expected = sum % 101 == 100 ? 0 : sum % 101
        }
        return expected == d[9] * 10 + d[10]
    }
}
