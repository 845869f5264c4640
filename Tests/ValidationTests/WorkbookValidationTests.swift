import Domain
import Foundation
import Testing
import XLSX
import XLSXTestSupport

@testable import Reading
@testable import Validation

/// A school's `.xlsx` judged as its CSV would be: the same rules and messages, findings naming the
/// file and the sheet, rows as Excel numbers them.
struct WorkbookValidationTests {
    /// `dates`: the columns formatted as dates (`DD.MM.YYYY`).
    static func workbook(_ sheets: [(String, [[CellValue]])], dates: Set<Int> = []) throws -> [UInt8] {
        try WrittenWorkbook.sheets(sheets, dates: dates)
    }

    static func texts(_ rows: [[String]]) -> [[CellValue]] { rows.map { $0.map(CellValue.text) } }

    @Test func aMentorsWorkbookIsJudgedAsItsCSV() throws {
        let rows = [Fixture.mentorHeader, Fixture.mentor(Fixture.mentorA), Fixture.mentor("112-233-445 96", last: "Борисова")]
        let csv = Fixture.validate("mentors.csv", rows)
        let sheet = Fixture.validate("mentors.xlsx", bytes: try Self.workbook([("Наставники", Self.texts(rows))]))
        #expect(!csv.isAccepted && !sheet.isAccepted)
        #expect(sheet.findings.map(\.message) == csv.findings.map(\.message))
        #expect(sheet.findings.map(\.row) == csv.findings.map(\.row))
        #expect(sheet.findings.map(\.column) == csv.findings.map(\.column))
        #expect(sheet.findings.allSatisfy { $0.file == "mentors.xlsx — лист «Наставники»" })
        #expect(sheet.encoding == nil && sheet.delimiter == nil)
    }

    @Test func numbersAndDatesTypedInExcelAreTheTextAPersonSaw() throws {
        var row: [CellValue] = Fixture.mentor(Fixture.mentorA).map(CellValue.text)
        row[0] = .number(11_223_344_595)  // the СНИЛС typed without a text format
        row[4] = .date(CivilDate(year: 1971, month: 3, day: 12)!)  // shown as a date by its format
        row[7] = .number(4.5)
        let file = Fixture.validate(
            "mentors.xlsx", bytes: try Self.workbook([("Лист1", [Fixture.mentorHeader.map(CellValue.text), row])], dates: [4]))
        #expect(file.isAccepted, "\(file.findings)")
        guard case .mentors(let mentors) = file.rows else { return #expect(Bool(false)) }
        #expect(mentors.first?.snils.description == Fixture.mentorA)
        #expect(mentors.first?.experienceYears == 4.5)
        #expect(mentors.first?.birthDate == CivilDate(year: 1971, month: 3, day: 12))
    }

    @Test func theSheetNamedAfterTheDatasetIsTheDataAndTheTemplatesOtherSheetsAreNot() throws {
        let bytes = try Self.workbook([
            ("Инструкция", [[.text("Как заполнить")]]),
            ("Сведения", [[.text("Код ОО")]]),
            ("Наставники", Self.texts([Fixture.mentorHeader, Fixture.mentor(Fixture.mentorA)])),
        ])
        #expect(DatasetRecognition.recognise(name: "шаблоны.xlsx", head: bytes, complete: true) == .mentors)
        let file = Fixture.validate("шаблоны.xlsx", bytes: bytes)
        #expect(file.dataset == .mentors)
        #expect(file.isAccepted, "\(file.findings)")
        #expect(file.rowCount == 1)
    }

    @Test func eachFilledDatasetSheetIsAPartOfItsOwn() throws {
        let bytes = try Self.workbook([
            ("Инструкция", [[.text("Заполните листы")]]),
            ("Программы", [[.text("Номер программы")], [.text("1")]]),
            ("Кураторы", [[.text("СНИЛС")]]),
            ("Наставники", Self.texts([Fixture.mentorHeader, Fixture.mentor(Fixture.mentorA)])),
        ])
        let document = try SpreadsheetDocument.parse(bytes)
        // In the workbook's order; the sheet with a header and nothing under it is not sent.
        #expect(
            WorkbookSheets.parts(document, name: "шаблоны.xlsx") == [
                .init(dataset: .programs, sheet: "Программы"), .init(dataset: .mentors, sheet: "Наставники"),
            ])
        // Judged whole (no sheet chosen beforehand), the first in the apply order is the data.
        let file = Fixture.validate("шаблоны.xlsx", bytes: bytes)
        #expect(file.dataset == .mentors)
        #expect(file.isAccepted, "\(file.findings)")
        #expect(file.findings.isEmpty)
    }

    @Test func aTemplateSentBackUnfilledSaysSo() throws {
        let bytes = try Self.workbook([
            ("Инструкция", [[.text("Заполните листы")]]), ("Кураторы", [[.text("СНИЛС")]]),
            ("Наставники", Self.texts([Fixture.mentorHeader])),
        ])
        #expect(WorkbookSheets.parts(try SpreadsheetDocument.parse(bytes), name: "шаблоны.xlsx") == [.init(dataset: nil, sheet: nil)])
        let file = Fixture.validate("шаблоны.xlsx", bytes: bytes)
        #expect(!file.isAccepted)
        #expect(
            file.findings.map(\.message) == [
                "На листах книги, названных по наборам данных («Кураторы», «Наставники»), под заголовком нет ни одной строки — "
                    + "заполните лист и сохраните книгу."
            ])
    }

    @Test func aWorkbookWithoutTheNamedDatasetsSheetIsRejected() throws {
        let bytes = try Self.workbook([("Кураторы", [[.text("СНИЛС")]])])
        let file = FileValidator.validate(name: "mentors.xlsx", dataset: .mentors, bytes: bytes, context: Fixture.context())
        #expect(!file.isAccepted)
        #expect(
            file.findings.map(\.message) == [
                "В книге нет листа «Наставники» (листы: «Кураторы») — назовите лист с данными по набору или сохраните его отдельным файлом."
            ])
    }

    @Test func anOldExcelFileNamedXlsxIsRejectedWithAdvice() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)
        let file = FileValidator.validate(name: "mentors.xlsx", dataset: .mentors, bytes: ole, context: Fixture.context())
        #expect(!file.isAccepted)
        #expect(file.findings.map(\.message) == [WorkbookFailure.legacyExcel.message])
    }

    @Test func aCellProblemIsAnErrorWithTheColumnsHeader() throws {
        let bytes = try Self.workbook([
            (
                "Лист1",
                [
                    Fixture.mentorHeader.map(CellValue.text), Fixture.mentor(Fixture.mentorA).map(CellValue.text),
                    [.formula("=1/0", cached: 0)],
                ]
            )
        ])
        // libxlsxwriter caches a number; turn the cached value into Excel's error by hand.
        let table = try SpreadsheetDocument.parse(bytes).sheets[0].table
        let file = FileValidator.validate(
            name: "mentors.xlsx", dataset: .mentors, table: table,
            source: .sheet(
                label: "mentors.xlsx — лист «Лист1»",
                problems: [CellProblem(row: 3, column: 1, value: "#DIV/0!", message: "в ячейке ошибка")]),
            context: Fixture.context())
        #expect(!file.isAccepted)
        let finding = try #require(file.findings.first { $0.message.hasPrefix("Ячейка A3") })
        #expect(finding.column == "СНИЛС")
        #expect(finding.row == 3)
        #expect(finding.value == "#DIV/0!")
    }
}
