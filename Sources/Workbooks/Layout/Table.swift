import Domain
import Foundation
import XLSX

/// Writes a table the way every workbook of SPEC §7 shows one: bold frozen header, autofilter,
/// set widths, typed cells. A table longer than Excel's 1,048,576 rows goes on to «Имя (2)», «Имя (3)»….
final class Table<Row> {
    private let workbook: Workbook
    private let name: String
    let columns: [SheetColumn<Row>]
    private let titleRows: [String]
    private let rowLimit: Int
    private var sheet: Sheet?
    private var sheets = 0
    private var nextRow = 0
    private(set) var headerRow = 0
    /// One past the last record (a total row below is not filtered).
    private var recordsEnd = 0
    private let wrapping: [Int]
    /// Each column's cell format, looked up once.
    private let formats: [CellFormat]

    /// - Parameters:
    ///   - titleRows: lines above the header (a workbook's title, the reporting period).
    ///   - rowLimit: rows per sheet, Excel's limit unless a test asks for less.
    init(_ workbook: Workbook, name: String, columns: [SheetColumn<Row>], titleRows: [String] = [], rowLimit: Int = Sheet.maxRows) {
        self.workbook = workbook
        self.name = name
        self.columns = columns
        self.titleRows = titleRows
        self.rowLimit = rowLimit
        wrapping = columns.indices.filter { columns[$0].style?.wrap == true }
        formats = columns.map { workbook.cellFormat($0.style) }
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

    /// The position of a column, by its title.
    func column(_ title: String) -> Int {
        guard let i = columns.firstIndex(where: { $0.title == title }) else { preconditionFailure("no column «\(title)»") }
        return i
    }

    func append(_ record: Row) throws {
        try append(values: columns.map { $0.value(record) })
    }

    func append(_ records: some Sequence<Row>) throws {
        for record in records { try append(record) }
    }

    private func append(values: [CellValue]) throws {
        if sheet == nil || nextRow >= rowLimit { try startSheet() }
        let sheet = try current
        // Spreadsheets do not grow a row for wrapped text on their own: give it the lines it needs.
        var lines = 1
        for i in wrapping {
            if case .text(let text) = values[i] { lines = max(lines, Self.lines(text, width: max(columns[i].width - 1, 1))) }
        }
        if lines > 1 { try sheet.setRow(nextRow, height: Double(min(lines, 20)) * 15) }
        for (i, value) in values.enumerated() {
            try sheet.write(nextRow, i, value, format: formats[i])
        }
        nextRow += 1
        recordsEnd = nextRow
    }

    /// How many lines a text takes in a column `width` characters wide: each of its lines, cut
    /// into widths. Characters are counted as UTF-8 lead bytes (close enough for a row height, and
    /// the tables write hundreds of thousands of cells).
    static func lines(_ text: String, width: Double) -> Int {
        var lines = 0
        var characters = 0
        func endLine() {
            lines += max(1, Int((Double(characters) / width).rounded(.up)))
            characters = 0
        }
        for byte in text.utf8 {
            if byte == 0x0A {
                endLine()
            } else if byte & 0xC0 != 0x80 {
                characters += 1
            }
        }
        endLine()
        return lines
    }

    /// A total row under the records: `SUM` formulas (and the columns' other totals) with their
    /// values cached from `total`, so that a reader that does not calculate still sees them.
    func appendTotal(_ total: Row) throws {
        let sheet = try current
        let first = headerRow + 2
        let last = nextRow  // 1-based rows of the records, as formulas count
        for (i, declared) in columns.enumerated() {
            let cell = Style(bold: true, numberFormat: declared.style?.numberFormat, border: true)
            let cached = declared.value(total)
            switch declared.total {
            case nil:
                try sheet.write(nextRow, i, cached, cell)
            case .sum:
                let letter = Sheet.columnName(i)
                try sheet.write(nextRow, i, .formula("=SUM(\(letter)\(first):\(letter)\(last))", cached: cached.number ?? 0), cell)
            case .percent(let numerator, let denominator):
                let n = "\(Sheet.columnName(column(numerator)))\(nextRow + 1)"
                let d = "\(Sheet.columnName(column(denominator)))\(nextRow + 1)"
                try sheet.write(nextRow, i, .formula("=IF(\(d)=0,0,\(n)/\(d)*100)", cached: cached.number ?? 0), cell)
            }
        }
        nextRow += 1
    }

    /// Closes the table: the autofilter over what was written.
    @discardableResult
    func finish() throws -> Sheet {
        let sheet = try current
        try sheet.autofilter(firstRow: headerRow, lastRow: recordsEnd - 1, columns: columns.count)
        return sheet
    }

    /// `'Лист'!$F$3:$F$20`: the records of a column, for a chart.
    func range(_ title: String, firstRow: Int, lastRow: Int) throws -> String {
        try current.range(firstRow: firstRow, column: column(title), lastRow: lastRow)
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
        recordsEnd = nextRow
        return sheet
    }
}
