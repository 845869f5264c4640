import CommandTestSupport
import Foundation
import Packages
import Reading
import Testing
import XLSXTestSupport

/// A district that has not upgraded still sends version 1 of the package (without the retention
/// columns): the region takes it, and shows no retention for it rather than zeros.
struct PackageVersionTests {
    /// The district's package as version 1 wrote it: every sheet's cells as shown, `Показатели`
    /// without its retention columns, the checksum made over them, `Версия формата` 1.
    static func versionOne(_ bytes: [UInt8]) throws -> [UInt8] {
        let document = try SpreadsheetDocument.parse(bytes)
        func rows(_ name: String) throws -> [[String]] {
            let table = try #require(document.sheets.first { $0.name == name }).table
            return (0..<table.count).map(table.record)
        }
        let retention = PackageLayout.retentionColumns.count
        let checked = [
            (PackageLayout.statformSheet, try rows(PackageLayout.statformSheet)),
            (PackageLayout.indicatorsSheet, try rows(PackageLayout.indicatorsSheet).map { Array($0.dropLast(retention)) }),
            (PackageLayout.schoolsSheet, try rows(PackageLayout.schoolsSheet)),
        ]
        var passport = try rows(PackageLayout.passportSheet)
        passport[1][8] = PackageLayout.checksum(checked)
        passport[1][9] = "1"
        return try WrittenWorkbook.texts([(PackageLayout.passportSheet, passport)] + checked)
    }

    @Test func aVersionOnePackageIsReadWithoutRetention() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        try district.drop(
            "d-one-s1", "staff.csv",
            Files.csv([
                [
                    "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
                    "Дата приёма", "Дата увольнения", "Основание увольнения",
                ],
                [Files.mentorA, "Иванова", "Анна", "", "01.05.1998", "учитель", "01.09.2022", "01.09.2022", "", ""],
            ]))
        #expect(try district.run().status == 0)
        let current = try Levels.package(district, "d-one-2026-H1.xlsx")
        let old = try Self.versionOne(current)
        let two = try Levels.district("d-two", schools: 1, teachers: 30)
        #expect(try two.run().status == 0)
        let region = try Levels.level("region", code: "reg", units: ["d-one", "d-two"])
        try region.drop("d-one", "старый.xlsx", old)
        try region.drop("d-two", "пакет.xlsx", try Levels.package(two, "d-two-2026-H1.xlsx"))
        let result = try region.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Levels.receiptText(region, "d-one").contains("принят"))
        #expect(try Levels.monitoringRow(region, "d-one")[2] == "предварительные")
        let monitoring = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-\(region.asOf).xlsx").path)
        let sheet = try #require(monitoring["Закрепление"])
        #expect(sheet.row(4).prefix(3) == ["d-one", "Единица d-one", ""], "no retention, not zero")
        #expect(sheet.row(5).prefix(3) == ["d-two", "Единица d-two", ""], "no staff list: no retention either")
        // The same district's version 2: its young teacher is counted.
        try region.drop("d-one", "новый.xlsx", current)
        #expect(try region.run(["--as-of", "2026-03-03"]).status == 0)
        let next = try XLSXFile(path: region.outbox.appendingPathComponent("monitoring-2026-03-03.xlsx").path)
        #expect(try #require(next["Закрепление"]).row(4).prefix(5) == ["d-one", "Единица d-one", "1", "0", "1"])
    }
}
