import Domain
import Foundation
import XLSX

/// Writes a table the way every workbook of SPEC §7 shows one: bold frozen header, autofilter,
/// typed cells, and the one place that sizes and prints every table (`ColumnFit`): each column as
/// wide as its header's longest word and its values need, up to the column's declared width, beyond
/// which text wraps at the top of a row tall enough for every line; A4, one page wide, the header
/// repeated on every page. A table longer than Excel's 1,048,576 rows goes on to «Имя (2)»….
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
    /// Each column's cell format (its style, wrapped, at the top), looked up once.
    private let formats: [CellFormat]
    private var fit: ColumnFit

    /// - Parameters:
    ///   - titleRows: lines above the header (a workbook's title, the reporting period).
    ///   - rowLimit: rows per sheet, Excel's limit unless a test asks for less.
    init(_ workbook: Workbook, name: String, columns: [SheetColumn<Row>], titleRows: [String] = [], rowLimit: Int = Sheet.maxRows) {
        self.workbook = workbook
        self.name = name
        self.columns = columns
        self.titleRows = titleRows
        self.rowLimit = rowLimit
        formats = columns.map { column in
            var style = column.style ?? Style()
            style.wrap = true
            style.top = true
            return workbook.cellFormat(style)
        }
        fit = ColumnFit(titles: columns.map(\.title), limits: columns.map(\.width))
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
        let lines = fit.add(values)
        if lines > 1 { try sheet.setRow(nextRow, height: ColumnFit.height(lines: lines)) }
        for (i, value) in values.enumerated() {
            try sheet.write(nextRow, i, value, format: formats[i])
        }
        nextRow += 1
        recordsEnd = nextRow
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
            case .formula(let text):
                guard let value = cached.number else {
                    try sheet.write(nextRow, i, .blank, cell)
                    continue
                }
                let row = nextRow + 1
                try sheet.write(nextRow, i, .formula(text { "\(Sheet.columnName(column($0)))\(row)" }, cached: value), cell)
            }
        }
        nextRow += 1
    }

    /// Closes the table: the autofilter over what was written, the columns' widths from what they
    /// hold, and how it prints (across the page when it is wide).
    @discardableResult
    func finish() throws -> Sheet {
        let sheet = try current
        try sheet.autofilter(firstRow: headerRow, lastRow: recordsEnd - 1, columns: columns.count)
        let widths = fit.widths()
        for (i, width) in widths.enumerated() { try sheet.setColumn(i, width: width) }
        try sheet.printSetup(landscape: widths.reduce(0, +) > ColumnFit.portraitWidth, repeating: headerRow...headerRow)
        return sheet
    }

    /// A line of text across the table's columns (a title, an explanation under the table), wrapped
    /// in a row tall enough for it at the narrowest the columns can be.
    func note(_ text: String, row: Int, style: Style = Style(wrap: true, top: true), factor: Double = ColumnFit.textFactor) throws {
        let sheet = try current
        let lines = ColumnFit.lines(text, width: fit.narrowest, factor: factor)
        if columns.count > 1 {
            try sheet.merge(row: row, firstColumn: 0, lastColumn: columns.count - 1, text, style)
        } else {
            try sheet.write(row, 0, .text(text), style)
        }
        try sheet.setRow(row, height: ColumnFit.height(lines: lines) * (style.fontSize ?? 11) / 11)
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
        nextRow = 0
        for line in titleRows {
            // Across the table's columns, wrapped: a title never widens what prints.
            try note(line, row: nextRow, style: Style(bold: true, wrap: true, fontSize: 13, top: true), factor: ColumnFit.boldFactor * 1.2)
            nextRow += 1
        }
        headerRow = nextRow
        try sheet.write(row: nextRow, columns.map { .text($0.title) }, .header)
        try sheet.setRow(nextRow, height: ColumnFit.height(lines: fit.headerLines) + 3)
        sheet.freeze(rows: nextRow + 1)
        nextRow += 1
        recordsEnd = nextRow
        return sheet
    }
}
