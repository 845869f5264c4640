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
    public var digits: String { spelled(separators: false) }

    /// `NNN-NNN-NNN NN`.
    public var description: String { spelled(separators: true) }

    /// Written digit by digit from the right: the registry writes one in every row.
    private func spelled(separators: Bool) -> String {
        String(unsafeUninitializedCapacity: separators ? 14 : 11) { text in
            var rest = value
            var at = separators ? 13 : 10
            for digit in 0..<11 {
                if separators && (digit == 2 || digit == 5 || digit == 8) {
                    text[at] = UInt8(ascii: digit == 2 ? " " : "-")
                    at -= 1
                }
                text[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                at -= 1
            }
            return separators ? 14 : 11
        }
    }

    public static func < (a: Snils, b: Snils) -> Bool { a.value < b.value }
}
