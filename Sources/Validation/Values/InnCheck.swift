/// Where an organisation's ИНН is checked: 10 digits whose last is the checksum of the first nine.
public enum InnCheck {
    static let weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]

    public static func isValid(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 10, text.count == 10 else { return false }
        let sum = zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 % 10 == digits[9]
    }
}
