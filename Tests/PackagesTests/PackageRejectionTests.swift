import CommandTestSupport
import Foundation
import Packages
import Reading
import Testing
import XLSXTestSupport

/// What the region refuses, each with its line in the district's receipt.
struct PackageRejectionTests {
    /// A package's bytes with its sheet XML changed by `edit`; with `reseal`, the passport's
    /// checksum made to hold again (as a program that knows the contract could).
    static func tampered(_ bytes: [UInt8], sheet: Int, reseal: Bool, _ edit: (String) -> String) throws -> [UInt8] {
        var parts = try ZipParts.parts(bytes)
        let i = try #require(parts.firstIndex { $0.0 == "xl/worksheets/sheet\(sheet).xml" })
        parts[i].1 = Data(edit(String(decoding: parts[i].1, as: UTF8.self)).utf8)
        var changed = try ZipParts.zip(parts)
        guard reseal else { return changed }
        let document = try SpreadsheetDocument.parse(changed)
        let checked = PackageLayout.checkedSheets.compactMap { name in
            document.sheets.first { $0.name == name }.map { sheet in (name, (0..<sheet.table.count).map(sheet.table.record)) }
        }
        let old = document.sheets[0].table.record(1)[8]
        let strings = try #require(parts.firstIndex { $0.0 == "xl/sharedStrings.xml" })
        parts[strings].1 = Data(
            String(decoding: parts[strings].1, as: UTF8.self).replacingOccurrences(of: old, with: PackageLayout.checksum(checked)).utf8)
        changed = try ZipParts.zip(parts)
        return changed
    }

    /// The `<v>` of a cell, replaced.
    static func cell(_ reference: String, to value: String) -> (String) -> String {
        { xml in
            xml.replacing(
                try! Regex("(<c r=\"\(reference)\"[^>]*><v>)[^<]*(</v>)"),
                with: { "\($0.output[1].substring!)\(value)\($0.output[2].substring!)" })
        }
    }

    @Test func eachRefusalIsExplainedInTheDistrictsReceipt() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let good = try Levels.package(district, "d-one-2026-H1.xlsx")
        let region = try Levels.level("region", code: "reg", units: ["d-one", "d-two"])
        // Another district's package in this folder.
        try region.drop("d-two", "пакет.xlsx", good)
        // One cell changed by hand in Excel: the checksum no longer holds.
        try region.drop("d-one", "1-правка.xlsx", try Self.tampered(good, sheet: 2, reseal: false, Self.cell("C2", to: "99")))
        // `Итого` not the sum of its rows (the checksum made to hold).
        try region.drop("d-one", "2-итого.xlsx", try Self.tampered(good, sheet: 2, reseal: true, Self.cell("C4", to: "1000")))
        // A school's workbook sent to the region.
        try region.drop("d-one", "3-школа.xlsx", try WrittenWorkbook.texts([("Наставники", [Files.mentorHeader])]))
        // A CSV, an empty file, and a zip bomb.
        try region.drop("d-one", "4-наставники.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try region.drop("d-one", "5-пусто.xlsx", [])
        try region.drop("d-one", "6-бомба.xlsx", try ZipParts.zip([("xl/workbook.xml", Data(count: 64 << 20))]))
        let result = try region.run()
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Levels.receiptText(region, "d-one")
        #expect(text.contains("Контрольная сумма не сходится"))
        #expect(text.contains("«Итого» не равно сумме строк"))
        #expect(text.contains("Это не пакет отчётности"))
        #expect(text.contains("Книга Excel слишком велика"))
        #expect(!text.contains("| принят"))
        let other = try Levels.receiptText(region, "d-two")
        #expect(other.contains("пакет.xlsx | пакет отчётности | отклонён"), "a package in another's folder is named a package")
        #expect(other.contains("Код «d-one» в паспорте") || other.contains("— не код этой папки"))
        #expect(region.files(under: region.state.appendingPathComponent("quarantine")).count == 7)
        #expect(try region.registry().currentCounts().isEmpty)
    }

    /// The package with its `Период` changed (the checksum does not cover the passport).
    static func period(_ bytes: [UInt8], _ period: String) throws -> [UInt8] {
        var parts = try ZipParts.parts(bytes)
        let strings = try #require(parts.firstIndex { $0.0 == "xl/sharedStrings.xml" })
        parts[strings].1 = Data(
            String(decoding: parts[strings].1, as: UTF8.self).replacingOccurrences(of: ">2026-H1<", with: ">\(period)<").utf8)
        return try ZipParts.zip(parts)
    }

    @Test func aPeriodThatIsNotAHalfYearOrHasNotBegunIsRefused() throws {
        let district = try Levels.district("d-one", schools: 1, teachers: 10)
        #expect(try district.run().status == 0)
        let good = try Levels.package(district, "d-one-2026-H1.xlsx")
        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "период.xlsx", try Self.period(good, "2026-H3"))
        try region.drop("d-one", "будущее.xlsx", try Self.period(good, "2027-H1"))
        #expect(try region.run().status == 0)
        let text = try Levels.receiptText(region, "d-one")
        #expect(text.contains("Период «2026-H3» — не полугодие"))
        #expect(text.contains("Полугодие 2027-H1 ещё не началось"))
    }
}

/// Approval at the district, return at the region: the package carries the approved figures
/// whatever comes later, the region's monitoring and the district's receipt say returned, and a
/// withdrawn and re-approved package replaces the returned one.
struct ApprovalTests {
    static func passport(_ bytes: [UInt8]) throws -> [String] {
        try SpreadsheetDocument.parse(bytes).sheets.first { $0.name == "Паспорт" }!.table.record(1)
    }

    static func statform(_ bytes: [UInt8]) throws -> [[String]] {
        let table = try SpreadsheetDocument.parse(bytes).sheets.first { $0.name == "Статнаблюдение" }!.table
        return (0..<table.count).map(table.record)
    }

    @Test func approveReturnWithdrawAndApproveAgain() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let name = "d-one-2026-H1.xlsx"
        #expect(try Self.passport(Levels.package(district, name))[5] == "предварительные")
        let approve = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", district.asOf, "--period", "2026-H1", "--by",
            "Ромащина Д.М., заместитель начальника",
        ])
        #expect(approve.status == 0, "\(approve.stderr)")
        let approved = try Levels.package(district, name)
        #expect(try Self.passport(approved)[5...7] == ["утверждены", "Ромащина Д.М., заместитель начальника", "01.03.2026"])
        // A school sends more mentors: the registry changes, the approved package does not.
        try district.drop("d-one-s1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        #expect(try district.run(["--as-of", "2026-03-05"]).status == 0)
        let after = try Levels.package(district, name)
        #expect(try Self.statform(after) == (try Self.statform(approved)))
        #expect(try Self.passport(after)[5] == "утверждены")
        // The district's monitoring workbook and page say so.
        let monitoring = try XLSXFile(path: district.outbox.appendingPathComponent("monitoring-2026-03-05.xlsx").path)
        let package = try #require(monitoring["Пакет"])
        #expect(
            (1...package.lastRow).contains {
                package.row($0).starts(with: ["2026-H1", "утверждены", "Ромащина Д.М., заместитель начальника"])
            })
        #expect(
            try district.text("outbox/index.html").contains(
                "Пакет для региона за 2026-H1: утверждены (Ромащина Д.М., заместитель начальника, 01.03.2026)"))

        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", after)
        #expect(try region.run().status == 0)
        #expect(try Levels.monitoringRow(region, "d-one")[2] == "утверждены")
        let returned = try CommandRunner.run([
            "region", "return", "--config", region.config.path, "--as-of", region.asOf, "--district", "d-one", "--period", "2026-H1",
            "--reason", "не сходятся сведения о педагогах",
        ])
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(try region.run().status == 0)
        #expect(try Levels.monitoringRow(region, "d-one")[2] == "возвращён")
        #expect(try Levels.receiptText(region, "d-one").contains("возвращён 02.03.2026: не сходятся сведения о педагогах"))

        let withdrawn = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", "2026-03-05", "--period", "2026-H1", "--withdraw", "--reason",
            "исправлены данные школ",
        ])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try Self.passport(Levels.package(district, name))[5] == "предварительные")
        #expect(try Self.statform(Levels.package(district, name)) != (try Self.statform(approved)), "the figures as they stand now")
        let again = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", "2026-03-05", "--period", "2026-H1", "--by", "Ромащина Д.М.",
        ])
        #expect(again.status == 0)
        try region.drop("d-one", "пакет-2.xlsx", try Levels.package(district, name))
        #expect(try region.run(["--as-of", "2026-03-06"]).status == 0)
        #expect(try Levels.monitoringRow(region, "d-one", on: "2026-03-06")[2] == "утверждены")
        #expect(try region.registry().runs().count == 3)
    }
}
