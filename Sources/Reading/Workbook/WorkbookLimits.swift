import Domain

/// What one read of a workbook may expand to. A school's tables are a few thousand rows; these
/// limits are far above any of them and far below what would hurt the night: a workbook is a
/// compressed description of a table, and a small file can describe a huge one (one long text in
/// the shared strings used by every cell of a sheet). Past a limit, the workbook is refused as too
/// large, the work stops where it is, and the night goes on. SECURITY.md states the figures.
public enum WorkbookLimits {
    /// All parts together inflate to at most this much.
    static let inflatedBytes: UInt64 = 256 << 20
    /// A part of over a megabyte may inflate to at most this many times its compressed size;
    /// sheet XML, repetitive as it is, stays well under it, a zip bomb does not.
    static let ratio: UInt64 = 500
    /// Text in the cells read, in UTF-8 bytes, over every sheet of one read (a 100,000-row sheet
    /// of mentors holds about 15 MB).
    static let cellTextBytes = 64 << 20
    /// Cells of the tables read, the empty ones left of a filled cell included (they are fields
    /// of the row), over every sheet of one read.
    static let cells = 4_000_000
    /// Rows with a value, over every sheet of one read: one full Excel sheet.
    static let rows = 1_048_576
    /// Texts in the shared strings table.
    static let sharedStrings = 4_000_000

    /// Which limit a workbook went past.
    public enum Excess: Equatable, Sendable {
        case inflated(declaredBytes: UInt64)
        case compressionRatio(part: String)
        case cellText
        case cells
        case rows
        case sharedStrings

        var description: String {
            switch self {
            case .inflated(let bytes):
                "после распаковки она заняла бы \(bytes >> 20) МБ, а допустимо не больше \(WorkbookLimits.inflatedBytes >> 20) МБ"
            case .compressionRatio(let part): "её часть «\(part)» сжата в сотни раз сильнее, чем бывают таблицы"
            case .cellText:
                "текста в её ячейках больше \(WorkbookLimits.cellTextBytes >> 20) МБ (например, один длинный текст повторён во многих ячейках)"
            case .cells: "в ней больше \(RussianNumbers.integer(WorkbookLimits.cells)) ячеек"
            case .rows: "в ней больше \(RussianNumbers.integer(WorkbookLimits.rows)) строк с данными"
            case .sharedStrings: "в ней больше \(RussianNumbers.integer(WorkbookLimits.sharedStrings)) разных текстов"
            }
        }
    }
}

/// What one read of a workbook has spent of `WorkbookLimits`, over all the sheets it reads.
final class ReadingBudget {
    private var textBytes = 0
    private var cells = 0
    private var rows = 0

    /// Counts a cell's text; the excess once past a limit.
    func spend(text bytes: Int) -> WorkbookLimits.Excess? {
        textBytes += bytes
        return textBytes > WorkbookLimits.cellTextBytes ? .cellText : nil
    }

    /// Counts a row and its fields.
    func spend(row fields: Int) -> WorkbookLimits.Excess? {
        cells += fields
        rows += 1
        if cells > WorkbookLimits.cells { return .cells }
        return rows > WorkbookLimits.rows ? .rows : nil
    }
}
