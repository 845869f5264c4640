import Domain
import Foundation
import Testing
import XLSX
import XLSXTestSupport
import ZIPFoundation

@testable import Reading

/// `.xlsx` workbooks read as the sheets a person sees: written by libxlsxwriter (shared strings,
/// and inline strings in constant-memory mode), by LibreOffice (a fixture converted from a demo
/// CSV file) and by hand (inline strings, no styles part); then every hostile workbook.
struct WorkbookReadingTests {
    /// A workbook written by the project's own libxlsxwriter wrapper.
    static func written(constantMemory: Bool = false, _ fill: (Workbook) throws -> Void) throws -> [UInt8] {
        try WrittenWorkbook.bytes(constantMemory: constantMemory, fill)
    }

    /// The smallest workbook Excel opens: a workbook part, its relationships, and sheets.
    static func handMade(sheets: [(name: String, xml: String, state: String?)], extra: [(String, String)] = [], workbookPr: String = "")
        throws -> [UInt8]
    {
        try HandMadeWorkbook.bytes(sheets: sheets, extra: extra, workbookPr: workbookPr)
    }

    static func records(_ sheet: SpreadsheetDocument.Sheet) -> [[String]] { (0..<sheet.table.count).map(sheet.table.record) }

    // MARK: three writers

    @Test func libxlsxwriterSharedStringsNumbersAndDates() throws {
        let bytes = try Self.written { workbook in
            let sheet = try workbook.addSheet("Наставники")
            try sheet.write(row: 0, ["СНИЛС", "Фамилия", "Дата рождения", "Стаж", "Всего"].map(CellValue.text))
            try sheet.write(1, 0, .number(11_223_344_595))
            try sheet.write(1, 1, .text("Андреева"))
            try sheet.write(1, 2, .date(CivilDate(year: 1971, month: 3, day: 12)!), .date)
            try sheet.write(1, 3, .number(4.5))
            try sheet.write(1, 4, .formula("=D2*2", cached: 9))
            try sheet.write(3, 1, .text("=ВПР(1)"))  // row 3 left blank
        }
        let document = try SpreadsheetDocument.parse(bytes)
        #expect(document.sheets.map(\.name) == ["Наставники"])
        let sheet = document.sheets[0]
        #expect(
            Self.records(sheet) == [
                ["СНИЛС", "Фамилия", "Дата рождения", "Стаж", "Всего"], ["11223344595", "Андреева", "12.03.1971", "4,5", "9"],
                ["", "=ВПР(1)"],
            ])
        #expect(sheet.table.rows == [1, 2, 4])
        #expect(sheet.problems.isEmpty)
    }

    @Test func libxlsxwriterConstantMemoryWritesInlineStrings() throws {
        let bytes = try Self.written(constantMemory: true) { workbook in
            let sheet = try workbook.addSheet("mentors")
            try sheet.write(row: 0, [.text("Фамилия"), .text("Имя")])
            try sheet.write(row: 1, [.text("Ёлкина"), .text("Анна")])
        }
        #expect(Self.records(try SpreadsheetDocument.parse(bytes).sheets[0]) == [["Фамилия", "Имя"], ["Ёлкина", "Анна"]])
    }

    /// `soffice --headless --infilter=CSV:59,34,76,1 --convert-to xlsx` of the demo school's
    /// `mentors.csv` (LibreOffice 7.4), kept as a fixture: the same records as the CSV it came from,
    /// except that LibreOffice took `2023-02-10` for a date, which reads back as dates do.
    @Test func libreOfficeGivesTheRecordsOfTheCSVItCameFrom() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let workbook = try Data(contentsOf: here.appendingPathComponent("Fixtures/mentors-libreoffice.xlsx"))
        let csv = try Data(contentsOf: here.appendingPathComponent("Fixtures/mentors-libreoffice.csv"))
        let sheet = try SpreadsheetDocument.parse(Array(workbook)).sheets[0]
        let expected = try CSVDocument.parse(Array(csv)).table
        let records = (0..<expected.count).map { expected.record($0).map { $0 == "2023-02-10" ? "10.02.2023" : $0 } }
        #expect(Self.records(sheet) == records)
        #expect(records[3].contains("10.02.2023") && records[2].contains("21,5"))
        #expect(sheet.table.rows == expected.rows)
    }

    @Test func handMadeInlineStringsRichTextAndNoStylesPart() throws {
        let bytes = try Self.handMade(sheets: [
            (
                "Лист1",
                #"""
                <row r="1"><c r="A1" t="inlineStr"><is><t>Фамилия</t></is></c><c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Им</t></r><r><t xml:space="preserve">я</t></r><rPh><t>イ</t></rPh></is></c></row>
                <row r="2" s="1" customFormat="1"/>
                <row r="5"><c r="C5" t="inlineStr"><is><t>Анна &amp; Ко</t></is></c><c r="A5" t="inlineStr"><is><t>Ёлкина</t></is></c><c r="B5" s="3"/></row>
                <row><c t="str"><f>A5</f><v>Ёлкина</v></c><c t="b"><v>1</v></c><c><v>12</v></c></row>
                """#, nil
            ),
            ("Скрытый", #"<row r="1"><c r="A1" t="inlineStr"><is><t>не данные</t></is></c></row>"#, "hidden"),
        ])
        let document = try SpreadsheetDocument.parse(bytes)
        #expect(document.sheets.map(\.name) == ["Лист1"])
        #expect(Self.records(document.sheets[0]) == [["Фамилия", "", "Имя"], ["Ёлкина", "", "Анна & Ко"], ["Ёлкина", "ИСТИНА", "12"]])
        #expect(document.sheets[0].table.rows == [1, 5, 6])
    }

    @Test func aChartSheetIsNotASheetOfCells() throws {
        var parts = try ZipParts.parts(
            try Self.handMade(sheets: [
                ("Диаграмма", "", nil), ("Данные", #"<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>"#, nil),
            ]))
        let rels = parts.firstIndex { $0.0 == "xl/_rels/workbook.xml.rels" }!
        parts[rels].1 = Data(
            String(decoding: parts[rels].1, as: UTF8.self).replacingOccurrences(
                of: "relationships/worksheet\" Target=\"worksheets/sheet1.xml",
                with: "relationships/chartsheet\" Target=\"worksheets/sheet1.xml"
            ).utf8)
        let document = try SpreadsheetDocument.parse(try ZipParts.zip(parts))
        #expect(document.sheets.map(\.name) == ["Данные"])
    }

    /// The .NET Open XML SDK writes the spreadsheet namespace with a prefix.
    @Test func prefixedElementsAreReadAsTheirLocalNames() throws {
        var parts = try ZipParts.parts(try Self.handMade(sheets: [("Лист1", "", nil)]))
        let sheet = parts.firstIndex { $0.0 == "xl/worksheets/sheet1.xml" }!
        parts[sheet].1 = Data(
            #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Фамилия</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#
                .utf8)
        let read = try SpreadsheetDocument.parse(try ZipParts.zip(parts)).sheets[0]
        #expect(Self.records(read) == [["", "Фамилия"]])
        #expect(read.table.rows == [2])
    }

    @Test func numberFormatsShowWhatAPersonSaw() throws {
        let styles = #"""
            <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="3"><numFmt numFmtId="164" formatCode="ДД.ММ.ГГГГ"/><numFmt numFmtId="165" formatCode="000\-000\-000\ 00"/><numFmt numFmtId="166" formatCode="[$-419]d\ mmmm\ yyyy;@"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="49"/></cellXfs>
            </styleSheet>
            """#
        let row = #"""
            <row r="1"><c s="0"><v>4.5</v></c><c s="1"><v>44946</v></c><c s="2"><v>44946</v></c><c s="3"><v>1122334459</v></c><c s="4"><v>44946</v></c><c s="5"><v>0.30000000000000004</v></c><c s="0"><v>11223344595</v></c></row>
            """#
        let plain = try SpreadsheetDocument.parse(Self.handMade(sheets: [("Лист1", row, nil)], extra: [("xl/styles.xml", styles)]))
        #expect(
            Self.records(plain.sheets[0]) == [["4,5", "20.01.2023", "20.01.2023", "011-223-344 59", "20.01.2023", "0,3", "11223344595"]])
        // 1904 date system (old Mac workbooks): the same serial is four years and a day later.
        let mac = try SpreadsheetDocument.parse(
            Self.handMade(sheets: [("Лист1", row, nil)], extra: [("xl/styles.xml", styles)], workbookPr: #"<workbookPr date1904="1"/>"#))
        #expect(mac.sheets[0].table.record(0)[1] == "21.01.2027")
    }

    @Test func cellsWithoutAValueAreProblemsWithTheirAddress() throws {
        let strings =
            #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Фамилия</t></si></sst>"#
        let styles =
            #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#
        let rows = #"""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>
            <row r="2"><c r="A2" t="e"><f>VLOOKUP(1,A:A,2)</f><v>#N/A</v></c><c r="B2"><f>SUM(A1:A9)</f></c><c r="C2" s="1"><v>-5</v></c><c r="D2" s="1" t="s"><v>0</v></c></row>
            """#
        let sheet = try SpreadsheetDocument.parse(
            Self.handMade(sheets: [("Лист1", rows, nil)], extra: [("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles)])
        ).sheets[0]
        #expect(sheet.problems.map(\.address) == ["B1", "A2", "B2", "C2"])
        #expect(sheet.problems[0].message.contains("текст, которого нет"))
        #expect(sheet.problems[1].message.contains("«#N/A»"))
        #expect(sheet.problems[2].message.contains("формула без сохранённого значения"))
        #expect(sheet.problems[3].message.contains("не может быть датой"))
        // A date format on a text cell leaves the text as it is.
        #expect(Self.records(sheet) == [["Фамилия"], ["", "", "", "Фамилия"]])
    }

    // MARK: hostile workbooks

    private func refused(_ bytes: [UInt8]) -> WorkbookFailure? {
        do {
            _ = try SpreadsheetDocument.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func oldExcelEncryptedAndOpenDocumentAreNamed() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)
        #expect(refused(ole) == .legacyExcel)
        let encrypted = ole + Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0, 0]
        #expect(refused(encrypted) == .encrypted)
        let ods = try ZipParts.zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")], stored: true)
        #expect(refused(ods) == .openDocument)
        #expect(refused(Array("Фамилия;Имя\n".utf8)) == .notAWorkbook("это не архив книги Excel"))
        #expect(refused(try ZipParts.zip([("readme.txt", "привет")])) == .notAWorkbook("в архиве нет книги Excel"))
    }

    @Test func aTruncatedZipIsRefused() throws {
        let whole = try Self.written { workbook in try workbook.addSheet("Лист1").write(0, 0, .text("Фамилия")) }
        for cut in [whole.count / 2, whole.count - 10, 30] {
            #expect(refused(Array(whole.prefix(cut))) != nil)
        }
    }

    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        // 64 MB of zeros deflate to ≈ 64 KB: a ratio over 500 is refused from the central directory.
        let bomb = try ZipParts.zip([("xl/workbook.xml", Data(count: 64 << 20))])
        #expect(bomb.count < 200_000)
        #expect(refused(bomb) == .tooLarge(.compressionRatio(part: "xl/workbook.xml")))
    }

    @Test func aDoctypeExternalEntityOrBillionLaughsIsNeverParsed() throws {
        let external =
            #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>"#
        var laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for i in 1...9 { laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        laughs += "]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
        for xml in [external, laughs] {
            var bytes = try Self.handMade(sheets: [("Лист1", "", nil)])
            let archive = try Archive(data: Data(bytes), accessMode: .update)
            try archive.remove(archive["xl/worksheets/sheet1.xml"]!)
            let data = Data(xml.utf8)
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            bytes = Array(archive.data!)
            #expect(refused(bytes) == .doctype(part: "xl/worksheets/sheet1.xml"))
        }
    }

    @Test func entriesThatClimbOutOfTheArchiveAreRefused() throws {
        let bytes = try ZipParts.zip([("xl/workbook.xml", "<workbook/>"), ("../../etc/cron.d/x", "* * * * * root sh")])
        #expect(refused(bytes) == .notAWorkbook("в архиве есть файлы с недопустимыми именами"))
    }

    @Test func aMillionEmptyStyledRowsAreNoRecords() throws {
        var rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Фамилия</t></is></c></row>"#
        rows.reserveCapacity(40 << 20)
        for r in 2...1_000_000 { rows += #"<row r="\#(r)" s="1" customFormat="1"><c r="A\#(r)" s="1"/></row>"# }
        let sheet = try SpreadsheetDocument.parse(Self.handMade(sheets: [("Лист1", rows, nil)])).sheets[0]
        #expect(sheet.table.count == 1)
        #expect(sheet.problems.isEmpty)
    }

    @Test func aCellOverExcelsLimitIsReadWhole() throws {
        let long = String(repeating: "ё", count: 40_000)
        let sheet = try SpreadsheetDocument.parse(
            Self.handMade(sheets: [("Лист1", #"<row r="1"><c r="A1" t="inlineStr"><is><t>\#(long)</t></is></c></row>"#, nil)])
        ).sheets[0]
        #expect(sheet.table.string(0, 0) == long)
    }

    @Test func referencesBeyondTheSheetAreProblemsNotCells() throws {
        let rows =
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFE1" t="inlineStr"><is><t>y</t></is></c></row><row r="2000000"><c r="A2000000"><v>1</v></c></row>"#
        let sheet = try SpreadsheetDocument.parse(Self.handMade(sheets: [("Лист1", rows, nil)])).sheets[0]
        #expect(Self.records(sheet) == [["x"]])
        #expect(sheet.problems.count == 2)
    }
}
