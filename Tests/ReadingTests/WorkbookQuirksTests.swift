import Foundation
import Testing
import XLSXTestSupport

@testable import Reading

/// What other writers put in their workbooks, read as Excel shows it: the parts as current Excel
/// writes them (extension lists, escapes), dates held as text, names in odd case or with
/// backslashes, and what a file is when it is not a workbook at all. Each quirk in the bytes of the
/// writer that has it.
struct WorkbookQuirksTests {
    typealias Sheet = (name: String, xml: String, state: String?)

    static func read(_ bytes: [UInt8]) throws(WorkbookFailure) -> SpreadsheetDocument { try SpreadsheetDocument.parse(bytes) }

    static func records(_ sheet: SpreadsheetDocument.Sheet) -> [[String]] { WorkbookReadingTests.records(sheet) }

    /// A hand-made workbook with one part replaced.
    static func replacing(_ path: String, with text: String, in bytes: [UInt8]) throws -> [UInt8] {
        try ZipParts.zip(try ZipParts.parts(bytes).map { $0.0 == path ? ($0.0, Data(text.utf8)) : $0 })
    }

    static func styles(_ formats: [String]) -> String {
        let custom = formats.enumerated().map { #"<numFmt numFmtId="\#(164 + $0.offset)" formatCode="\#($0.element)"/>"# }.joined()
        let xfs = formats.indices.map { #"<xf numFmtId="\#(164 + $0)"/>"# }.joined()
        return
            #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>\#(custom)</numFmts><cellXfs><xf numFmtId="0"/>\#(xfs)</cellXfs></styleSheet>"#
    }

    // MARK: 1904 dates in current Excel's workbook part

    /// `xl/workbook.xml` as Excel 365 saves a workbook with «Использовать систему дат 1904»: the
    /// setting on the workbook's own `workbookPr`, and another `workbookPr` of Excel 2013's
    /// extensions in the extension list after the sheets.
    static let excel365Workbook = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr date1904="1" defaultThemeVersion="202300"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\Users\kurator\Documents\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{5A0F2C3E-1B7D-4E59-9C51-1D1E8B7A2F10}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{6E1E4A52-0D0B-4BE3-9F3A-4C3D6E2B9A11}"/></bookViews><sheets><sheet name="Наставники" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures></ext></extLst></workbook>
        """#

    @Test func theExtensionListsWorkbookPrDoesNotResetThe1904System() throws {
        let cells = #"<row r="1"><c r="A1" s="1"><v>44946</v></c></row>"#
        let plain = try WorkbookReadingTests.handMade(
            sheets: [("Наставники", cells, nil)], extra: [("xl/styles.xml", Self.styles(["dd.mm.yyyy"]))])
        let excel = try Self.replacing("xl/workbook.xml", with: Self.excel365Workbook, in: plain)
        #expect(Self.records(try Self.read(plain).sheets[0]) == [["20.01.2023"]])
        #expect(Self.records(try Self.read(excel).sheets[0]) == [["21.01.2027"]])
    }

    // MARK: times and text dates

    @Test func timesAreShownAsTheirFormatCutsThem() throws {
        let cells = #"""
            <row r="1"><c s="1"><v>0.98166666666666667</v></c><c s="2"><v>0.99998842592592593</v></c><c s="3"><v>10.632060185185185</v></c><c s="4"><v>0.5</v></c><c s="5"><v>0.5</v></c></row>
            """#
        let bytes = try WorkbookReadingTests.handMade(
            sheets: [("Лист1", cells, nil)],
            extra: [("xl/styles.xml", Self.styles(["hh:mm", "hh:mm:ss", "[h]:mm:ss", "[Red]hh:mm", "[Magenta]mm:ss"]))])
        #expect(Self.records(try Self.read(bytes).sheets[0]) == [["23:33", "23:59:59", "255:10:10", "12:00", "00:00"]])
    }

    @Test func textDatesTakeTheirNumberFormat() throws {
        let cells = #"""
            <row r="1"><c t="d" s="1"><v>2023-01-20T00:00:00Z</v></c><c t="d" s="2"><v>2023-01-20T10:30:15</v></c><c t="d"><v>2023-01-20</v></c><c t="d" s="3"><v>1899-12-31T06:00:00</v></c><c t="d"><v>не дата</v></c></row>
            """#
        let bytes = try WorkbookReadingTests.handMade(
            sheets: [("Лист1", cells, nil)], extra: [("xl/styles.xml", Self.styles(["dd.mm.yyyy", "dd.mm.yyyy hh:mm:ss", "h:mm"]))])
        #expect(Self.records(try Self.read(bytes).sheets[0]) == [["20.01.2023", "20.01.2023 10:30:15", "20.01.2023", "6:00", "не дата"]])
    }

    @Test func numberFormatsOfCellsAreShown() throws {
        let cells =
            #"<row r="1"><c s="1"><v>0.9375</v></c><c s="2"><v>1234567.5</v></c><c s="3"><v>1.25</v></c><c s="4"><v>-3</v></c></row>"#
        let bytes = try WorkbookReadingTests.handMade(
            sheets: [("Лист1", cells, nil)], extra: [("xl/styles.xml", Self.styles(["0.0%", "#,##0.00", "# ?/?", "0;[Red]\\(0\\)"]))])
        #expect(Self.records(try Self.read(bytes).sheets[0]) == [["93,8%", "1\u{A0}234\u{A0}567,50", "1 1/4", "(3)"]])
    }

    // MARK: text

    @Test func escapesAreTheCharactersTheyStandFor() throws {
        let strings = #"""
            <?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>строка_x000D_
            вторая</t></si><si><t>snake_x005F_case</t></si><si><t>_x005F_x000D_ как есть</t></si><si><t>_xD83D__xDE00_ и _xZZZZ_</t></si></sst>
            """#
        let cells = #"""
            <row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="inlineStr"><is><t>таб_x0009_уляция</t></is></c></row>
            """#
        let bytes = try WorkbookReadingTests.handMade(sheets: [("Лист1", cells, nil)], extra: [("xl/sharedStrings.xml", strings)])
        #expect(
            Self.records(try Self.read(bytes).sheets[0]) == [
                ["строка\r\nвторая", "snake_case", "_x000D_ как есть", "😀 и _xZZZZ_", "таб\tуляция"]
            ])
    }

    @Test func aSheetNameWithAnAmpersandIsShownAsWritten() throws {
        let bytes = try WorkbookReadingTests.handMade(sheets: [
            ("Наставники &amp; наставляемые", #"<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>"#, nil),
            ("A&#38;B &lt;2&gt;", "", nil),
        ])
        #expect(try Self.read(bytes).sheets.map(\.name) == ["Наставники & наставляемые", "A&B <2>"])
    }

    @Test func anEmptyValueOfATextCellIsAnEmptyCell() throws {
        let strings = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Фамилия</t></si></sst>"#
        let cells = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v>0</v></c></row>"#
        let sheet = try Self.read(
            WorkbookReadingTests.handMade(sheets: [("Лист1", cells, nil)], extra: [("xl/sharedStrings.xml", strings)])
        )
        .sheets[0]
        #expect(Self.records(sheet) == [["Фамилия", "", "Фамилия"]])
        #expect(sheet.problems.isEmpty)
    }

    // MARK: the package

    @Test func partNamesAreFoundWhateverTheirCase() throws {
        let strings = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Фамилия</t></si></sst>"#
        let bytes = try WorkbookReadingTests.handMade(
            sheets: [("Лист1", #"<row r="1"><c t="s"><v>0</v></c></row>"#, nil)], extra: [("xl/sharedStrings.xml", strings)])
        let renamed = try ZipParts.zip(
            try ZipParts.parts(bytes).map { path, data in
                (
                    path == "xl/sharedStrings.xml"
                        ? "xl/SharedStrings.xml" : path == "xl/worksheets/sheet1.xml" ? "XL/Worksheets/Sheet1.xml" : path, data
                )
            })
        #expect(Self.records(try Self.read(renamed).sheets[0]) == [["Фамилия"]])
    }

    @Test func entriesNamedWithBackslashesAreParts() throws {
        let bytes = try WorkbookReadingTests.handMade(sheets: [
            ("Лист1", #"<row r="1"><c t="inlineStr"><is><t>Фамилия</t></is></c></row>"#, nil)
        ])
        let windows = try ZipParts.zip(try ZipParts.parts(bytes).map { ($0.0.replacingOccurrences(of: "/", with: "\\"), $0.1) })
        #expect(try ZipParts.parts(windows).contains { $0.0 == #"xl\worksheets\sheet1.xml"# })
        #expect(Self.records(try Self.read(windows).sheets[0]) == [["Фамилия"]])
        let climbing = try ZipParts.zip([("xl/workbook.xml", "<workbook/>"), (#"..\..\etc\x"#, "x")])
        #expect(Self.refused(climbing) == .notAWorkbook("в архиве есть файлы с недопустимыми именами"))
    }

    static func refused(_ bytes: [UInt8]) -> WorkbookFailure? {
        do throws(WorkbookFailure) {
            _ = try SpreadsheetDocument.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func whatAFileIsIsSaidWhenItIsRefused() throws {
        // An empty zip: only the end of its central directory.
        let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        #expect(SpreadsheetDocument.isWorkbook(empty))
        #expect(Self.refused(empty) == .emptyArchive)
        // Excel's binary workbook: the package's main part is `xl/workbook.bin`.
        let xlsb = try ZipParts.zip([
            (
                "_rels/.rels",
                #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>"#
            ),
            ("xl/workbook.bin", String(decoding: [0x83, 0x01, 0x00, 0xFF, 0xFE], as: UTF8.self)),
        ])
        #expect(Self.refused(xlsb) == .binaryWorkbook)
        #expect(WorkbookFailure.binaryWorkbook.message.contains(".xlsb"))
        let docx = try ZipParts.zip([
            (
                "_rels/.rels",
                #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        ])
        #expect(Self.refused(docx) == .otherOfficeDocument("документ Word"))
    }

    /// A zip whose directory says a part inflates to 300 MB (its bytes are a few): refused as
    /// too large, from what it declares, before anything is inflated.
    @Test func aWorkbookRefusedForItsDeclaredSizesIsToldItIsTooLarge() throws {
        var bytes = try WorkbookReadingTests.handMade(sheets: [("Лист1", "", nil)])
        let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let at = try #require((0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual(central) })
        withUnsafeBytes(of: UInt32(300 << 20).littleEndian) { bytes.replaceSubrange((at + 24)..<(at + 28), with: $0) }
        let failure = try #require(Self.refused(bytes))
        guard case .tooLarge(.inflated(let declared)) = failure else {
            Issue.record("refused as \(failure)")
            return
        }
        #expect(declared >= 300 << 20)
        #expect(failure.message.contains("слишком велика") && failure.message.contains("256 МБ"))
    }
}
