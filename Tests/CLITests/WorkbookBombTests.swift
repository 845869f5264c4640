import CommandTestSupport
import Foundation
import Testing
import XLSXTestSupport

/// Workbooks whose few kilobytes describe a table of gigabytes: one long text in the shared strings
/// used by thousands of cells, or cells far to the right in every row. Each is refused as too large
/// the moment its reading goes past `WorkbookLimits`, by `run` (whose night goes on for the other
/// schools), `validate` and `inspect`, in bounded time and memory (peak RSS, by /usr/bin/time).
/// Before the limits, the first took `inspect` to 16 GB and was killed.
struct WorkbookBombTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    /// A random megabyte of Cyrillic (it compresses about ten times: no zip-bomb ratio) in the
    /// shared strings, and `uses` cells that show it.
    static func longTextUsedBy(_ uses: Int) throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
        let long = String((0..<(1 << 19)).map { _ in letters.randomElement(using: &generator)! })
        let strings =
            #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Фамилия</t></si><si><t>\#(long)</t></si></sst>"#
        var rows = #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#
        for r in 0..<(uses / 10) { rows += "<row r=\"\(r + 2)\">" + String(repeating: #"<c t="s"><v>1</v></c>"#, count: 10) + "</row>" }
        return try HandMadeWorkbook.bytes(sheets: [("Наставники", rows, nil)], extra: [("xl/sharedStrings.xml", strings)])
    }

    /// A cell in the last column of Excel in each of `rows` rows: 16,384 fields a row.
    static func farRightCells(rows: Int) throws -> [UInt8] {
        var xml = ""
        for r in 1...rows { xml += "<row r=\"\(r)\"><c r=\"XFD\(r)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }
        return try HandMadeWorkbook.bytes(sheets: [("Наставники", xml, nil)])
    }

    static let bound = 400_000  // kB: the refusal's peak, with the binary's own, well under it

    static var sanitized: Bool { dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil }

    static func cases() throws -> [(String, [UInt8])] {
        [
            ("longtext-12000.xlsx", try longTextUsedBy(12_000)), ("longtext-400.xlsx", try longTextUsedBy(400)),
            ("farright.xlsx", try farRightCells(rows: 400)),
        ]
    }

    @Test(.timeLimit(.minutes(2)))
    func theNightRefusesThemAndGoesOn() throws {
        let ws = try Workspace()
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorB, "Белов")]))
        for (name, bytes) in try Self.cases() { try ws.drop(a, name, bytes) }
        let result = try ws.run(measured: true)
        #expect(result.status == 0, "\(result.stderr)")
        let peak = try #require(result.peakKilobytes)
        #expect(Self.sanitized || peak < Self.bound, "peak \(peak) kB")
        #expect(try ws.registry().currentCounts()[b]?[.mentors] == 1)
        let receipt = try ws.receiptText(a)
        for (name, _) in try Self.cases() { #expect(receipt.contains("\(name) | "), "\(name)") }
        #expect(receipt.contains("текста в её ячейках больше 64 МБ"))
        #expect(receipt.contains("в ней больше 4\u{A0}000\u{A0}000 ячеек"))
        #expect(ws.files(under: ws.state.appendingPathComponent("quarantine/\(a)")).count == 3)
    }

    @Test(.timeLimit(.minutes(2)))
    func validateAndInspectRefuseThemInBoundedMemory() throws {
        let dir = try CommandRunner.scratch(Dictionary(uniqueKeysWithValues: try Self.cases()))
        for (name, _) in try Self.cases() {
            let path = dir.appendingPathComponent(name).path
            for arguments in [["validate", path, "--school", a], ["inspect", path], ["inspect", path, "--format", "json"]] {
                let result = try CommandRunner.run(arguments, measured: true)
                let peak = try #require(result.peakKilobytes)
                #expect(Self.sanitized || peak < Self.bound, "\(arguments): peak \(peak) kB")
                #expect(result.status == 1, "\(arguments)")
                #expect((result.stdout + result.stderr).contains("Книга Excel слишком велика для таблицы школы"), "\(arguments)")
            }
        }
    }
}
