import CommandTestSupport
import Config
import Deadlines
import Domain
import Figures
import Fixtures
import Foundation
import Reports
import Testing
import XLSXTestSupport
import ZIPFoundation

/// The half-yearly report and `Динамика` from the registry's history: a registry built over
/// several nights in three half-years, each past half-year's figures checked against what the
/// statform said on the night that closed it, and the report's sentences against those figures.
struct HalfYearReportTests {
    static let a = "tetyushi-sosh1"
    static let b = "tetyushi-sosh2"

    /// The statform's `Итого` of a night, by header.
    static func statformTotal(_ ws: Workspace, asOf: String) throws -> [String: String] {
        let sheet = try #require(try XLSXFile(path: ws.outbox.appendingPathComponent("statform-\(asOf).xlsx").path)["Статнаблюдение"])
        let header = try #require((1...sheet.lastRow).first { sheet.row($0).first == "Код ОО" })
        let total = try #require((1...sheet.lastRow).first { sheet.row($0).first == "Итого" })
        return Dictionary(zip(sheet.row(header), sheet.row(total)), uniquingKeysWith: { first, _ in first })
    }

    /// The report's text, paragraph by paragraph (table cells are paragraphs too).
    static func reportText(_ path: URL) throws -> [String] {
        let archive = try Archive(url: path, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        return text.components(separatedBy: "</w:p>").map { paragraph in
            paragraph.matches(of: /<w:t xml:space="preserve">([^<]*)<\/w:t>/).map { String($0.1) }.joined()
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        }.filter { !$0.isEmpty }
    }

    /// Three half-years from the model's start in 2025: none in the first (no data at all), then
    /// two schools; then school B stops sending and A adds mentors.
    static func history() throws -> Workspace {
        let ws = try Workspace(settings: "min_file_age_seconds = 0\nmodel_start_date = 2025-01-01\n", asOf: "2026-03-01")
        func night(_ asOf: String) throws {
            let result = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", asOf])
            #expect(result.status == 0, "\(asOf): \(result.stderr)")
        }
        try ws.drop(a, "profile.csv", Files.profile(a, total: 30))
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белова")]))
        try ws.drop(b, "profile.csv", Files.profile(b, total: 12))
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorC, "Сорокина")]))
        try ws.drop(b, "mentees.csv", Files.mentees([(Files.menteeC, "Лаптева")]))
        try night("2025-12-31")
        try ws.drop(a, "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")]))
        try ws.drop(a, "programs.csv", Files.programs([("1", Files.mentorA, Files.menteeA)]))
        try night("2026-03-01")
        return ws
    }

    @Test func pastHalfYearsAreAsTheStatformSaidAndTheReportComparesThem() throws {
        let ws = try Self.history()
        let closing = try Self.statformTotal(ws, asOf: "2025-12-31")
        let tonight = try Self.statformTotal(ws, asOf: "2026-03-01")

        // Динамика: each half-year's total, the past one as the statform said on the night that closed it.
        let monitoring = try XLSXFile(path: ws.outbox.appendingPathComponent("monitoring-2026-03-01.xlsx").path)
        let dynamics = try #require(monitoring["Динамика"])
        let header = dynamics.row(1)
        let totals = (2...dynamics.lastRow).map(dynamics.row).filter { $0[1] == "Итого" }
        #expect(totals.map { $0[0] } == ["2025-H1", "2025-H2", "2026-H1"])
        func value(_ row: [String], _ title: String) -> String { header.firstIndex(of: title).map { row[$0] } ?? "?" }
        for title in ["Педагогических работников, всего", "Наставников", "Наставляемых", "Программ реализуется"] {
            #expect(value(totals[0], title) == "0", "the first half-year has no data: \(title)")
            #expect(value(totals[1], title) == closing[title], "2025-H2 \(title) as the statform of 31.12.2025 said")
            #expect(value(totals[2], title) == tonight[title], "2026-H1 \(title) as tonight's statform says")
        }
        #expect(value(totals[2], "Наставляемых: изменение") == "2", "three mentees tonight, one at the end of 2025")
        #expect(value(totals[0], "ОО без данных") == "8" && value(totals[1], "ОО прислали данные за полугодие") == "2")
        #expect(value(totals[2], "ОО прислали данные за полугодие") == "1", "school B sent nothing in 2026-H1")

        // The next night takes the past half-years from what the registry kept of them: the same rows.
        let next = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-02"])
        #expect(next.status == 0, "\(next.stderr)")
        let kept = try #require(try XLSXFile(path: ws.outbox.appendingPathComponent("monitoring-2026-03-02.xlsx").path)["Динамика"])
        let pastRows = (2...dynamics.lastRow).map(dynamics.row).filter { $0[0] != "2026-H1" }
        #expect(!pastRows.isEmpty && (2...kept.lastRow).map(kept.row).filter { $0[0] != "2026-H1" } == pastRows)

        // The report of tonight's half-year, against the previous one.
        let report = try Self.reportText(ws.outbox.appendingPathComponent("spravka-2026-H1.docx"))
        #expect(report.contains("– Число наставников не изменилось: 3."))
        #expect(report.contains("– Число наставляемых выросло с 1 до 3 (+200,0\u{00A0}%)."))
        #expect(report.contains("– Число реализуемых программ выросло с 0 до 1."))
        #expect(report.contains { $0.hasPrefix("– Не представили данные за полугодие: ") && $0.contains("№ 2»") && !$0.contains("№ 1»") })
        let row = try #require(report.firstIndex(of: "Наставляемых"))
        #expect(Array(report[row...].prefix(4)) == ["Наставляемых", "1", "3", "+2"], "the participants' table: before, now, change")
        // Nobody by name, no СНИЛС, no birth date.
        let all = report.joined(separator: "\n")
        for secret in ["Андреева", "Петров", Files.mentorA, "11223344595", "12.03.1971", "14.06.2000"] { #expect(!all.contains(secret)) }

        // A past half-year on demand: the registry as it stood on 31.12.2025, with no half-year before it but an empty one.
        let past = try CommandRunner.run(["report", "--config", ws.config.path, "--as-of", "2026-03-01", "--period", "2025-H2"])
        #expect(past.status == 0, "\(past.stderr)")
        let before = try Self.reportText(ws.outbox.appendingPathComponent("spravka-2025-H2.docx"))
        #expect(before.contains("– Число наставников выросло с 0 до 3."))
        #expect(before.contains("– Число наставляемых выросло с 0 до 1."))
        #expect(before.contains { $0.contains("на 31.12.2025") })
    }

    @Test func theFirstHalfYearHasNothingToCompareWith() throws {
        let ws = try Workspace(settings: "min_file_age_seconds = 0\nmodel_start_date = 2026-01-10\n", asOf: "2026-03-01")
        try ws.drop(Self.a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        let report = try Self.reportText(ws.outbox.appendingPathComponent("spravka-2026-H1.docx"))
        #expect(report.contains("– Число наставников — 1 (предыдущего полугодия в реестре нет)."))
        #expect(report.contains { $0.contains("предыдущего полугодия в реестре нет") && $0.hasPrefix("Сведения реестра") })
        let future = try CommandRunner.run(["report", "--config", ws.config.path, "--as-of", "2026-03-01", "--period", "2026-H2"])
        #expect(future.status == 2 && future.stderr.contains("ещё не началось"))
    }
}

/// The справка's section on whether young teachers stay, with the figures of `RetentionTests`.
struct RetentionReportTests {
    static func text(_ data: [(school: String, rows: DatasetRows)]) throws -> [String] {
        let figures = NightFigures(
            snapshot: Records.snapshot(data), schools: Records.schools, settings: Settings(),
            schedule: try RoadmapSchedule(Records.roadmap), asOf: Records.retentionAsOf, period: ReportingPeriod("2026-H1")!)
        let path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("spravka-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: path) }
        try HalfYearReport.data(figures).write(to: path)
        return try HalfYearReportTests.reportText(path)
    }

    @Test func theSectionComparesTheMentoredWithTheOthers() throws {
        let text = try Self.text(Records.retentionDistrict)
        let start = try #require(text.firstIndex(of: "7. Закрепление молодых педагогов"))
        #expect(
            text[start + 1]
                == "По спискам кадров 2 ОО на 01.03.2025 работали 8 молодых педагогов (до 35 лет или со стажем до 3 лет), из них 3 — "
                + "наставляемые программ, начатых не позже этой даты. На 01.03.2026 остались в своей ОО 4, перешли в другую ОО 1, ушли 3.")
        #expect(
            Array(text[(start + 2)...(start + 17)]) == [
                "Молодые педагоги", "Было", "Закрепились", "Закрепление, %", "в наставничестве", "3", "1", "33,3",
                "не в наставничестве", "5", "4", "80,0", "все", "8", "5", "62,5",
            ])
        #expect(
            text[start + 18]
                == "Наставляемые закрепляются реже: 33,3\u{00A0}% против 80,0\u{00A0}% у остальных. Групп мало (3 и 5 человек) — "
                + "разница может быть случайной.")
        #expect(text.contains("8. Выводы"))
    }

    @Test func withoutStaffListsItSaysSo() throws {
        let text = try Self.text(Records.knownDistrict)
        let start = try #require(text.firstIndex(of: "7. Закрепление молодых педагогов"))
        #expect(text[start + 1] == "Списков кадров ОО нет — закрепление молодых педагогов не посчитано.")
    }
}
