import Domain
import XLSX

/// A column of an output sheet, declared once: its fixed Russian header, width, cell style and
/// how its value is taken from a row.
struct SheetColumn<Row>: Sendable {
    var title: String
    var width: Double
    var style: Style?
    var value: @Sendable (Row) -> CellValue
    /// What the column's cell in a total row holds (the statform's `Итого`).
    var total: Total?

    enum Total: Sendable {
        /// `SUM` of the column.
        case sum
        /// `numerator / denominator × 100` of the totals of two other columns (by title).
        case percent(of: String, per: String)
        /// A formula over the total row's cells, given a column's cell by its title; an empty cell
        /// where the total's own value is empty (a share of nothing).
        case formula(@Sendable (_ cell: (String) -> String) -> String)
    }

    init(_ title: String, _ width: Double = 16, _ style: Style? = nil, total: Total? = nil, _ value: @escaping @Sendable (Row) -> CellValue)
    {
        self.title = title
        self.width = width
        self.style = style
        self.total = total
        self.value = value
    }

    static func text(_ title: String, _ width: Double = 16, wrapped: Bool = false, _ value: @escaping @Sendable (Row) -> String?)
        -> SheetColumn
    {
        SheetColumn(title, width, wrapped ? .wrapped : nil) { .optional(value($0)) }
    }

    static func date(_ title: String, _ value: @escaping @Sendable (Row) -> CivilDate?) -> SheetColumn {
        SheetColumn(title, 12, .date) { .optional(value($0)) }
    }

    static func count(_ title: String, _ width: Double = 12, total: Total? = nil, _ value: @escaping @Sendable (Row) -> Int?) -> SheetColumn
    {
        SheetColumn(title, width, .integer, total: total) { value($0).map(CellValue.integer) ?? .blank }
    }

    static func yesNo(_ title: String, _ width: Double = 12, _ value: @escaping @Sendable (Row) -> Bool) -> SheetColumn {
        SheetColumn(title, width) { .text(value($0) ? "да" : "нет") }
    }

    static func snils(_ title: String, _ value: @escaping @Sendable (Row) -> Snils) -> SheetColumn {
        SheetColumn(title, 15) { .text(value($0).description) }
    }
}

extension CellValue {
    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}
