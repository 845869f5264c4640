import CXLSXWriter
import Domain
import Foundation

/// A worksheet of a `Workbook`; valid until the workbook is closed.
public struct Sheet {
    unowned let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String

    /// Excel's limit of rows per sheet (for characters per cell see `SpreadsheetText`).
    public static let maxRows = 1_048_576

    public func write(_ row: Int, _ column: Int, _ value: CellValue, _ style: Style? = nil) throws {
        try write(row, column, value, format: workbook.cellFormat(style))
    }

    /// As above, with a format looked up beforehand: the way a table writes its cells.
    public func write(_ row: Int, _ column: Int, _ value: CellValue, format cellFormat: CellFormat) throws {
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        let format = cellFormat.pointer
        let error: lxw_error
        switch value {
        case .text(let text):
            let fitted = SpreadsheetText.fitted(text)
            error = fitted.isEmpty ? worksheet_write_blank(handle, r, c, format) : worksheet_write_string(handle, r, c, fitted, format)
        case .number(let number):
            error = worksheet_write_number(handle, r, c, number, format)
        case .date(let date):
            error = worksheet_write_number(handle, r, c, date.excelSerial, format)
        case .formula(let formula, let cached):
            error = worksheet_write_formula_num(handle, r, c, formula, format, cached)
        case .blank:
            error = worksheet_write_blank(handle, r, c, format)
        }
        try workbook.check(error, "лист «\(name)», строка \(row + 1), столбец \(column + 1)")
    }

    /// Writes a row of values from `column` on.
    public func write(row: Int, from column: Int = 0, _ values: [CellValue], _ style: Style? = nil) throws {
        for (i, value) in values.enumerated() { try write(row, column + i, value, style) }
    }

    public func setColumn(_ column: Int, width: Double, _ style: Style? = nil) throws {
        try workbook.check(
            worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, workbook.format(style)), "ширина столбца")
    }

    public func setRow(_ row: Int, height: Double) throws {
        try workbook.check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "высота строки")
    }

    /// How the sheet prints: on A4, across the page when `landscape`, scaled to one page wide (as
    /// many tall as it takes), the rows `repeating` (the header) on every page, gridlines, the
    /// workbook's title and date at the top and «стр. N из M» at the bottom.
    public func printSetup(landscape: Bool, repeating rows: ClosedRange<Int>? = nil) throws {
        worksheet_set_paper(handle, 9)
        if landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_gridlines(handle, UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue))
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.6)
        if let rows {
            try workbook.check(worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "строки заголовка")
        }
        // `&` opens a code in a page header: a title's own ampersands are doubled.
        try workbook.check(worksheet_set_header(handle, "&L\(workbook.headerText)&R\(name.doubling("&"))"), "колонтитул")
        try workbook.check(worksheet_set_footer(handle, "&Cстр. &P из &N"), "колонтитул")
    }

    /// Keeps the first `rows` rows in view while scrolling.
    public func freeze(rows: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), 0)
    }

    public func autofilter(firstRow: Int, lastRow: Int, columns: Int) throws {
        try workbook.check(
            worksheet_autofilter(handle, lxw_row_t(firstRow), 0, lxw_row_t(max(lastRow, firstRow)), lxw_col_t(max(columns - 1, 0))),
            "автофильтр")
    }

    public func merge(row: Int, firstColumn: Int, lastColumn: Int, _ text: String, _ style: Style? = nil) throws {
        try workbook.check(
            worksheet_merge_range(
                handle, lxw_row_t(row), lxw_col_t(firstColumn), lxw_row_t(row), lxw_col_t(lastColumn), text, workbook.format(style)),
            "объединение ячеек")
    }

    /// A drop-down list on a column range. Excel limits the list to 255 characters in all.
    public func dropDown(column: Int, firstRow: Int, lastRow: Int, values: [String], title: String) throws {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: values.count + 1)
        defer { list.deallocate() }
        for (i, value) in values.enumerated() { list[i] = workbook.retain(value) }
        list[values.count] = nil
        validation.value_list = list
        validation.error_title = workbook.retain(title)
        validation.error_message = workbook.retain("Выберите значение из списка.")
        try workbook.check(
            worksheet_data_validation_range(
                handle, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column), &validation),
            "список значений «\(title)»")
    }

    /// Colours the cells of a range whose text equals `text` (a conditional format, so that the
    /// colour follows the value if someone edits it).
    public func highlight(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, equalTo text: String, _ style: Style) throws {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        rule.value_string = workbook.retain("\"\(text.doubling("\""))\"")
        rule.format = workbook.format(style)
        try workbook.check(
            worksheet_conditional_format_range(
                handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &rule),
            "условный формат")
    }

    public func insert(_ chart: Chart, row: Int, column: Int) throws {
        try workbook.check(worksheet_insert_chart(handle, lxw_row_t(row), lxw_col_t(column), chart.handle), "диаграмма")
    }

    /// `'Лист'!$A$2:$A$10`: a range of this sheet for charts and formulas.
    public func range(firstRow: Int, column: Int, lastRow: Int, lastColumn: Int? = nil) -> String {
        let sheet = name.doubling("'")
        return "'\(sheet)'!$\(Self.columnName(column))$\(firstRow + 1):$\(Self.columnName(lastColumn ?? column))$\(lastRow + 1)"
    }

    /// `A`, `B`, …, `Z`, `AA`…
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

extension String {
    /// The text with each `ascii` character written twice: how a quote is escaped inside quotes in
    /// a formula, and `&` in a page header.
    func doubling(_ ascii: Unicode.Scalar) -> String {
        let byte = UInt8(ascii: ascii)
        guard utf8.contains(byte) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        for b in utf8 {
            bytes.append(b)
            if b == byte { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
