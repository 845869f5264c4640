import CommandTestSupport
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
                "Инструкция", "Сведения", "Кураторы", "Наставники", "Наставляемые", "Программы", "Дорожная карта", "Кадры",
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
        #expect(receipt.contains("шаблоны.xlsx — лист «Наставники»"))
        #expect(receipt.contains("принят"))
        #expect(receipt.replacingOccurrences(of: "шаблоны.xlsx — лист «Наставники»", with: "mentors.csv") == (try csv.receiptText(school)))
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
        #expect(accepted.stdout.contains("шаблоны.xlsx — лист «Наставники» — Наставники"))
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

    // MARK: a whole night in one workbook

    static let badMentee = "141-008-408 01"  // the check digits do not match

    /// A school's night in one workbook: mentors that are right, mentees of which one has a
    /// mistyped СНИЛС, a programme pairing them, a curators sheet left as the template had it.
    static func allInOne(instructions: String = "Заполните листы") throws -> [UInt8] {
        try WrittenWorkbook.texts([
            ("Инструкция", [[instructions]]),
            ("Кураторы", [["СНИЛС", "Фамилия", "Имя", "Отчество", "Должность", "Приказ о назначении", "Дата приказа"]]),
            ("Наставники", Files.mentorTable([(Files.mentorA, "Андреева"), (Files.mentorB, "Белова")])),
            ("Наставляемые", Files.menteeTable([(Files.menteeA, "Петров"), (badMentee, "Орлов")])),
            ("Программы", Files.programTable([("1", Files.mentorA, Files.menteeA)])),
        ])
    }

    /// The receipt's «Итог» rows: file (and sheet) and verdict.
    func summary(_ ws: Workspace) throws -> [[String]] {
        let sheet = try #require(try ws.receipt(school).sheets.first { $0.name == "Итог" })
        return (1...sheet.lastRow).map { sheet.row($0) }.filter { $0.first?.hasPrefix("школа.xlsx") == true }.map { [$0[0], $0[2]] }
    }

    @Test func eachDatasetSheetOfAWorkbookIsJudgedOnItsOwn() throws {
        let ws = try Workspace()
        try ws.drop(school, "школа.xlsx", try Self.allInOne())
        let result = try ws.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try summary(ws) == [
                ["школа.xlsx — лист «Наставники»", "принят"], ["школа.xlsx — лист «Наставляемые»", "отклонён"],
                ["школа.xlsx — лист «Программы»", "отклонён"],
            ])
        let receipt = try ws.receiptText(school)
        // Row and column as Excel shows them, and the programme told why its mentee is missing.
        #expect(receipt.contains("школа.xlsx — лист «Наставляемые» | 3 | СНИЛС | \(Self.badMentee)"))
        #expect(receipt.contains("Файл «школа.xlsx — лист «Наставляемые»» (наставляемые) отклонён"))
        #expect(try mentorRows(ws).count == 2)
        // The workbook archived once, whole, as it came (a sheet of it was taken); nothing quarantined.
        let archived = ws.files(under: ws.state.appendingPathComponent("archive"))
        #expect(archived == ["\(school)/\(ws.asOf)_школа.xlsx"])
        #expect(ws.files(under: ws.state.appendingPathComponent("quarantine")).isEmpty)
        #expect(ws.files(under: ws.inbox).isEmpty)
        // Lineage: every sheet's record names its sheet and where the workbook went.
        let dump = try ws.registry().contentDump()
        for sheet in ["Наставники", "Наставляемые", "Программы"] {
            #expect(dump.contains("\"\(school)\" | \"школа.xlsx\" | \"\(sheet)\" |"), "\(sheet)")
        }
        #expect(dump.components(separatedBy: "\"archive/\(school)/\(ws.asOf)_школа.xlsx\" | 1\n").count == 4)
        let registry = try XLSXFile(path: ws.outbox.appendingPathComponent("registry-\(ws.asOf).xlsx").path)
        let mentors = try #require(registry.sheets.first { $0.name == "Наставники" })
        #expect((1...mentors.lastRow).contains { mentors.row($0).contains("школа.xlsx — лист «Наставники»") })
    }

    @Test func aWorkbookSavedAgainIsARepeatSheetBySheet() throws {
        let ws = try Workspace()
        try ws.drop(school, "школа.xlsx", try Self.allInOne())
        #expect(try ws.run().status == 0)
        // Saved again with another instruction: other bytes, the same data sheets.
        try ws.drop(school, "школа.xlsx", try Self.allInOne(instructions: "Заполнено 01.03"))
        let again = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-02"])
        #expect(again.status == 0, "\(again.stderr)")
        let receipt = try XLSXFile(path: ws.outbox.appendingPathComponent("schools/\(school)/receipt-2026-03-02.xlsx").path)
        let rows = try #require(receipt.sheets.first { $0.name == "Итог" })
        let verdicts = (1...rows.lastRow).map { rows.row($0) }.filter { $0.first?.hasPrefix("школа.xlsx") == true }.map { [$0[0], $0[2]] }
        #expect(
            verdicts == [
                ["школа.xlsx — лист «Наставники»", "повтор"], ["школа.xlsx — лист «Наставляемые»", "отклонён"],
                ["школа.xlsx — лист «Программы»", "отклонён"],
            ])
    }

    @Test func aWorkbookAllOfWhoseSheetsAreRejectedIsQuarantined() throws {
        let ws = try Workspace()
        try ws.drop(
            school, "школа.xlsx",
            try WrittenWorkbook.texts([
                ("Наставники", Files.mentorTable([("bad", "Андреева")])), ("Наставляемые", Files.menteeTable([(Self.badMentee, "Орлов")])),
            ]))
        #expect(try ws.run().status == 0)
        #expect(ws.files(under: ws.state.appendingPathComponent("quarantine")) == ["\(school)/\(ws.asOf)_школа.xlsx"])
        #expect(ws.files(under: ws.state.appendingPathComponent("archive")).isEmpty)
    }

    /// Killed after the first sheets were recorded: the workbook stays in the inbox, and the next
    /// night takes the rest of it (the sheets already taken are repeats) and archives it once.
    @Test func aRunKilledBetweenTheSheetsOfAWorkbookLeavesItForTheNext() throws {
        let ws = try Workspace()
        try ws.drop(school, "школа.xlsx", try Self.allInOne())
        let killed = try ws.run(environment: ["NASTAVNIK_CRASH_AT": "committed#1"])
        #expect(killed.signalled)
        #expect(ws.files(under: ws.inbox) == ["\(school)/школа.xlsx"])
        #expect(try mentorRows(ws).count == 2)
        let rerun = try ws.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(ws.files(under: ws.state.appendingPathComponent("archive")) == ["\(school)/\(ws.asOf)_школа.xlsx"])
        #expect(try mentorRows(ws).count == 2)
        // The receipt tells both nights: the sheet taken by the killed run, its repeat, and the rest.
        let verdicts = try summary(ws)
        #expect(verdicts.filter { $0[0] == "школа.xlsx — лист «Наставники»" }.map { $0[1] } == ["принят", "повтор"])
        #expect(verdicts.contains(["школа.xlsx — лист «Программы»", "отклонён"]))
    }

    @Test func validateAndInspectShowEverySheetOfTheWorkbook() throws {
        let ws = try Workspace()
        let path = ws.root.appendingPathComponent("школа.xlsx")
        try Data(try Self.allInOne()).write(to: path)
        let judged = try CommandRunner.run(["validate", path.path, "--school", school, "--config", ws.config.path, "--as-of", ws.asOf])
        #expect(judged.status == 1, "a sheet would be rejected: \(judged.stdout)\(judged.stderr)")
        for sheet in ["Наставники", "Наставляемые", "Программы"] {
            #expect(judged.stdout.contains("школа.xlsx — лист «\(sheet)» — "), "\(sheet)")
        }
        #expect(!judged.stdout.contains("лист «Кураторы»"), "a sheet with nothing under its header is not sent")
        let text = try CommandRunner.run(["inspect", path.path])
        #expect(text.stdout.contains("лист «Кураторы»: записей 1, набор «Кураторы» — под заголовком пусто, не загружается"))
        #expect(text.stdout.components(separatedBy: "Лист с данными:").count == 4)
        let json = try CommandRunner.run(["inspect", path.path, "--format", "json"])
        let sheets = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [[String: String]]]
        #expect(sheets?.keys.sorted() == ["Наставляемые", "Наставники", "Программы"])
        #expect(sheets?["Наставляемые"]?.map { $0["Фамилия"] } == ["Петров", "Орлов"])
    }
}
