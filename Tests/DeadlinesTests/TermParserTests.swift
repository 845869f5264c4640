import Config
import Domain
import Foundation
import Testing

@testable import Deadlines

func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// Every `Срок` of the seed's roadmap as written there, the variants SPEC §3 names, and refusals.
struct TermParserTests {
    @Test(arguments: [
        // The seed's Приложение 2, as written.
        ("Декабрь 2022 г.", Term.due(date("2022-12-31"))),
        ("Январь 2023 г.", .due(date("2023-01-31"))),
        ("20 - 25 января 2023 г.", .window(from: date("2023-01-20"), to: date("2023-01-25"))),
        ("В течение периода реализации (целевой модели) наставничества", .ongoing),
        ("Ежеквартально", .quarterly),
        ("В течение всего периода реализации целевой модели наставничества", .ongoing),
        ("Май –июнь 2023 г.", .window(from: date("2023-05-01"), to: date("2023-06-30"))),
        ("В течение года", .firstYear),
        ("В соответствии с реализацией программ наставничества", .ongoing),
        ("Апрель 2023 г.", .due(date("2023-04-30"))),
        ("Ноябрь 2023 г.", .due(date("2023-11-30"))),
        ("1 раз в полугодие", .halfYearly),
        // The order's own items 2.5 and 2.6.
        ("до 30 января 2023 года", .due(date("2023-01-30"))),
        ("в срок до 1 марта 2023 года", .due(date("2023-03-01"))),
        // Variants.
        ("30.01.2023", .due(date("2023-01-30"))),
        ("2023-01-30", .due(date("2023-01-30"))),
        ("", .ongoing),
        ("  ", .ongoing),
        ("Май - июнь 2023 г.", .window(from: date("2023-05-01"), to: date("2023-06-30"))),
        ("Май—июнь 2023 года", .window(from: date("2023-05-01"), to: date("2023-06-30"))),
        ("мая – июня 2023", .window(from: date("2023-05-01"), to: date("2023-06-30"))),
        ("20–25 января 2023 г.", .window(from: date("2023-01-20"), to: date("2023-01-25"))),
        ("20 — 25 января 2023 года", .window(from: date("2023-01-20"), to: date("2023-01-25"))),
        ("ДЕКАБРЬ 2022 Г.", .due(date("2022-12-31"))),
        ("декабрь  2022г.", .due(date("2022-12-31"))),
        ("Февраль 2024 г.", .due(date("2024-02-29"))),
        ("до 30 января 2023 г.", .due(date("2023-01-30"))),
        ("В срок до 01.03.2023", .due(date("2023-03-01"))),
        ("до 2023-03-01", .due(date("2023-03-01"))),
        ("1 марта 2023 года", .due(date("2023-03-01"))),
        ("Раз в полугодие", .halfYearly),
        ("в течение всего периода", .ongoing),
        ("В течение периода реализации", .ongoing),
    ])
    func understands(_ text: String, _ expected: Term) {
        #expect(TermParser.parse(text) == expected, "«\(text)»")
    }

    @Test(arguments: [
        "Скоро", "Декабрь", "2022", "Тринадцатябрь 2022 г.", "31 февраля 2023 г.", "25 - 20 января 2023 г.",
        "Июнь – май 2023 г.", "30.13.2023", "2023-02-30", "до после 2023", "Декабрь 2022 г. и январь 2023 г.",
    ])
    func refuses(_ text: String) {
        #expect(TermParser.parse(text) == nil, "«\(text)»")
    }

    @Test func theShippedRoadmapIsUnderstoodWhole() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/roadmap.csv").path
        let schedule = try RoadmapSchedule(RoadmapPlan.load(path: path))
        #expect(schedule.items.count == 25)
        #expect(schedule.items.first { $0.item.code == "П2.5" }?.term == .due(date("2023-01-30")))
        #expect(schedule.items.first { $0.item.code == "2.10" }?.term == .due(date("2023-11-30")))
    }

    @Test func anUnknownTextNamesFileLineAndText() throws {
        let dir = NSTemporaryDirectory() + "nastavnik-roadmap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "Код;Мероприятие;Срок;Уровень\n1.1;А;Декабрь 2022 г.;район\n1.2;Б;когда-нибудь;ОО\n".write(
            toFile: dir + "/roadmap.csv", atomically: true, encoding: .utf8)
        #expect {
            try RoadmapSchedule(RoadmapPlan.load(path: dir + "/roadmap.csv"))
        } throws: { error in
            let e = error as! ConfigurationError
            return e.line == 3 && e.file.hasSuffix("roadmap.csv") && e.message.contains("«когда-нибудь»")
                && e.message.contains("«I квартал 2023 г.»") && e.message.contains("«ежегодно до 25 мая»")
        }
    }
}

/// The statuses of SPEC §6 around their boundaries (due_soon_days = 14, model start 2023-01-01).
struct DeadlineStatusTests {
    func status(_ term: Term, asOf: String, done: [String] = []) -> ItemStatus {
        DeadlineRules(asOf: date(asOf), modelStart: date("2023-01-01"), dueSoonDays: 14)
            .evaluate(term, completions: done.map(date))
    }

    let due = Term.due(date("2023-01-30"))

    @Test func oneOffItems() {
        #expect(status(due, asOf: "2023-01-30").status == .dueSoon, "the due date itself")
        #expect(status(due, asOf: "2023-01-31").status == .overdue, "the day after")
        #expect(status(due, asOf: "2023-01-16").status == .dueSoon, "exactly due_soon_days before")
        #expect(status(due, asOf: "2023-01-15").status == .notYetDue, "one day more")
        #expect(status(due, asOf: "2023-02-10", done: ["2023-01-30"]).status == .doneOnTime, "done on the due date")
        #expect(status(due, asOf: "2023-02-10", done: ["2023-01-31"]).status == .doneLate, "done the day after")
        #expect(status(due, asOf: "2023-02-10", done: ["2023-02-05", "2023-01-10"]).status == .doneOnTime, "any completion in time")
        #expect(status(due, asOf: "2023-01-10", done: ["2023-01-05"]).status == .doneOnTime, "done before it was due")
        #expect(status(due, asOf: "2023-02-10", done: ["2023-02-01"]).lastDone == date("2023-02-01"))
    }

    @Test func windowsAreDueAtTheirEndAndMayBeDoneEarly() {
        let window = Term.window(from: date("2023-01-20"), to: date("2023-01-25"))
        #expect(status(window, asOf: "2023-01-10", done: ["2023-01-15"]).status == .doneOnTime)
        #expect(status(window, asOf: "2023-01-26").status == .overdue)
        #expect(status(window, asOf: "2023-01-26").due == date("2023-01-25"))
    }

    @Test func firstYearIsDueAtTheEndOfTheModelsFirstYear() {
        #expect(status(.firstYear, asOf: "2023-12-31").status == .dueSoon)
        #expect(status(.firstYear, asOf: "2024-01-01").status == .overdue)
        #expect(status(.firstYear, asOf: "2024-01-01").due == date("2023-12-31"))
        #expect(status(.firstYear, asOf: "2024-06-01", done: ["2024-02-01"]).status == .doneLate)
    }

    @Test func ongoingIsNeverOverdue() {
        #expect(status(.ongoing, asOf: "2030-01-01").status == .ongoing)
        #expect(status(.ongoing, asOf: "2030-01-01").due == nil)
    }

    @Test func halfYearlyItemsArePerPeriod() {
        // First half-year of the model, nothing done yet, not due soon.
        #expect(status(.halfYearly, asOf: "2023-03-01").status == .notYetDue)
        #expect(status(.halfYearly, asOf: "2023-06-20").status == .dueSoon)
        #expect(status(.halfYearly, asOf: "2023-06-20", done: ["2023-06-01"]).status == .doneOnTime)
        // The first half-year ended with nothing: overdue, judged at its end.
        #expect(status(.halfYearly, asOf: "2023-07-01") == ItemStatus(status: .overdue, due: date("2023-06-30"), lastDone: nil))
        // A completion dated in the previous period covers that period, not the current one.
        #expect(
            status(.halfYearly, asOf: "2023-08-01", done: ["2023-06-30"])
                == ItemStatus(status: .notYetDue, due: date("2023-12-31"), lastDone: date("2023-06-30")))
        #expect(status(.halfYearly, asOf: "2023-12-20", done: ["2023-06-30"]).status == .dueSoon)
        #expect(status(.halfYearly, asOf: "2024-01-02", done: ["2023-06-30"]).status == .overdue)
        // Only the most recent ended period counts for «просрочено».
        #expect(status(.halfYearly, asOf: "2024-02-01", done: ["2023-11-30"]).status == .notYetDue)
    }

    @Test func quarterlyItems() {
        #expect(status(.quarterly, asOf: "2023-04-01").status == .overdue)
        #expect(status(.quarterly, asOf: "2023-04-01", done: ["2023-03-31"]).status == .notYetDue)
        #expect(status(.quarterly, asOf: "2023-06-20", done: ["2023-03-31"]).status == .dueSoon)
        #expect(status(.quarterly, asOf: "2023-06-20", done: ["2023-03-31", "2023-05-05"]).status == .doneOnTime)
        #expect(status(.quarterly, asOf: "2023-06-20", done: ["2023-03-31"]).due == date("2023-06-30"))
    }

    @Test func beforeTheModelStartsNothingIsOverdue() {
        #expect(status(.halfYearly, asOf: "2022-12-01").status == .notYetDue)
        #expect(status(.halfYearly, asOf: "2022-12-01").due == date("2023-06-30"))
    }
}

struct ProgramDeadlineTests {
    func program(status: ProgramStatus, end: String, closed: String? = nil, results: String? = nil, start: String = "2025-09-01")
        -> ProgramRecord
    {
        ProgramRecord(
            row: 2, number: "1", mentor: Snils(value: 11_223_344_595), mentees: [Snils(value: 14_100_840_800)], form: .traditional,
            model: .teacherTeacher, directions: [.methodical], mode: .inPerson, startDate: date(start), endDate: date(end),
            pairOrder: "Приказ № 1", status: status, closedDate: closed.map(date), closeReason: closed == nil ? nil : .planDone,
            resultsURL: results)
    }

    func kinds(_ p: ProgramRecord, asOf: String) -> [ProgramDeadline.Kind] {
        DeadlineReport.findings(p, school: "s", asOf: date(asOf)).map(\.kind)
    }

    @Test func rules() {
        #expect(kinds(program(status: .running, end: "2026-05-31"), asOf: "2026-05-31") == [])
        #expect(kinds(program(status: .running, end: "2026-05-31"), asOf: "2026-06-01") == [.notClosed])
        #expect(kinds(program(status: .extended, end: "2026-05-31"), asOf: "2026-06-01") == [])
        #expect(kinds(program(status: .completed, end: "2026-05-31", closed: "2026-05-31"), asOf: "2026-06-30") == [])
        #expect(kinds(program(status: .completed, end: "2026-05-31", closed: "2026-05-31"), asOf: "2026-07-01") == [.resultsNotPublished])
        #expect(
            kinds(program(status: .completed, end: "2026-05-31", closed: "2026-05-31", results: "https://s.ru/r"), asOf: "2026-07-01") == []
        )
        #expect(kinds(program(status: .running, end: "2026-11-01"), asOf: "2026-06-01") == [.unusualDuration])
    }
}
