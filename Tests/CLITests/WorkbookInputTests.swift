import Foundation
import Testing
import XLSXTestSupport
import ZIPFoundation

/// Schools may send the workbook they filled in: the template from `nastavnik templates`, filled and
/// dropped into the school's folder as it is, gives the registry rows and receipt the same data in
/// CSV gives.
struct WorkbookInputTests {
    let school = "tetyushi-sosh1"
    let people = [("112-233-445 95", "Андреева"), ("145-274-509 62", "Белова")]

    /// The template's «Наставники» sheet filled as a curator would (inline strings, as some
    /// programs save them), everything else of the template left as it was written.
    func filledTemplate(_ ws: Workspace) throws -> [UInt8] {
        let folder = ws.root.appendingPathComponent("templates")
        let made = try CommandRunner.run(["templates", "--out", folder.path, "--config", ws.config.path])
        #expect(made.status == 0, "\(made.stderr)")
        let path = folder.appendingPathComponent("шаблоны.xlsx").path
        // libxlsxwriter numbers sheet parts in the order of the sheets.
        let template = try XLSXFile(path: path)
        #expect(
            template.sheets.map(\.name) == [
                "Инструкция", "Сведения", "Кураторы", "Наставники", "Наставляемые", "Программы", "Дорожная карта",
            ])
        let part = "xl/worksheets/sheet4.xml"
        let xml = try #require(template.parts[part])

        let rows =
            [Files.mentorHeader]
            + people.map { [$0.0, $0.1, "Галина", "Петровна", "12.03.1971", "Учитель", "Математика", "20", "высшая", "14.11.2022", "да"] }
        var sheetData = "<sheetData>"
        for (r, row) in rows.enumerated() {
            sheetData += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                sheetData += "<c r=\"\(XLSXFile.reference(row: r + 1, column: c))\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
            }
            sheetData += "</row>"
        }
        sheetData += "</sheetData>"
        let start = try #require(xml.range(of: "<sheetData"))
        let end = try #require(xml.range(of: "</sheetData>") ?? xml.range(of: "<sheetData/>"))
        let filled = Data((String(xml[..<start.lowerBound]) + sheetData + String(xml[end.upperBound...])).utf8)

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        try archive.remove(try #require(archive[part]))
        try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(filled.count), compressionMethod: .deflate) {
            position, size in
            filled.subdata(in: Int(position)..<Int(position) + size)
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The registry's current mentor rows, without the file they came from.
    func mentorRows(_ ws: Workspace) throws -> [String] {
        let dump = try ws.registry().contentDump()
        let section = try #require(dump.components(separatedBy: "# ").first { $0.contains("FROM mentor_row") })
        return section.split(separator: "\n").dropFirst().map { line in
            var fields = line.components(separatedBy: " | ")
            fields.remove(at: 1)  // the SHA-256 of the file
            return fields.joined(separator: " | ")
        }
    }

    @Test func aFilledTemplateIsTakenAsItsCSVWouldBe() throws {
        let sheet = try Workspace()
        try sheet.drop(school, "шаблоны.xlsx", try filledTemplate(sheet))
        let csv = try Workspace()
        try csv.drop(school, "mentors.csv", Files.mentors(people))
        for ws in [sheet, csv] {
            let result = try ws.run()
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try mentorRows(sheet).count == 2)
        #expect(try mentorRows(sheet) == mentorRows(csv))
        let receipt = try sheet.receiptText(school)
        #expect(receipt.contains("шаблоны.xlsx"))
        #expect(receipt.contains("принят"))
        #expect(receipt.replacingOccurrences(of: "шаблоны.xlsx", with: "mentors.csv") == (try csv.receiptText(school)))
        // The workbook is archived whole, as it came.
        let archived = sheet.files(under: sheet.state.appendingPathComponent("archive"))
        #expect(archived.contains { $0.hasSuffix("_шаблоны.xlsx") })
    }

    @Test func validateJudgesTheWorkbookAsTheNightWill() throws {
        let ws = try Workspace()
        let path = ws.root.appendingPathComponent("шаблоны.xlsx")
        try Data(try filledTemplate(ws)).write(to: path)
        let accepted = try CommandRunner.run(["validate", path.path, "--school", school, "--config", ws.config.path, "--as-of", ws.asOf])
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains("шаблоны.xlsx — Наставники"))
        #expect(accepted.stdout.contains("Итог: принят"))
        #expect(!accepted.stdout.contains("UTF-8"), "a workbook has no code page to report")
    }

    @Test func anOldExcelFileIsRejectedWithAdviceAndQuarantined() throws {
        let ws = try Workspace()
        try ws.drop(school, "mentors.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        let result = try ws.run()
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        #expect(try ws.receiptText(school).contains("Excel 97–2003 (.xls)"))
        #expect(ws.files(under: ws.state.appendingPathComponent("quarantine")).contains { $0.hasSuffix("_mentors.xlsx") })
    }

    @Test func inspectShowsTheSheetsAndWhichIsData() throws {
        let ws = try Workspace()
        let bytes = try filledTemplate(ws)
        let path = ws.root.appendingPathComponent("шаблоны.xlsx")
        try Data(bytes).write(to: path)
        let text = try CommandRunner.run(["inspect", path.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("лист «Наставники»: записей 3, данные"))
        #expect(text.stdout.contains("лист «Инструкция»"))
        #expect(text.stdout.contains("Набор данных: mentors — Наставники (по листам книги)"))
        #expect(text.stdout.contains("строка 3: «145-274-509 62» | «Белова»"))
        let json = try CommandRunner.run(["inspect", path.path, "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
        #expect(records?.map { $0["Фамилия"] } == ["Андреева", "Белова"])
    }
}
