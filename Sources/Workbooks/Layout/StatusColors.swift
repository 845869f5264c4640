import Deadlines
import XLSX

/// One colour per deadline status, the same in every workbook, with its legend.
enum StatusColors {
    static func style(_ status: DeadlineStatus) -> Style {
        switch status {
        case .doneOnTime: Style(fill: 0xC6EFCE, fontColor: 0x006100)
        case .doneLate: Style(fill: 0xFFEB9C, fontColor: 0x9C5700)
        case .overdue: Style(bold: true, fill: 0xFFC7CE, fontColor: 0x9C0006)
        case .dueSoon: Style(fill: 0xFCE4D6, fontColor: 0x843C0C)
        case .notYetDue: Style(fill: 0xF2F2F2)
        case .ongoing: Style(fill: 0xDDEBF7, fontColor: 0x1F4E79)
        }
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
