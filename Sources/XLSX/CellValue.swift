import Domain

/// A cell value. Text is always written as text: never read as a formula, whatever it starts with.
public enum CellValue: Equatable {
    case text(String)
    case number(Double)
    /// A real Excel date (a serial number) shown with the style's date format.
    case date(CivilDate)
    /// A formula with the value it computes, stored so that readers that do not calculate see it.
    case formula(String, cached: Double)
    case blank

    public static func optional(_ text: String?) -> CellValue { text.map(CellValue.text) ?? .blank }
    public static func optional(_ date: CivilDate?) -> CellValue { date.map(CellValue.date) ?? .blank }
    public static func integer(_ n: Int) -> CellValue { .number(Double(n)) }
}

extension CivilDate {
    /// Excel's serial day number (1900 date system): days since 1899-12-30.
    public var excelSerial: Double { Double(daysSinceEpoch + 25_569) }
}
