import CommandTestSupport
import Foundation
import Packages
import Reading
import Testing
import XLSXTestSupport

/// The same program at three levels: districts run their nights and write their packages; the
/// region takes them as a district takes its schools' files and writes its own; the country takes
/// the region's. Every figure goes up unchanged; nothing personal leaves a district.
struct LevelsTests {
    /// A district installation: its own schools, each sending a profile, mentors and mentees.
    static func district(_ code: String, schools: Int, teachers: Int) throws -> Workspace {
        let ws = try Workspace(settings: "min_file_age_seconds = 0\ndistrict_code = \"\(code)\"\ndistrict_name = \"Район \(code)\"\n")
        var directory = "Код ОО;Наименование ОО;Краткое наименование;ИНН\n"
        for i in 1...schools { directory += "\(code)-s\(i);Школа \(i) района \(code);Школа \(i);1638011140\n" }
        try directory.write(to: ws.config.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        for i in 1...schools {
            let school = "\(code)-s\(i)"
            try ws.drop(school, "profile.csv", Files.profile(school, total: teachers + i))
            try ws.drop(school, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
            try ws.drop(school, "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")]))
        }
        return ws
    }

    /// A region (or the country) over `units`, the first `withPackages` of which send theirs.
    static func level(_ level: String, code: String, units: [String]) throws -> Workspace {
        let settings =
            level == "region"
            ? "level = \"region\"\nregion_code = \"\(code)\"\nregion_name = \"Регион \(code)\"\nmin_file_age_seconds = 0\n"
            : "level = \"country\"\ncountry_name = \"Страна\"\nmin_file_age_seconds = 0\n"
        let ws = try Workspace(settings: settings, asOf: "2026-03-02")
        let kind = level == "region" ? "МО" : "субъекта"
        let file = level == "region" ? "districts.csv" : "regions.csv"
        let directory = "Код \(kind);Наименование \(kind)\n" + units.map { "\($0);Единица \($0)\n" }.joined()
        try directory.write(to: ws.config.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: ws.config.appendingPathComponent("schools.csv"))
        try "Код;Мероприятие;Срок;Уровень\nР1;Мониторинг районов;1 раз в полугодие;район\n".write(
            to: ws.config.appendingPathComponent("roadmap.csv"), atomically: true, encoding: .utf8)
        return ws
    }

    /// The package a night left in `outbox/upward/`.
    static func package(_ ws: Workspace, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: ws.outbox.appendingPathComponent("upward/\(name)")))
    }

    /// A statform sheet's rows below its header, by code: the counts as text.
    static func statform(_ ws: Workspace, _ date: String, sheet: String = "Статнаблюдение", key: Int = 0) throws -> [String: [String]] {
        let file = try XLSXFile(path: ws.outbox.appendingPathComponent("statform-\(date).xlsx").path)
        let table = try #require(file[sheet])
        let header = try #require((1...table.lastRow).first { table.row($0).first?.hasPrefix("Код") == true })
        var rows: [String: [String]] = [:]
        for r in (header + 1)...table.lastRow {
            let row = table.row(r)
            if row.count > key, !row[key].isEmpty { rows[row[key]] = Array(row.dropFirst(key + 2)) }
        }
        return rows
    }

    @Test func districtsRegionAndCountryAddUp() throws {
        let districts = [("d-one", 2, 30), ("d-two", 3, 40), ("d-three", 1, 10)]
        let region = try Self.level("region", code: "reg", units: districts.map(\.0) + ["d-silent"])
        for (code, schools, teachers) in districts {
            let ws = try Self.district(code, schools: schools, teachers: teachers)
            #expect(try ws.run().status == 0)
            try region.drop(code, "пакет за полугодие.xlsx", try Self.package(ws, "\(code)-2026-H1.xlsx"))
            let own = try Self.statform(ws, ws.asOf)
            // The district's own statform and the package agree.
            #expect(own["Итого"] != nil)
        }
        let result = try region.run()
        #expect(result.status == 0, "\(result.stderr)")
        let regional = try Self.statform(region, region.asOf)
        for (code, schools, teachers) in districts {
            let ws = try Self.district(code, schools: schools, teachers: teachers)
            _ = try ws.run()
            #expect(regional[code] == (try Self.statform(ws, ws.asOf))["Итого"], "\(code)'s row is its own Итого")
        }
        #expect(regional["d-silent"]?.allSatisfy { $0 == "0" || $0.isEmpty } == true)
        let teachers = regional["Итого"]?.first
        #expect(teachers == String(districts.reduce(0) { sum, d in sum + (1...d.1).reduce(0) { $0 + d.2 + $1 } }))
        let monitoring = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-\(region.asOf).xlsx").path)
        let rows = try #require(monitoring["Мониторинг"])
        let silent = try #require((1...rows.lastRow).first { rows.row($0).first == "d-silent" })
        #expect(rows.row(silent)[2] == "нет данных")
        #expect(
            FileManager.default.fileExists(atPath: region.outbox.appendingPathComponent("districts/d-one/receipt-\(region.asOf).xlsx").path)
        )
        let bySchool = try Self.statform(region, region.asOf, sheet: "По ОО", key: 2)
        #expect(bySchool.count == 2 + 3 + 1)

        // The region's package goes up to the country the same way.
        let country = try Self.level("country", code: "", units: ["reg", "other"])
        try country.drop("reg", "reg.xlsx", try Self.package(region, "reg-2026-H1.xlsx"))
        let top = try country.run()
        #expect(top.status == 0, "\(top.stderr)")
        let national = try Self.statform(country, country.asOf)
        #expect(national["reg"] == regional["Итого"])
        #expect(national["Итого"] == regional["Итого"])
        #expect(!FileManager.default.fileExists(atPath: country.outbox.appendingPathComponent("upward").path))
    }
}

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
        let checked = PackageLayout.checkedSheets.map { name in
            let table = document.sheets.first { $0.name == name }!.table
            return (name, (0..<table.count).map(table.record))
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
        let district = try LevelsTests.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let good = try LevelsTests.package(district, "d-one-2026-H1.xlsx")
        let region = try LevelsTests.level("region", code: "reg", units: ["d-one", "d-two"])
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
        let text = try Self.receiptText(region, "d-one")
        #expect(text.contains("Контрольная сумма не сходится"))
        #expect(text.contains("«Итого» не равно сумме строк"))
        #expect(text.contains("Это не пакет отчётности"))
        #expect(text.contains("Книга Excel слишком велика"))
        #expect(!text.contains("| принят"))
        let other = try Self.receiptText(region, "d-two")
        #expect(other.contains("Код «d-one» в паспорте") || other.contains("— не код этой папки"))
        #expect(region.files(under: region.state.appendingPathComponent("quarantine")).count == 7)
        #expect(try region.registry().currentCounts().isEmpty)
    }

    @Test func aPeriodThatIsNotAHalfYearOrHasNotBegunIsRefused() throws {
        let district = try LevelsTests.district("d-one", schools: 1, teachers: 10)
        #expect(try district.run().status == 0)
        let good = try LevelsTests.package(district, "d-one-2026-H1.xlsx")
        let region = try LevelsTests.level("region", code: "reg", units: ["d-one"])
        let wrong = try Self.tampered(good, sheet: 1, reseal: false) { $0 }
        var parts = try ZipParts.parts(wrong)
        let strings = try #require(parts.firstIndex { $0.0 == "xl/sharedStrings.xml" })
        parts[strings].1 = Data(
            String(decoding: parts[strings].1, as: UTF8.self).replacingOccurrences(of: ">2026-H1<", with: ">2026-H3<").utf8)
        try region.drop("d-one", "период.xlsx", try ZipParts.zip(parts))
        parts[strings].1 = Data(
            String(decoding: parts[strings].1, as: UTF8.self).replacingOccurrences(of: ">2026-H3<", with: ">2027-H1<").utf8)
        try region.drop("d-one", "будущее.xlsx", try ZipParts.zip(parts))
        #expect(try region.run().status == 0)
        let text = try Self.receiptText(region, "d-one")
        #expect(text.contains("Период «2026-H3» — не полугодие"))
        #expect(text.contains("Полугодие 2027-H1 ещё не началось"))
    }

    static func receiptText(_ ws: Workspace, _ folder: String) throws -> String {
        let file = try XLSXFile(path: ws.outbox.appendingPathComponent("districts/\(folder)/receipt-\(ws.asOf).xlsx").path)
        return file.sheets.flatMap { sheet in (1...max(sheet.lastRow, 1)).map { sheet.row($0).joined(separator: " | ") } }.joined(
            separator: "\n")
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

    static func monitoringState(_ region: Workspace, _ code: String, on date: String? = nil) throws -> [String] {
        let file = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-\(date ?? region.asOf).xlsx").path)
        let sheet = try #require(file["Мониторинг"])
        let row = try #require((1...sheet.lastRow).first { sheet.row($0).first == code })
        return sheet.row(row)
    }

    @Test func approveReturnWithdrawAndApproveAgain() throws {
        let district = try LevelsTests.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let name = "d-one-2026-H1.xlsx"
        #expect(try Self.passport(LevelsTests.package(district, name))[5] == "предварительные")
        let approve = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", district.asOf, "--period", "2026-H1", "--by",
            "Ромащина Д.М., заместитель начальника",
        ])
        #expect(approve.status == 0, "\(approve.stderr)")
        let approved = try LevelsTests.package(district, name)
        #expect(try Self.passport(approved)[5...7] == ["утверждены", "Ромащина Д.М., заместитель начальника", "01.03.2026"])
        // A school sends more mentors: the registry changes, the approved package does not.
        try district.drop("d-one-s1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        #expect(try district.run(["--as-of", "2026-03-05"]).status == 0)
        let after = try LevelsTests.package(district, name)
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

        let region = try LevelsTests.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", after)
        #expect(try region.run().status == 0)
        #expect(try Self.monitoringState(region, "d-one")[2] == "утверждены")
        let returned = try CommandRunner.run([
            "region", "return", "--config", region.config.path, "--as-of", region.asOf, "--district", "d-one", "--period", "2026-H1",
            "--reason", "не сходятся сведения о педагогах",
        ])
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(try region.run().status == 0)
        #expect(try Self.monitoringState(region, "d-one")[2] == "возвращён")
        #expect(try PackageRejectionTests.receiptText(region, "d-one").contains("возвращён 02.03.2026: не сходятся сведения о педагогах"))

        let withdrawn = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", "2026-03-05", "--period", "2026-H1", "--withdraw", "--reason",
            "исправлены данные школ",
        ])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try Self.passport(LevelsTests.package(district, name))[5] == "предварительные")
        #expect(try Self.statform(LevelsTests.package(district, name)) != (try Self.statform(approved)), "the figures as they stand now")
        let again = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", "2026-03-05", "--period", "2026-H1", "--by", "Ромащина Д.М.",
        ])
        #expect(again.status == 0)
        try region.drop("d-one", "пакет-2.xlsx", try LevelsTests.package(district, name))
        #expect(try region.run(["--as-of", "2026-03-06"]).status == 0)
        #expect(try Self.monitoringState(region, "d-one", on: "2026-03-06")[2] == "утверждены")
        #expect(try region.registry().runs().count == 3)
    }
}

/// Nothing personal leaves a district: every cell of every package and of every output of the
/// levels above, read back, holds no СНИЛС, no birth date and no person's name from the schools.
struct LevelPrivacyTests {
    @Test func noSnilsBirthDateOrMenteeNameGoesUp() throws {
        let district = try LevelsTests.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let region = try LevelsTests.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", try LevelsTests.package(district, "d-one-2026-H1.xlsx"))
        #expect(try region.run().status == 0)
        var texts: [String] = []
        for ws in [district, region] {
            for path in ws.files(under: ws.outbox.appendingPathComponent("upward")) {
                let file = try XLSXFile(path: ws.outbox.appendingPathComponent("upward/\(path)").path)
                texts += file.sheets.flatMap { $0.cells.values.map(\.value) }
            }
        }
        for path in region.files(under: region.outbox) where path.hasSuffix(".xlsx") {
            let file = try XLSXFile(path: region.outbox.appendingPathComponent(path).path)
            texts += file.sheets.flatMap { $0.cells.values.map(\.value) }
        }
        texts.append(try region.text("outbox/index.html"))
        #expect(texts.count > 200)
        let forbidden = [
            Files.mentorA, Files.menteeA, Files.menteeB, "11223344595", "14100840800", "12.03.1971", "14.06.2000", "Петров", "Орлов",
            "Андреева",
        ]
        for text in texts {
            for word in forbidden { #expect(!text.contains(word), "«\(word)» in «\(text.prefix(80))»") }
            #expect(text.firstMatch(of: /\d{3}-\d{3}-\d{3} \d{2}/) == nil, "a СНИЛС in «\(text.prefix(80))»")
        }
    }
}
