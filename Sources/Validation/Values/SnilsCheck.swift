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

    /// On a cell's bytes; in Windows-1251 a no-break space is the single byte A0.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, windows1251: Bool = false) -> Outcome {
        var value: UInt64 = 0
        var count = 0
        var sawExponent = false
        var sawFloatPunctuation = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x30...0x39:
                if count < 11 { value = value * 10 + UInt64(b - 0x30) }
                count += 1
            case 0x20, 0x2D, 0x09:
                break
            case 0xC2 where !windows1251 && i + 1 < bytes.count && bytes[i + 1] == 0xA0:
                i += 1
            case 0xA0 where windows1251:
                break
            case 0x45, 0x65:  // E e
                sawExponent = true
            case 0x2C, 0x2E, 0x2B:  // , . +
                sawFloatPunctuation = true
            default:
                return .notANumber
            }
            i += 1
        }
        if sawExponent { return .scientificNotation }
        // Separators other than spaces and dashes are allowed only inside a float Excel produced.
        if sawFloatPunctuation || count == 0 { return .notANumber }
        if count > 11 { return .tooManyDigits }
        // Fewer digits read as a smaller number: the zeros Excel dropped are back on the left.
        let snils = Snils(value: value)
        guard checksumIsValid(snils) else { return .badChecksum(snils) }
        return count < 11 ? .padded(snils) : .valid(snils)
    }

    /// The checksum rule: Σ dᵢ·(9…1) over the first nine digits; below 100 it is the sum, 100 and 101
    /// give 00, above 101 the sum mod 101 (100 again giving 00). Numbers up to 001-001-998 carry none.
    public static func checksumIsValid(_ snils: Snils) -> Bool {
        let number = snils.value / 100
        if number <= 1_001_998 { return true }
        var rest = number
        var sum: UInt64 = 0
        for weight in 1...9 {
            sum += rest % 10 * UInt64(weight)
            rest /= 10
        }
        let expected: UInt64
        switch sum {
        case ..<100: expected = sum
        case 100, 101: expected = 0
        default: expected = sum % 101 == 100 ? 0 : sum % 101
        }
        return expected == snils.value % 100
    }
}
