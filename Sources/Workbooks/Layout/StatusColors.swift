import Deadlines
import Domain
import XLSX

/// One colour per deadline status (`DeadlineStatus.colour`), the same in every workbook, with its legend.
enum StatusColors {
    static func style(_ status: DeadlineStatus) -> Style {
        let colour = status.colour
        return Style(bold: colour.bold, fill: colour.fill, fontColor: colour.text)
    }

    /// Colours a range by the status text in each cell (conditional formats follow later edits).
    static func apply(_ sheet: Sheet, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        guard lastRow >= firstRow, lastColumn >= firstColumn else { return }
        for status in DeadlineStatus.allCases {
            try sheet.highlight(
                firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn, equalTo: status.rawValue,
                style(status))
        }
    }

    /// The legend: one coloured cell per status, from `row` down in `column`.
    static func legend(_ sheet: Sheet, row: Int, column: Int) throws {
        try sheet.write(row, column, .text("Условные обозначения"), Style(bold: true))
        for (i, status) in DeadlineStatus.allCases.enumerated() {
            try sheet.write(row + 1 + i, column, .text(status.rawValue), style(status))
        }
    }
}
