import CommandTestSupport
import Foundation
import Testing
import XLSXTestSupport

/// `nastavnik validate` and `nastavnik inspect` through the real binary.
struct ValidateCommandTests {
    let config = CommandRunner.root.appendingPathComponent("config").path
    let demo = CommandRunner.root.appendingPathComponent("inbox")

    private func demoFiles(_ school: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: demo.appendingPathComponent(school).path).sorted()
            .map { demo.appendingPathComponent(school).appendingPathComponent($0).path }
    }

    @Test func acceptedFilesExitZero() throws {
        let result = try CommandRunner.run(
            ["validate"] + demoFiles("tetyushi-sosh1") + ["--school", "tetyushi-sosh1", "--config", config, "--as-of", "2026-11-25"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Итог: принят").count == 8)
        #expect(result.stdout.contains("кадры.csv — Кадры"))
    }

    @Test func rejectedFilesExitOneWithRussianFindings() throws {
        let result = try CommandRunner.run(
            ["validate"] + demoFiles("tetyushi-sosh2") + ["--school", "tetyushi-sosh2", "--config", config, "--as-of", "2026-11-25"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("наставляемые.csv — Наставляемые, Windows-1251"))
        #expect(result.stdout.contains("строка 3, столбец «СНИЛС»"))
        #expect(result.stdout.contains("неверная контрольная сумма"))
        #expect(result.stdout.contains("Итог: отклонён"))
    }

    @Test func jsonFormatForMachines() throws {
        let result = try CommandRunner.run(
            ["validate"] + demoFiles("tetyushi-sosh2") + [
                "--school", "tetyushi-sosh2", "--config", config, "--format", "json", "--as-of", "2026-11-25",
            ])
        #expect(result.status == 1)
        let files = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(files.count == 6)
        let mentees = try #require(files.first { $0["dataset"] as? String == "mentees" })
        #expect(mentees["verdict"] as? String == "отклонён")
        let findings = try #require(mentees["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["row"] as? Int == 3 && $0["column"] as? String == "СНИЛС" && $0["severity"] as? String == "ошибка" })
    }

    @Test func badUsageExitsTwo() throws {
        let unknownSchool = try CommandRunner.run([
            "validate", demo.appendingPathComponent("tetyushi-sosh1/profile.csv").path, "--school", "no-such-school", "--config", config,
        ])
        #expect(unknownSchool.status == 2)
        #expect(unknownSchool.stderr.contains("no-such-school"))
        let missingOption = try CommandRunner.run(["validate", "x.csv"])
        #expect(missingOption.status == 2)
        let missingFile = try CommandRunner.run(["validate", "/nonexistent/mentors.csv", "--school", "tetyushi-sosh1", "--config", config])
        #expect(missingFile.status == 2)
        let badConfig = try CommandRunner.run(["validate", "x.csv", "--school", "a", "--config", "/nonexistent"])
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr.contains("Ошибка настроек"))
        let badDate = try CommandRunner.run([
            "validate", "x.csv", "--school", "tetyushi-sosh1", "--config", config, "--as-of", "25.11.2026",
        ])
        #expect(badDate.status == 2)
    }

    @Test func twoFilesOfTheSameNameAreEachJudged() throws {
        let good = try Array(Data(contentsOf: demo.appendingPathComponent("tetyushi-sosh1/mentors.csv")))
        let dir = try CommandRunner.scratch(["a/mentors.csv": Array("СНИЛС;Фамилия\n1;2\n".utf8), "b/mentors.csv": good])
        let result = try CommandRunner.run(
            [
                "validate", "a/mentors.csv", "b/mentors.csv", "--school", "tetyushi-sosh1", "--config", config, "--format", "json",
                "--as-of", "2026-11-25",
            ],
            in: dir)
        let files = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(files.compactMap { $0["verdict"] as? String }.sorted() == ["отклонён", "принят"])
        #expect(result.status == 1)
    }

    @Test func validateChangesNothing() throws {
        let dir = try CommandRunner.scratch(["mentors.csv": Array("СНИЛС;Фамилия\n1;2\n".utf8)])
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        try CommandRunner.run(["validate", "mentors.csv", "--school", "tetyushi-sosh1", "--config", config], in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == before)
    }

    @Test func helpExplainsTheCommands() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
        #expect(help.stdout.contains("inspect"))
        let validateHelp = try CommandRunner.run(["validate", "--help"])
        #expect(validateHelp.stdout.contains("--school"))
    }
}

struct InspectCommandTests {
    static let spectrum = CommandRunner.root.deletingLastPathComponent().appendingPathComponent("shared/testdata/csv-spectrum")

    @Test func textShowsEncodingDelimiterDatasetAndMapping() throws {
        let file = CommandRunner.root.appendingPathComponent("inbox/tetyushi-sosh2/наставники.csv").path
        let result = try CommandRunner.run(["inspect", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Кодировка:    Windows-1251"))
        #expect(result.stdout.contains("Разделитель:  точка с запятой (;)"))
        #expect(result.stdout.contains("Набор данных: mentors"))
        #expect(result.stdout.contains("«Квалификационная категория» → Квалификационная категория (category)"))
    }

    /// `inspect --format json` reproduces every csv-spectrum file exactly.
    @Test func jsonReproducesCSVSpectrum() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.spectrum.appendingPathComponent("csvs").path)
            .filter { $0.hasSuffix(".csv") && $0 != "location_coordinates.csv" }
        #expect(names.count >= 11)
        for name in names {
            let result = try CommandRunner.run(["inspect", Self.spectrum.appendingPathComponent("csvs/\(name)").path, "--format", "json"])
            let expected =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: Self.spectrum.appendingPathComponent("json/\(name.dropLast(4)).json"))) as? [[String: String]]
            let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]]
            #expect(actual == expected, "\(name)")
        }
    }

    /// Every cell is kept: a repeated header gets its column's letter, a column without one is
    /// keyed by its letter, cells right of the header too; values are JSON strings whatever they hold.
    @Test func jsonKeepsEveryCellAndEveryRepeatedHeader() throws {
        let csv = "ФИО;ФИО;;Стаж\nИванова;Петрова;x;5;лишнее\n\"две\nстроки\";\"кав\"\"ычки\\\";;;\n"
        let workbook = try WrittenWorkbook.texts([
            ("Наставники", [["ФИО", "ФИО", "", "Стаж"], ["Иванова", "Петрова", "x", "5", "лишнее"]])
        ])
        let dir = try CommandRunner.scratch(["a.csv": Array(csv.utf8), "b.xlsx": workbook])
        let first = try CommandRunner.run(["inspect", dir.appendingPathComponent("a.csv").path, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout == """
                [
                  {"ФИО": "Иванова", "ФИО (B)": "Петрова", "C": "x", "Стаж": "5", "E": "лишнее"},
                  {"ФИО": "две\\nстроки", "ФИО (B)": "кав\\"ычки\\\\", "C": "", "Стаж": "", "E": ""}
                ]

                """)
        let second = try CommandRunner.run(["inspect", dir.appendingPathComponent("b.xlsx").path, "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: String]]
        #expect(records == [["ФИО": "Иванова", "ФИО (B)": "Петрова", "C": "x", "Стаж": "5", "E": "лишнее"]])
    }

    @Test func unreadableFileIsExplained() throws {
        let dir = try CommandRunner.scratch(["a.csv": [0x41, 0x00, 0x42]])
        let result = try CommandRunner.run(["inspect", dir.appendingPathComponent("a.csv").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("двоичные данные"))
    }
}
