import Configuration
import Domain
import Foundation
import Registry
import Testing
import XLSXTestSupport

@testable import Workbooks

/// A small registry where every number of the statform is known in advance (as of 2026-03-01,
/// period 2026-H1).
struct StatformTests {
    static func registry() throws -> Registry {
        typealias F = RegistryFixture
        return try F.make([
            ("school-a", .profile([F.profile("school-a", total: 40, under35: 10, young: 4)])),
            ("school-a", .mentors([
                F.mentor(11_223_344_595, "Андреева", trained: "2025-10-01"), F.mentor(14_527_450_962, "Белова", trained: "2026-05-01", row: 3),
                F.mentor(3_263_353_97, "Сорокина", row: 4),
            ])),
            ("school-a", .mentees([
                F.mentee(14_100_840_800, "Петров", born: "2000-03-02", years: 1),  // 25: under 35, young
                F.mentee(20_513_205_900, "Орлов", born: "1991-03-01", years: 5, row: 3),  // 35 that day: not under 35
                F.mentee(95_253_007_700, "Лаптев", born: "1991-03-02", years: 2.5, row: 4),  // 34, young
            ])),
            ("school-a", .programs([
                F.program("1", mentor: 11_223_344_595, mentees: [14_100_840_800], status: .running),
                F.program("2", mentor: 14_527_450_962, mentees: [20_513_205_900, 95_253_007_700], status: .extended, form: .group, model: .headTeacher),
                F.program("3", mentor: 11_223_344_595, mentees: [20_513_205_900], status: .completed, closed: "2026-02-01"),
                F.program("4", mentor: 11_223_344_595, mentees: [20_513_205_900], status: .terminated, closed: "2025-12-20"),
                F.program("5", mentor: 11_223_344_595, mentees: [95_253_007_700], status: .completed, closed: "2026-01-15"),
            ])),
            ("school-b", .profile([F.profile("school-b", total: 20, under35: 0, young: 1)])),
            ("school-b", .mentors([F.mentor(55_555_555_555, "Иванов", trained: "2024-01-01")])),
            ("school-b", .programs([F.program("Б-1", mentor: 55_555_555_555, mentees: [1], status: .terminated, closed: "2026-02-10")])),
            ("school-d", .profile([F.profile("school-d", total: 50, under35: 30, young: 3)])),
        ])
    }

    @Test func everyNumberAsCounted() throws {
        let rows = try Statform.rows(registry: Self.registry(), schools: RegistryFixture.schools, asOf: day("2026-03-01"), period: ReportingPeriod("2026-H1")!)
        #expect(rows.map(\.code) == ["school-a", "school-b", "school-c", "school-d"])
        let a = rows[0]
        #expect(a.countsBeforeShare == [40, 10, 4, 3, 1, 3, 2, 2])
        #expect(a.shareUnder35 == 20)
        #expect([a.programsActive, a.programsCompleted, a.programsTerminated] as [Int] == [2, 2, 0])
        #expect(a.byForm == [.traditional: 1, .group: 1])
        #expect(a.byModel == [.teacherTeacher: 1, .headTeacher: 1])
        let b = rows[1]
        #expect(b.countsBeforeShare == [20, 0, 1, 1, 1, 0, 0, 0])
        #expect(b.shareUnder35 == nil)
        #expect([b.programsActive, b.programsCompleted, b.programsTerminated] as [Int] == [0, 0, 1])
        #expect(rows[2].countsBeforeShare == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(rows[2].countsAfterShare.allSatisfy { $0 == 0 })
        #expect(rows[3].shareUnder35 == 0)
    }

    @Test func workbookHasTitleHeadersZerosAndTotalsWithCachedValues() throws {
        let rows = try Statform.rows(registry: Self.registry(), schools: RegistryFixture.schools, asOf: day("2026-03-01"), period: ReportingPeriod("2026-H1")!)
        let dir = RegistryFixture.scratch()
        let path = try Statform.write(rows, districtName: "Тетюшский район", period: ReportingPeriod("2026-H1")!, place: OutputPlace(outbox: dir, asOf: day("2026-03-01")))
        #expect(path.hasSuffix("/statform-2026-03-01.xlsx"))
        let book = try XLSXFile(path: path)
        #expect(book.sheets.map(\.name) == ["Статнаблюдение"])
        let sheet = try #require(book["Статнаблюдение"])
        #expect(sheet.text("A1").contains("Тетюшский район"))
        #expect(sheet.text("A2").contains("1-е полугодие 2026 г."))
        #expect(sheet.row(3) == Statform.headers)
        #expect(Statform.headers.count == 25)
        // School rows follow config order; a school with no data has zeros, not gaps.
        #expect(sheet.row(6).prefix(10) == ["school-c", "МБОУ «Школа В» (без данных)", "0", "0", "0", "0", "0", "0", "0", "0"])
        #expect(sheet["C6"]?.number == 0)
        #expect(sheet.text("K6") == "", "share is blank when there are no teachers under 35")
        #expect(sheet.text("K5") == "", "school B has no teachers under 35 either")
        // Counts are numbers.
        #expect(sheet["C4"]?.type == "n" && sheet["C4"]?.number == 40)
        // Итого: SUM formulas with cached values; the share as a ratio of the sums (2 / 40), not a mean of shares.
        #expect(sheet.text("A8") == "Итого")
        #expect(sheet["C8"]?.formula == "SUM(C4:C7)")
        #expect(sheet["C8"]?.number == 110)
        #expect(sheet["J8"]?.number == 2)
        #expect(sheet["D8"]?.number == 40)
        #expect(sheet["K8"]?.formula == "IF(D8=0,0,J8/D8*100)")
        #expect(sheet["K8"]?.number == 5)
        #expect(sheet["N8"]?.number == 1, "one programme terminated in the period")
        #expect(sheet["M8"]?.number == 2)
        #expect(sheet["L8"]?.number == 2)
        // Header frozen, autofilter on.
        #expect(sheet.xml.contains("<pane ySplit=\"3\""))
        #expect(sheet.xml.contains("<autoFilter ref=\"A3:Y7\""))
    }
}
