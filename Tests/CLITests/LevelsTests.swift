import Foundation
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
