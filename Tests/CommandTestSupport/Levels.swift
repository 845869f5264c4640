import Foundation
import Testing
import XLSXTestSupport

/// Installations of the three levels for the tests: districts with their schools' files, a region
/// or the country over their units, the packages the districts' nights leave.
public enum Levels {
    /// A district installation: its own schools, each sending a profile, mentors and mentees.
    public static func district(
        _ code: String, schools: Int, teachers: Int, asOf: String = "2026-03-01", settings: String = ""
    ) throws -> Workspace {
        let ws = try Workspace(
            settings: "min_file_age_seconds = 0\ndistrict_code = \"\(code)\"\ndistrict_name = \"Район \(code)\"\n" + settings, asOf: asOf)
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

    /// A region (or the country) over `units`.
    public static func level(_ level: String, code: String, units: [String]) throws -> Workspace {
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
    public static func package(_ ws: Workspace, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: ws.outbox.appendingPathComponent("upward/\(name)")))
    }

    /// Every row of every sheet of a unit's receipt at a region, cells joined by « | ».
    public static func receiptText(_ ws: Workspace, _ folder: String, on date: String? = nil) throws -> String {
        let file = try XLSXFile(path: ws.outbox.appendingPathComponent("districts/\(folder)/receipt-\(date ?? ws.asOf).xlsx").path)
        return file.sheets.flatMap { sheet in (1...max(sheet.lastRow, 1)).map { sheet.row($0).joined(separator: " | ") } }.joined(
            separator: "\n")
    }

    /// A row of a level's monitoring sheet «Мониторинг», by unit code.
    public static func monitoringRow(_ region: Workspace, _ code: String, on date: String? = nil) throws -> [String] {
        let file = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-\(date ?? region.asOf).xlsx").path)
        let sheet = try #require(file["Мониторинг"])
        let row = try #require((1...sheet.lastRow).first { sheet.row($0).first == code })
        return sheet.row(row)
    }
}
