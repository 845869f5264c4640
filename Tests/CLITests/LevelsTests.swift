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
        let region = try Levels.level("region", code: "reg", units: districts.map(\.0) + ["d-silent"])
        for (code, schools, teachers) in districts {
            let ws = try Levels.district(code, schools: schools, teachers: teachers)
            #expect(try ws.run().status == 0)
            try region.drop(code, "пакет за полугодие.xlsx", try Levels.package(ws, "\(code)-2026-H1.xlsx"))
            let own = try Self.statform(ws, ws.asOf)
            // The district's own statform and the package agree.
            #expect(own["Итого"] != nil)
        }
        let result = try region.run()
        #expect(result.status == 0, "\(result.stderr)")
        let regional = try Self.statform(region, region.asOf)
        for (code, schools, teachers) in districts {
            let ws = try Levels.district(code, schools: schools, teachers: teachers)
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
        let country = try Levels.level("country", code: "", units: ["reg", "other"])
        try country.drop("reg", "reg.xlsx", try Levels.package(region, "reg-2026-H1.xlsx"))
        let top = try country.run()
        #expect(top.status == 0, "\(top.stderr)")
        let national = try Self.statform(country, country.asOf)
        #expect(national["reg"] == regional["Итого"])
        #expect(national["Итого"] == regional["Итого"])
        #expect(!FileManager.default.fileExists(atPath: country.outbox.appendingPathComponent("upward").path))
    }
}

/// Nothing personal leaves a district: every cell of every package and of every output of the
/// levels above, read back, holds no СНИЛС, no birth date and no person's name from the schools.
struct LevelPrivacyTests {
    @Test func noSnilsBirthDateOrMenteeNameGoesUp() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", try Levels.package(district, "d-one-2026-H1.xlsx"))
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

/// A teacher who leaves a school of one district for a school of another: «ушёл» in the district,
/// «перешёл в ОО другого района» at the region when both districts have the region's link key —
/// and the pseudonyms that pair them appear in nothing the region writes.
struct RetentionAcrossDistrictsTests {
    static let header = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
        "Дата приёма", "Дата увольнения", "Основание увольнения",
    ]

    static func staff(_ rows: [(snils: String, born: String, hired: String, dismissed: String, reason: String)]) -> [UInt8] {
        Files.csv(
            [header] + rows.map { [$0.snils, "Иванова", "Анна", "", $0.born, "учитель", $0.hired, $0.hired, $0.dismissed, $0.reason] })
    }

    static let keyed = "link_key_file = \"config/link.key\"\n"

    static func withKey(_ ws: Workspace) throws {
        try Data("0123456789abcdef0123456789abcdef\n".utf8).write(to: ws.config.appendingPathComponent("link.key"))
    }

    @Test func aMoveBetweenDistrictsIsAMoveAtTheRegion() throws {
        let moving = Files.mentorA
        let staying = Files.mentorB
        let leaving = Files.menteeC
        let one = try Levels.district("d-one", schools: 1, teachers: 30, settings: Self.keyed)
        try Self.withKey(one)
        try one.drop(
            "d-one-s1", "кадры.csv",
            Self.staff([
                (moving, "01.05.1998", "01.09.2022", "31.10.2025", "перевод в другую ОО"), (staying, "01.05.1999", "01.09.2021", "", ""),
                (leaving, "01.05.2000", "01.09.2023", "15.01.2026", "по собственному желанию"),
            ]))
        let two = try Levels.district("d-two", schools: 1, teachers: 30, settings: Self.keyed)
        try Self.withKey(two)
        try two.drop(
            "d-two-s1", "staff.csv",
            Self.staff([(moving, "01.05.1998", "05.11.2025", "", ""), (Files.mentorC, "01.05.1960", "01.09.1985", "", "")]))
        let three = try Levels.district("d-three", schools: 1, teachers: 30)
        try three.drop("d-three-s1", "staff.csv", Self.staff([(leaving, "01.05.2000", "01.02.2026", "", "")]))
        let region = try Levels.level("region", code: "reg", units: ["d-one", "d-two", "d-three"])
        var pseudonyms: [String] = []
        for ws in [one, two, three] {
            let run = try ws.run()
            #expect(run.status == 0, "\(run.stderr)")
            let code = ws === one ? "d-one" : ws === two ? "d-two" : "d-three"
            let bytes = try Levels.package(ws, "\(code)-2026-H1.xlsx")
            try region.drop(code, "пакет.xlsx", bytes)
            let package = try XLSXFile(path: ws.outbox.appendingPathComponent("upward/\(code)-2026-H1.xlsx").path)
            if ws === three {
                #expect(package["Движение кадров"] == nil, "without the key, no pseudonyms")
            } else {
                let links = try #require(package["Движение кадров"])
                #expect(links.row(1) == ["Псевдоним", "Движение", "В наставничестве"])
                pseudonyms += (2...max(2, links.lastRow)).map { links.row($0)[0] }.filter { !$0.isEmpty }
            }
        }
        // d-one's leavers: the mover and the leaver; d-two's hire: the mover. d-three has no key:
        // its hire of the leaver cannot be paired.
        #expect(pseudonyms.count == 3 && pseudonyms.allSatisfy { $0.count == 64 })
        let district = try XLSXFile(path: one.outbox.appendingPathComponent("monitoring-\(one.asOf).xlsx").path)
        let own = try #require(district["Закрепление"])
        #expect(
            own.row(3).prefix(7) == [
                "Код ОО", "Наименование ОО", "Молодых педагогов на 01.03.2025", "из них в наставничестве", "Остались в ОО",
                "Перешли в другую ОО", "Ушли",
            ])
        #expect(own.row(4).prefix(8) == ["d-one-s1", "Школа 1 района d-one", "3", "0", "1", "0", "2", "33.3"])

        let result = try region.run()
        #expect(result.status == 0, "\(result.stderr)")
        let monitoring = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-\(region.asOf).xlsx").path)
        let sheet = try #require(monitoring["Закрепление"])
        #expect(sheet.row(3)[6] == "Перешли в ОО другого района")
        #expect(sheet.row(4).prefix(9) == ["d-one", "Единица d-one", "3", "0", "1", "0", "1", "1", "66.7"])
        #expect(sheet.row(5).prefix(4) == ["d-two", "Единица d-two", "0", "0"])
        #expect(sheet.row(7).prefix(9) == ["Итого", "Всего по 3 МО", "3", "0", "1", "0", "1", "1", "66.7"])
        var texts: [String] = [try region.text("outbox/index.html")]
        for path in region.files(under: region.outbox) where path.hasSuffix(".xlsx") {
            let file = try XLSXFile(path: region.outbox.appendingPathComponent(path).path)
            texts += file.sheets.flatMap { $0.cells.values.map(\.value) }
        }
        for pseudonym in pseudonyms { #expect(!texts.contains { $0.contains(pseudonym) }, "a pseudonym in the region's outputs") }
    }

    @Test func aKeyTooShortStopsTheRunBeforeItTouchesAnything() throws {
        let ws = try Levels.district("d-one", schools: 1, teachers: 30, settings: Self.keyed)
        try Data("short\n".utf8).write(to: ws.config.appendingPathComponent("link.key"))
        let result = try ws.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("ключ связки"))
        #expect(!FileManager.default.fileExists(atPath: ws.outbox.path))
    }
}
