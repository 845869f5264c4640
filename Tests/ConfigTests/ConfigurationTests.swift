import Foundation
import Testing

@testable import Config

struct ConfigurationTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config").path

    private func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "nastavnik-config-\(UUID().uuidString)/config"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["schools.csv", "roadmap.csv", "nastavnik.toml"] {
            let text = try files[name] ?? String(contentsOfFile: Self.shipped + "/" + name, encoding: .utf8)
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func shippedConfigurationLoads() throws {
        let config = try Configuration.load(directory: Self.shipped)
        #expect(config.schools.schools.count >= 6)
        #expect(config.settings == Settings())
        #expect(config.roadmap.items.count == 25)
        #expect(config.roadmap.codes(for: .district).contains("2.10"))
        #expect(config.roadmap.codes(for: .school).contains("П2.5"))
        #expect(config.inbox.hasSuffix("/inbox"))
        #expect(config.database.hasSuffix("/var/registry.sqlite"))
    }

    @Test func badInnIsReportedWithItsLine() throws {
        let dir = try folder([
            "schools.csv": "Код ОО;Наименование ОО;Краткое наименование;ИНН\nschool-a;Школа;Ш;1638011140\nschool-b;Школа Б;Б;1638011141\n"
        ])
        #expect {
            try Configuration.load(directory: dir)
        } throws: { error in
            let e = error as! ConfigurationError
            return e.line == 3 && e.file.hasSuffix("schools.csv") && e.message.contains("ИНН")
        }
    }

    @Test func schoolCodesAreFolderNames() throws {
        for code in ["Школа", "school_1", "district", "a b"] {
            let dir = try folder(["schools.csv": "Код ОО;Наименование ОО;Краткое наименование;ИНН\n\(code);Школа;Ш;1638011140\n"])
            #expect(throws: ConfigurationError.self, "\(code)") { try Configuration.load(directory: dir) }
        }
    }

    @Test func roadmapLevelsAndCodes() throws {
        let header = "Код;Мероприятие;Срок;Уровень\n"
        let bad = try folder(["roadmap.csv": header + "1.1;Что-то;Декабрь 2022 г.;школа\n"])
        #expect(throws: ConfigurationError.self) { try Configuration.load(directory: bad) }
        let twice = try folder(["roadmap.csv": header + "2.1;А;Декабрь 2022 г.;ОО\n2.1;Б;Декабрь 2022 г.;ОО\n"])
        #expect(throws: ConfigurationError.self) { try Configuration.load(directory: twice) }
        let text = try folder(["roadmap.csv": header + "2.1;А;Декабрь 2022 г.;ОО\n2.10;Б;Декабрь 2022 г.;ОО\n"])
        #expect(try Configuration.load(directory: text).roadmap.codes(for: .school) == ["2.1", "2.10"])
    }

    @Test func settingsKeysAreCheckedWithTheirLine() throws {
        let typo = try folder(["nastavnik.toml": "inbox = \"in\"\nmax_file_byte = 10\n"])
        #expect {
            try Configuration.load(directory: typo)
        } throws: { error in
            (error as! ConfigurationError).line == 2
        }
        let wrongType = try folder(["nastavnik.toml": "due_soon_days = \"две недели\"\n"])
        #expect(throws: ConfigurationError.self) { try Configuration.load(directory: wrongType) }
        let syntax = try folder(["nastavnik.toml": "strict = \n"])
        #expect(throws: ConfigurationError.self) { try Configuration.load(directory: syntax) }
        let custom = try folder([
            "nastavnik.toml": "max_file_bytes = 1024\nmodel_start_date = 2023-09-01\nstrict = true\nstate = \"/srv/nastavnik\"\n"
        ])
        let settings = try Configuration.load(directory: custom)
        #expect(settings.settings.maxFileBytes == 1024)
        #expect(settings.settings.modelStartDate.iso == "2023-09-01")
        #expect(settings.settings.strict)
        #expect(settings.database == "/srv/nastavnik/registry.sqlite")
    }
}
