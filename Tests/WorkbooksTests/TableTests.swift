import Domain
import Foundation
import Testing
import XLSX
import XLSXTestSupport

@testable import Workbooks

struct TableTests {
    let created = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func longTablesContinueOnNumberedSheets() throws {
        let path = RegistryFixture.scratch() + "/t.xlsx"
        let book = try Workbook(path: path, constantMemory: true, created: created, title: "t")
        let table = Table(
            book, name: "Наставники", columns: [SheetColumn<Int>.count("№") { $0 }, SheetColumn<Int>.text("ФИО") { "Имя \($0)" }],
            rowLimit: 4)
        try table.append(1...7)
        try table.finish()
        try book.close()
        let read = try XLSXFile(path: path)
        #expect(read.sheets.map(\.name) == ["Наставники", "Наставники (2)", "Наставники (3)"])
        #expect(read.sheets.map { $0.row(1) } == Array(repeating: ["№", "ФИО"], count: 3))
        #expect(read.sheets.map(\.lastRow) == [4, 4, 2])
        #expect(read.sheets[2].text("B2") == "Имя 7")
    }
}
