import Foundation
import Testing
import ZIPFoundation

@testable import DOCX

/// The Word writer: the parts Word needs, text as text, tables with a repeated header row, and the
/// same bytes for the same content and date.
struct DocumentTests {
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test func headingsParagraphsAndTablesAsWordprocessingML() throws {
        var doc = Document(title: "Справка")
        doc.titleLine("Аналитическая справка")
        doc.heading("1. Охват")
        doc.paragraph("Школа «№ 1» & <другие>\nвторая строка\u{07}")
        doc.table(
            [Document.Column("Показатель", width: 3), Document.Column("Значение", width: 1, numeric: true)],
            [["Наставников", "1\u{00A0}234"]])
        let data = try doc.data(created: Date(timeIntervalSince1970: 1_700_000_000))
        let parts = try Self.parts(data)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml",
                "docProps/core.xml",
            ])
        let body = try #require(parts["word/document.xml"])
        #expect(body.contains("<w:pStyle w:val=\"Title\"/>") && body.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(body.contains("Школа «№ 1» &amp; &lt;другие&gt;</w:t></w:r><w:r><w:br/></w:r>"))
        #expect(!body.contains("\u{07}"), "a control character XML cannot hold is left out")
        #expect(body.contains("<w:trPr><w:tblHeader/>"), "the header row repeats on every page")
        #expect(body.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1\u{00A0}234</w:t>"))
        #expect(parts["docProps/core.xml"]?.contains("<dc:title>Справка</dc:title>") == true)
        #expect(try doc.data(created: Date(timeIntervalSince1970: 1_700_000_000)) == data, "the same content and date, the same bytes")
        for (name, xml) in parts { #expect(xml.hasPrefix("<?xml"), "\(name)") }
    }
}
