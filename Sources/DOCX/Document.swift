import Foundation
import ZIPFoundation

/// A Word document (WordprocessingML) made of headings, paragraphs and tables, written through the
/// ZIP library the project already uses: the few parts Word and LibreOffice need (content types,
/// relationships, styles, the document, its core properties), with nothing about the report in
/// it. The same content and date give the same bytes.
public struct Document: Sendable {
    /// A table column: its header, its share of the page's width, and whether it holds numbers
    /// (right-aligned).
    public struct Column: Sendable {
        public var title: String
        public var width: Int
        public var numeric: Bool

        public init(_ title: String, width: Int, numeric: Bool = false) {
            self.title = title
            self.width = width
            self.numeric = numeric
        }
    }

    public let title: String
    private var body = ""

    public init(title: String) { self.title = title }

    /// The document's title line (style `Title`).
    public mutating func titleLine(_ text: String) { paragraph(text, style: "Title") }

    /// `level` 1 or 2.
    public mutating func heading(_ text: String, level: Int = 1) { paragraph(text, style: "Heading\(min(max(level, 1), 2))") }

    public mutating func paragraph(_ text: String, style: String? = nil) {
        body += "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + Self.runs(text) + "</w:p>"
    }

    /// One paragraph per item, each starting with a dash.
    public mutating func list(_ items: [String]) {
        for item in items { paragraph("– " + item, style: "ListItem") }
    }

    /// A table with a header row repeated on every page; `rows` hold text, one per column.
    public mutating func table(_ columns: [Column], _ rows: [[String]]) {
        let total = max(columns.reduce(0) { $0 + $1.width }, 1)
        let widths = columns.map { $0.width * Self.textWidth / total }
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(Self.textWidth)\" w:type=\"dxa\"/>"
        xml += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" "
        xml += "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        for (column, width) in zip(columns, widths) { xml += Self.cell(column.title, width: width, bold: true, right: false) }
        xml += "</w:tr>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (i, (column, width)) in zip(columns, widths).enumerated() {
                xml += Self.cell(i < row.count ? row[i] : "", width: width, bold: false, right: column.numeric)
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl><w:p/>"
    }

    /// The `.docx` bytes; `created` stamps the document and its parts (the same date, the same bytes).
    public func data(created: Date) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
            ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
            ("word/document.xml", documentXML), ("docProps/core.xml", coreProperties(created)),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: created, compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw DocumentError.notWritten }
        return data
    }

    public enum DocumentError: Error { case notWritten }

    // MARK: the parts

    /// A4 less the margins, in twentieths of a point.
    static let textWidth = 11906 - 1701 - 850

    var documentXML: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" \
        w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    func coreProperties(_ created: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: created)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(Self.escaped(title))</dc:title>\
            <dc:language>ru-RU</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified></cp:coreProperties>
            """
    }

    static func cell(_ text: String, width: Int, bold: Bool, right: Bool) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>"
            + "<w:jc w:val=\"\(right ? "right" : "left")\"/></w:pPr>" + runs(text, bold: bold) + "</w:p></w:tc>"
    }

    /// The text as runs, a line break for each `\n`.
    static func runs(_ text: String, bold: Bool = false) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            "<w:r>\(properties)<w:t xml:space=\"preserve\">\(escaped(String($0)))</w:t></w:r>"
        }.joined(separator: "<w:r><w:br/></w:r>")
    }

    /// Text as XML character data: markup characters as references, characters XML 1.0 cannot
    /// hold left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Times New Roman 12 pt, Russian; a title, two heading levels, list items and a bordered table.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" \
        w:eastAsia="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:jc w:val="both"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="180" w:after="60"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr>\
        <w:rPr><w:b/><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="360"/><w:spacing w:after="40"/></w:pPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:pPr><w:spacing w:after="0" w:line="240" \
        w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
        </w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
