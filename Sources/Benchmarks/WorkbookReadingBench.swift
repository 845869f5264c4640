import Domain
import Foundation
import Reading
import Validation
import XLSX
import ZIPFoundation

/// `.xlsx` input: a school-sized workbook (six sheets, one per dataset) read and every sheet
/// validated, and a 100,000-row `mentors` sheet, in MB/s of its sheet XML.
enum WorkbookReadingBench {
    static let context = ValidationContext(
        school: "tetyushi-sosh1", asOf: CivilDate(year: 2026, month: 3, day: 1)!, roadmapCodes: ["П2.1", "П2.6", "1.5", "3.1"],
        people: NoPeople())

    static func run(runs: Int) {
        let folder = NSTemporaryDirectory() + "nastavnik-bench-workbooks"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        // The demo school's files, with fifteen mentors, as one workbook of six sheets.
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../inbox/tetyushi-sosh1")
            .standardized
        var sheets: [(String, [[String]])] = []
        for dataset in Dataset.allCases {
            let bytes =
                dataset == .mentors
                ? Array(MentorsFile.text(rows: 15).utf8)
                : Array(try! Data(contentsOf: demo.appendingPathComponent("\(dataset.rawValue).csv")))
            let table = try! CSVDocument.parse(bytes).table
            sheets.append((dataset.russianFileName, (0..<table.count).map(table.record)))
        }
        let school = write(folder + "/school.xlsx", sheets)
        let rows = sheets.map { $0.1.count - 1 }
        var times: [Double] = []
        for _ in 0..<max(runs, 1) * 200 {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try! SpreadsheetDocument.parse(school)
            for dataset in Dataset.allCases {
                _ = WorkbookSheets.validate(name: "school.xlsx", dataset: dataset, document: document, context: context)
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(
            String(
                format: "school workbook: %d bytes, 6 sheets of %@ rows: median %.2f ms read and validated (%d runs)", school.count,
                rows.map(String.init).joined(separator: "/"), times.sorted()[times.count / 2], times.count))

        // A large mentors sheet.
        let csv = try! CSVDocument.parse(Array(MentorsFile.text(rows: 100_000).utf8)).table
        let large = write(folder + "/mentors-100k.xlsx", [("Наставники", (0..<csv.count).map(csv.record))])
        let sheetBytes = sheetXMLSize(large)
        var rates: [Double] = []
        for run in 1...max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try! SpreadsheetDocument.parse(large)
            let read = DispatchTime.now().uptimeNanoseconds
            let result = WorkbookSheets.validate(name: "mentors.xlsx", dataset: .mentors, document: document, context: context)
            let end = DispatchTime.now().uptimeNanoseconds
            let seconds = Double(end - start) / 1e9
            precondition(result.isAccepted, "the generated sheet must be valid: \(result.findings.prefix(3))")
            rates.append(Double(sheetBytes) / 1_048_576 / seconds)
            print(
                String(
                    format: "run %d: %.2f s (read %.2f s, validate %.2f s), %.1f MB/s of sheet XML, %d rows", run, seconds,
                    Double(read - start) / 1e9, Double(end - read) / 1e9, rates.last!, result.rowCount))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(
            String(
                format: "100,000-row mentors sheet: %.1f MB of sheet XML in a %.1f MB file; median %.1f MB/s (peak memory %.0f MB)",
                Double(sheetBytes) / 1_048_576, Double(large.count) / 1_048_576, rates.sorted()[rates.count / 2],
                Double(usage.ru_maxrss) / 1024))
    }

    /// Cells as text, through the project's own libxlsxwriter wrapper (shared strings, as Excel writes).
    static func write(_ path: String, _ sheets: [(String, [[String]])]) -> [UInt8] {
        let workbook = try! Workbook(path: path, created: Date(timeIntervalSince1970: 0), title: "bench")
        for (name, rows) in sheets {
            let sheet = try! workbook.addSheet(name)
            for (r, row) in rows.enumerated() { try! sheet.write(row: r, row.map(CellValue.text)) }
        }
        try! workbook.close()
        return Array(try! Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The inflated size of the sheet parts and shared strings: what the XML parser reads.
    static func sheetXMLSize(_ bytes: [UInt8]) -> Int {
        let archive = try! Archive(data: Data(bytes), accessMode: .read)
        return archive.filter { $0.path.hasPrefix("xl/worksheets/") || $0.path.hasSuffix("sharedStrings.xml") }
            .reduce(0) { $0 + Int($1.uncompressedSize) }
    }
}
