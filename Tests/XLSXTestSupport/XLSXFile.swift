import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A written workbook read back as Excel would: the zip opened, the sheet XML and shared strings
/// parsed, every cell with its type, value and formula.
public struct XLSXFile {
    public struct Cell: Equatable, CustomStringConvertible {
        /// `s` shared string, `inlineStr`, `str` formula string, `n` number (the default), `b`, `e`.
        public var type: String
        public var value: String
        public var formula: String?
        public var style: Int

        public var number: Double? { type == "n" ? Double(value) : nil }
        public var isText: Bool { type == "s" || type == "inlineStr" || type == "str" }
        public var description: String { "\(type):\(value)" + (formula.map { " =\($0)" } ?? "") }
    }

    public struct Sheet {
        public var name: String
        /// Cells by reference: `A1`, `B2`…
        public var cells: [String: Cell]
        public var xml: String

        public subscript(_ reference: String) -> Cell? { cells[reference] }

        /// The text or number of a cell, as a string ("" when empty).
        public func text(_ reference: String) -> String { cells[reference]?.value ?? "" }

        /// A row's values from column A, as strings.
        public func row(_ number: Int) -> [String] {
            let columns = cells.keys.filter { XLSXFile.split($0).row == number }.map { XLSXFile.split($0).column }
            guard let last = columns.max() else { return [] }
            return (0...last).map { text(XLSXFile.reference(row: number, column: $0)) }
        }

        public var lastRow: Int { cells.keys.map { XLSXFile.split($0).row }.max() ?? 0 }
    }

    public var sheets: [Sheet]
    /// Number formats by style index (cellXfs order).
    public var numberFormats: [Int: String]
    /// Every part of the zip, for checks on raw XML (conditional formats, charts, validation).
    public var parts: [String: String]

    public subscript(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        self.parts = parts
        let shared = parts["xl/sharedStrings.xml"].map { XMLTexts(xml: $0, element: "si").values } ?? []
        let workbook = parts["xl/workbook.xml"] ?? ""
        let rels = parts["xl/_rels/workbook.xml.rels"] ?? ""
        let names = XMLAttributes(xml: workbook, element: "sheet").items
        let targets = Dictionary(
            uniqueKeysWithValues: XMLAttributes(xml: rels, element: "Relationship").items.map { ($0["Id"] ?? "", $0["Target"] ?? "") })
        sheets = try names.map { attributes in
            let target = targets[attributes["r:id"] ?? ""] ?? ""
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = parts[path] else { throw CocoaError(.fileReadCorruptFile) }
            return Sheet(name: attributes["name"] ?? "", cells: SheetCells(xml: xml, shared: shared).cells, xml: xml)
        }
        numberFormats = StylesXML(xml: parts["xl/styles.xml"] ?? "").formats
    }

    public static func split(_ reference: String) -> (row: Int, column: Int) {
        let letters = reference.prefix { $0.isLetter }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (Int(reference.dropFirst(letters.count)) ?? 0, column)
    }

    public static func reference(row: Int, column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return "\(name)\(row)"
    }
}

/// Runs a parser delegate over an XML text.
private func parse(_ xml: String, with delegate: XMLParserDelegate) {
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = delegate
    _ = parser.parse()
}

/// `<c r="A1" t="s" s="1"><f>…</f><v>…</v></c>` and `<is><t>…</t></is>`.
private final class SheetCells: NSObject, XMLParserDelegate {
    var cells: [String: XLSXFile.Cell] = [:]
    private let shared: [String]
    private var reference = "", type = "n", style = 0, text = "", formula: String?, value = ""
    private var inCell = false

    init(xml: String, shared: [String]) {
        self.shared = shared
        super.init()
        parse(xml, with: self)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if name == "c" {
            inCell = true
            reference = attributes["r"] ?? ""
            type = attributes["t"] ?? "n"
            style = Int(attributes["s"] ?? "0") ?? 0
            formula = nil
            value = ""
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard inCell else { return }
        switch name {
        case "f": formula = text
        case "v": value = type == "s" ? shared[Int(text) ?? 0] : text
        case "t": value += text
        case "c":
            cells[reference] = XLSXFile.Cell(type: type, value: value, formula: formula, style: style)
            inCell = false
        default: break
        }
    }
}

/// The text of every `element` (shared strings: the `<t>` runs inside each `<si>`).
private final class XMLTexts: NSObject, XMLParserDelegate {
    var values: [String] = []
    private let element: String
    private var current: String?
    private var text = ""

    init(xml: String, element: String) {
        self.element = element
        super.init()
        parse(xml, with: self)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if name == element { current = "" }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { current? += text }
        if name == element, let current {
            values.append(current)
            self.current = nil
        }
    }
}

/// The attributes of every `element`.
private final class XMLAttributes: NSObject, XMLParserDelegate {
    var items: [[String: String]] = []
    private let element: String

    init(xml: String, element: String) {
        self.element = element
        super.init()
        parse(xml, with: self)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if name == element { items.append(attributes) }
    }
}

/// Number formats of each cell style (`cellXfs`), built-in ids resolved for dates and integers.
private final class StylesXML: NSObject, XMLParserDelegate {
    var formats: [Int: String] = [:]
    private var custom: [Int: String] = [:]
    private var inCellXfs = false
    private var index = 0

    init(xml: String) {
        super.init()
        parse(xml, with: self)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "numFmt": custom[Int(attributes["numFmtId"] ?? "") ?? -1] = attributes["formatCode"]
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = Int(attributes["numFmtId"] ?? "0") ?? 0
            formats[index] = custom[id] ?? (id == 1 ? "0" : id == 14 ? "DD.MM.YYYY" : "General")
            index += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}
