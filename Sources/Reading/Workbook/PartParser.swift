import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A workbook part's XML read as a stream of events (libxml2's SAX through `XMLParser`): no tree of
/// the part is ever built. Element names arrive without their namespace prefix. A part that
/// declares a DTD is refused before parsing, so no entity is ever defined, let alone expanded or
/// fetched; so is a part that is not UTF-8.
final class PartParser: NSObject, XMLParserDelegate {
    typealias Attributes = [String: String]

    private let onStart: (String, Attributes) -> Void
    private let onEnd: (String) -> Void
    private let onText: ((String) -> Void)?

    private init(onStart: @escaping (String, Attributes) -> Void, onEnd: @escaping (String) -> Void, onText: ((String) -> Void)?) {
        self.onStart = onStart
        self.onEnd = onEnd
        self.onText = onText
    }

    /// Parses `bytes` of the part named `part`, calling back for every element and (when asked
    /// for) every piece of text.
    static func parse(
        _ bytes: [UInt8], part: String, start: @escaping (String, Attributes) -> Void, end: @escaping (String) -> Void = { _ in },
        text: ((String) -> Void)? = nil
    ) throws(WorkbookFailure) {
        if declaresDTD(bytes) { throw .doctype(part: part) }
        // Excel, LibreOffice and the rest write UTF-8; Foundation's parser traps on a name that is
        // not (it unwraps its decoding), so nothing else reaches it.
        guard bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) else { throw .notAWorkbook("часть «\(part)» — не в кодировке UTF-8") }
        let events = PartParser(onStart: start, onEnd: end, onText: text)
        // Fed as a stream, in chunks: given tens of megabytes at once, libxml2 fails at the end.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        // Namespaces not processed: Foundation would make a string of the namespace's URI for every
        // element (a third of the time of a sheet); a prefix is dropped here instead.
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        guard parser.parse() else { throw .notAWorkbook("часть «\(part)» — не XML") }
    }

    /// `<!DOCTYPE` or `<!ENTITY` anywhere (comments and CDATA, `<!-` and `<![`, are allowed).
    static func declaresDTD(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0x3C && b[i + 1] == 0x21 && (b[i + 2] == 0x44 || b[i + 2] == 0x45 || b[i + 2] == 0x64 || b[i + 2] == 0x65) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// An attribute by its local name, whatever prefix the writer gave it (`r:id`, `id`).
    static func attribute(_ attributes: Attributes, _ local: String) -> String? {
        if let value = attributes[local] { return value }
        let suffix = ":" + local
        return attributes.first { $0.key.hasSuffix(suffix) }?.value
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        onStart(Self.local(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        onEnd(Self.local(elementName))
    }

    /// `x:row` → `row` (some writers prefix the spreadsheet namespace).
    static func local(_ name: String) -> String {
        guard let colon = name.utf8.firstIndex(of: 0x3A) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText?(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { onText?(String(decoding: block, as: UTF8.self)) }
}
