/// A СНИЛС as its 11-digit number; checked by Validation before one is made from a school's text.
public struct Snils: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 11 digits read as one number (leading zeros included as zeros).
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// From exactly 11 decimal digits.
    public init?(digits: String) {
        guard digits.utf8.count == 11, let value = UInt64(digits) else { return nil }
        self.value = value
    }

    /// The 11 digits, leading zeros kept.
    public var digits: String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 11 - text.count)) + text
    }

    /// `NNN-NNN-NNN NN`.
    public var description: String {
        let d = Array(digits)
        return String(d[0..<3]) + "-" + String(d[3..<6]) + "-" + String(d[6..<9]) + " " + String(d[9..<11])
    }

    public static func < (a: Snils, b: Snils) -> Bool { a.value < b.value }
}
