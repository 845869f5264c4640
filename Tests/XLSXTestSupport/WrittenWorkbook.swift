import Foundation
import XLSX

/// Workbooks written by libxlsxwriter (through the project's XLSX layer) for the tests to read:
/// what a school's own program might save.
public enum WrittenWorkbook {
    static let scratch = NSTemporaryDirectory() + "nastavnik-written-\(getpid())"

    /// The bytes of the workbook `fill` writes.
    public static func bytes(constantMemory: Bool = false, _ fill: (Workbook) throws -> Void) throws -> [UInt8] {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let path = scratch + "/\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path, constantMemory: constantMemory, created: Date(timeIntervalSince1970: 0), title: "тест")
        try fill(workbook)
        try workbook.close()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Sheets of cells, in order; the columns in `dates` formatted as dates.
    public static func sheets(_ sheets: [(String, [[CellValue]])], dates: Set<Int> = []) throws -> [UInt8] {
        try bytes { workbook in
            for (name, rows) in sheets {
                let sheet = try workbook.addSheet(name)
                for (r, row) in rows.enumerated() {
                    for (c, value) in row.enumerated() { try sheet.write(r, c, value, dates.contains(c) ? .date : nil) }
                }
            }
        }
    }

    /// Sheets of text cells.
    public static func texts(_ sheets: [(String, [[String]])]) throws -> [UInt8] {
        try self.sheets(sheets.map { ($0.0, $0.1.map { $0.map(CellValue.text) }) })
    }
}
