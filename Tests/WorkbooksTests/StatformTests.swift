import Config
import Domain
import Fixtures
import Foundation
import Registry
import Testing
import XLSXTestSupport

@testable import Workbooks

/// A small registry where every number of the statform is known in advance (as of 2026-03-01,
/// period 2026-H1).
struct StatformTests {
    static func registry() throws -> Registry { try RegistryFixture.make(Records.knownDistrict) }

    @Test func workbookHasTitleHeadersZerosAndTotalsWithCachedValues() throws {
        let (_, figures) = try RegistryFixture.night(Self.registry())
        let dir = RegistryFixture.scratch()
        let path = try Statform.write(figures, place: OutputPlace(outbox: dir, asOf: day("2026-03-01")))
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
