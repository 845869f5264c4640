/// The one rule for how much text a spreadsheet cell holds: 32,767 characters as Excel counts them
/// (UTF-16 code units, an emoji being two). libxlsxwriter counts Unicode scalars, never more than
/// that, so a text that fits here is written by it too. Validation warns about a value that does
/// not fit; the workbooks cut it with a visible mark.
public enum SpreadsheetText {
    public static let maxLength = 32_767

    public static func fits(_ text: String) -> Bool {
        // A UTF-8 byte count within the limit is a UTF-16 count within it: no need to count.
        text.utf8.count <= maxLength || text.utf16.count <= maxLength
    }

    /// The text as it fits a cell: whole scalars up to the limit, the last place taken by «…».
    public static func fitted(_ text: String) -> String {
        guard !fits(text) else { return text }
        var units = 0
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            units += scalar.utf16.count
            if units > maxLength - 1 { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }
}
