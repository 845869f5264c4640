import Domain
import Foundation
import XLSX

/// A column of an output sheet: its fixed Russian header, width and cell style.
struct SheetColumn {
    var title: String
    var width: Double
    var style: Style?

    init(_ title: String, _ width: Double = 16, _ style: Style? = nil) {
        self.title = title
        self.width = width
        self.style = style
    }

    static func date(_ title: String) -> SheetColumn { SheetColumn(title, 12, .date) }
    static func count(_ title: String, _ width: Double = 12) -> SheetColumn { SheetColumn(title, width, .integer) }
}

/// Writes a table the way every workbook of SPEC §7 shows one: bold frozen header, autofilter,
/// set widths, typed cells. A table longer than Excel's 1,048,576 rows goes on to «Имя (2)», «Имя (3)»….
final class Table {
    private let workbook: Workbook
    private let name: String
    private let columns: [SheetColumn]
    private let titleRows: [String]
    private let rowLimit: Int
    private var sheet: Sheet?
    private var sheets = 0
    private var nextRow = 0
    private var headerRow = 0

    /// - Parameters:
    ///   - titleRows: lines above the header (a workbook's title, the reporting period).
    ///   - rowLimit: rows per sheet, Excel's limit unless a test asks for less.
    init(_ workbook: Workbook, name: String, columns: [SheetColumn], titleRows: [String] = [], rowLimit: Int = Sheet.maxRows) {
        self.workbook = workbook
        self.name = name
        self.columns = columns
        self.titleRows = titleRows
        self.rowLimit = rowLimit
    }

    /// The sheet being written (created with its header on first use).
    var current: Sheet {
        get throws {
            if let sheet { return sheet }
            return try startSheet()
        }
    }

    /// The row the next `append` writes (0-based).
    var row: Int { nextRow }

    /// Starts the sheet (title lines and header) and returns the row the first record will take.
    func dataStart() throws -> Int {
        _ = try current
        return nextRow
    }

    func append(_ values: [CellValue]) throws {
        if sheet == nil || nextRow >= rowLimit { try startSheet() }
        let sheet = try current
        // Spreadsheets do not grow a row for wrapped text on their own: give it the lines it needs.
        var lines = 1
        for (i, value) in values.enumerated() where i < columns.count && columns[i].style?.wrap == true {
            if case .text(let text) = value {
                let width = max(columns[i].width - 1, 1)
                let needed = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .reduce(0) { $0 + max(1, Int((Double($1.count) / width).rounded(.up))) }
                lines = max(lines, needed)
            }
        }
        if lines > 1 { try sheet.setRow(nextRow, height: Double(min(lines, 20)) * 15) }
        for (i, value) in values.enumerated() {
            try sheet.write(nextRow, i, value, i < columns.count ? columns[i].style : nil)
        }
        nextRow += 1
    }

    /// Closes the table: the autofilter over what was written.
    @discardableResult
    func finish() throws -> Sheet {
        let sheet = try current
        try sheet.autofilter(firstRow: headerRow, lastRow: nextRow - 1, columns: columns.count)
        return sheet
    }

    @discardableResult
    private func startSheet() throws -> Sheet {
        if sheet != nil { try finish() }
        sheets += 1
        let sheet = try workbook.addSheet(sheets == 1 ? name : "\(name) (\(sheets))")
        self.sheet = sheet
        for (i, column) in columns.enumerated() { try sheet.setColumn(i, width: column.width) }
        nextRow = 0
        for line in titleRows {
            try sheet.write(nextRow, 0, .text(line), .title)
            nextRow += 1
        }
        headerRow = nextRow
        try sheet.write(row: nextRow, columns.map { .text($0.title) }, .header)
        // Tall enough for the longest wrapped header (about one character per unit of width).
        let lines = columns.map { Int((Double($0.title.count) / max($0.width - 1, 1)).rounded(.up)) }.max() ?? 1
        try sheet.setRow(nextRow, height: Double(min(max(lines, 1), 6)) * 15 + 3)
        try sheet.printLandscape()
        sheet.freeze(rows: nextRow + 1)
        nextRow += 1
        return sheet
    }
}

/// Where each workbook goes and how it is stamped.
public struct OutputPlace: Sendable {
    public var outbox: String
    public var asOf: CivilDate

    public init(outbox: String, asOf: CivilDate) {
        self.outbox = outbox
        self.asOf = asOf
    }

    /// Midnight UTC of the as-of date: the same night gives the same bytes.
    var created: Date { Date(timeIntervalSince1970: TimeInterval(asOf.daysSinceEpoch) * 86_400) }

    func path(_ name: String) -> String { "\(outbox)/\(name)-\(asOf.iso).xlsx" }
}

extension CellValue {
    static func yesNo(_ value: Bool) -> CellValue { .text(value ? "да" : "нет") }
    static func snils(_ value: Snils) -> CellValue { .text(value.description) }
}
