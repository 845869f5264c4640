import CLibXML2

/// What a part's reader does with the events of its XML.
protocol PartEvents: AnyObject {
    func start(_ element: PartElement)
    func end(_ name: PartName)
    /// A piece of the text of the current element (an element's text may come in several).
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Set when the reader has seen enough to refuse the part: it does no more work from then on,
    /// and the parse stops at the end of the chunk it is in.
    var failure: WorkbookFailure? { get }
}

extension PartEvents {
    func end(_ name: PartName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    var failure: WorkbookFailure? { nil }
}

/// The vocabularies a workbook's parts are written in. Each comes in two spellings: the
/// transitional one every writer uses, and ISO 29500 Strict's.
enum PartNamespace {
    /// `xl/workbook.xml`, sheets, shared strings, styles.
    case spreadsheet
    /// `_rels/*.rels`.
    case packageRelationships
    /// The `r:id` attribute that names a relationship.
    case relationships

    var uris: [String] {
        switch self {
        case .spreadsheet: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"]
        case .packageRelationships: ["http://schemas.openxmlformats.org/package/2006/relationships"]
        case .relationships:
            [
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "http://purl.oclc.org/ooxml/officeDocument/relationships",
            ]
        }
    }

    /// Whether the URI the parser gives is one of this vocabulary's.
    func contains(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return false }
        return uris.contains { candidate in
            var candidate = candidate
            return candidate.withUTF8 { wanted in
                for i in 0..<wanted.count where uri[i] != wanted[i] { return false }
                return uri[wanted.count] == 0
            }
        }
    }
}

/// A workbook part's XML read as a stream of events by libxml2's SAX2 parser: no tree of the part
/// is ever built, and names and attributes are looked at where the parser holds them (a sheet has
/// millions of them). Elements are matched by namespace and local name, whatever prefix the writer
/// chose: an element of an extension (`<x15:workbookPr>`) is not the spreadsheet's own. A part
/// that declares a DTD is refused before parsing, so no entity is ever defined, let alone expanded
/// or fetched (the parser is not allowed the network either); so is a part that is not UTF-8.
enum PartParser {
    /// Parses `bytes` of the part named `part`, whose own elements are in `namespace`, handing
    /// `events` every element and piece of text; stops at the events' first failure.
    static func parse(_ bytes: [UInt8], part: String, namespace: PartNamespace = .spreadsheet, events: some PartEvents)
        throws(WorkbookFailure)
    {
        if declaresDTD(bytes) { throw .doctype(part: part) }
        guard bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) else { throw .notAWorkbook("часть «\(part)» — не в кодировке UTF-8") }
        let box = EventBox(events, namespace: namespace)
        let retained = Unmanaged.passRetained(box)
        defer { retained.release() }
        var handler = Self.handler()
        guard let context = xmlCreatePushParserCtxt(&handler, retained.toOpaque(), nil, 0, nil) else {
            throw .notAWorkbook("часть «\(part)» — не XML")
        }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        // Fed in chunks: a chunk's text is handed on as it is parsed, and a failure is looked at
        // between chunks (the reader ignores what comes after it meanwhile).
        let chunk = 1 << 20
        let failed = bytes.withUnsafeBufferPointer { all -> Bool in
            var offset = 0
            repeat {
                let size = min(chunk, all.count - offset)
                let pointer = UnsafeRawPointer(all.baseAddress.map { $0 + offset })?.assumingMemoryBound(to: CChar.self)
                let last: Int32 = offset + size == all.count ? 1 : 0
                if xmlParseChunk(context, pointer, Int32(size), last) != 0 || events.failure != nil { return true }
                offset += size
            } while offset < all.count
            return false
        }
        if let failure = events.failure { throw failure }
        guard !failed, context.pointee.wellFormed != 0 else { throw .notAWorkbook("часть «\(part)» — не XML") }
    }

    /// The callbacks: elements, text (CDATA merged into it), and errors kept quiet (a part that is
    /// not well-formed fails the parse; nothing is printed). The box is reached without retaining
    /// it: the parse holds it.
    private static func handler() -> xmlSAXHandler {
        _ = initialised
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, name, _, uri, _, _, count, _, attributes in
            guard let context, let name else { return }
            Unmanaged<EventBox>.fromOpaque(context)._withUnsafeGuaranteedRef { box in
                box.events.start(
                    PartElement(name: PartName(name, uri: uri, namespaces: box.namespaces), attributes: attributes, count: Int(count)))
            }
        }
        handler.endElementNs = { context, name, _, uri in
            guard let context, let name else { return }
            Unmanaged<EventBox>.fromOpaque(context)._withUnsafeGuaranteedRef { box in
                box.events.end(PartName(name, uri: uri, namespaces: box.namespaces))
            }
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            Unmanaged<EventBox>.fromOpaque(context)._withUnsafeGuaranteedRef { box in
                box.events.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.serror = { _, _ in }
        return handler
    }

    /// libxml2 sets up its globals once, before any thread parses.
    private static let initialised: Void = xmlInitParser()

    /// `parse` with the events as closures, for the small parts.
    static func parse(
        _ bytes: [UInt8], part: String, namespace: PartNamespace = .spreadsheet, start: @escaping (PartElement) -> Void,
        end: @escaping (PartName) -> Void = { _ in }, text: @escaping (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) throws(WorkbookFailure) {
        try parse(bytes, part: part, namespace: namespace, events: Callbacks(start: start, end: end, text: text))
    }

    private final class Callbacks: PartEvents {
        let onStart: (PartElement) -> Void
        let onEnd: (PartName) -> Void
        let onText: (UnsafeBufferPointer<UInt8>) -> Void

        init(
            start: @escaping (PartElement) -> Void, end: @escaping (PartName) -> Void, text: @escaping (UnsafeBufferPointer<UInt8>) -> Void
        ) {
            onStart = start
            onEnd = end
            onText = text
        }

        func start(_ element: PartElement) { onStart(element) }
        func end(_ name: PartName) { onEnd(name) }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { onText(bytes) }
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

    /// Carries the reader through libxml2's `void *` context, with the part's namespace.
    private final class EventBox {
        let events: any PartEvents
        let namespaces: NamespaceCache

        init(_ events: any PartEvents, namespace: PartNamespace) {
            self.events = events
            namespaces = NamespaceCache(namespace)
        }
    }
}

/// Whether a namespace URI is the part's own. libxml2 hands every use of a URI as the same
/// interned pointer, so the last one found to be the part's own (or not) is remembered and the
/// bytes are compared only for a new pointer.
final class NamespaceCache {
    let namespace: PartNamespace
    private var own: UnsafePointer<UInt8>?
    private var foreign: UnsafePointer<UInt8>?

    init(_ namespace: PartNamespace) { self.namespace = namespace }

    /// An element in no namespace at all is taken as the part's own (a hand-written part may leave
    /// out `xmlns`); an extension's element never is.
    func isOwn(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return true }
        if uri == own { return true }
        if uri == foreign { return false }
        if namespace.contains(uri) {
            own = uri
            return true
        }
        foreign = uri
        return false
    }
}

/// An element's local name and namespace, as the parser holds them (valid during the callback
/// only). The namespace is looked at only for an element whose local name is the one asked about.
struct PartName {
    let bytes: UnsafePointer<UInt8>
    let uri: UnsafePointer<UInt8>?
    unowned(unsafe) let namespaces: NamespaceCache

    init(_ bytes: UnsafePointer<UInt8>, uri: UnsafePointer<UInt8>?, namespaces: NamespaceCache) {
        self.bytes = bytes
        self.uri = uri
        self.namespaces = namespaces
    }

    /// The element is the part's own `name` (ASCII).
    @inline(__always) func `is`(_ name: StaticString) -> Bool { Self.equal(bytes, name) && namespaces.isOwn(uri) }

    @inline(__always) static func equal(_ bytes: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let wanted = name.utf8Start
        for i in 0..<name.utf8CodeUnitCount where bytes[i] != wanted[i] { return false }
        return bytes[name.utf8CodeUnitCount] == 0
    }
}

/// An element that starts: its name and its attributes (valid during the callback only).
struct PartElement {
    let name: PartName
    /// libxml2's five pointers per attribute: local name, prefix, URI, value start, value end.
    private let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    private let count: Int

    init(name: PartName, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.name = name
        self.attributes = attributes
        self.count = count
    }

    func `is`(_ name: StaticString) -> Bool { self.name.is(name) }

    /// The value's bytes of the attribute `local` with no namespace (`r="C5"`, `name="…"`).
    func value(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        for i in 0..<count {
            guard let name = attributes[5 * i], attributes[5 * i + 2] == nil, PartName.equal(name, local),
                let start = attributes[5 * i + 3],
                let end = attributes[5 * i + 4]
            else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The value's bytes of the attribute `local` in `namespace` (`r:id`, whatever the prefix).
    func value(_ local: StaticString, in namespace: PartNamespace) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        for i in 0..<count {
            guard let name = attributes[5 * i], PartName.equal(name, local), namespace.contains(attributes[5 * i + 2]),
                let start = attributes[5 * i + 3], let end = attributes[5 * i + 4]
            else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// An attribute's text. libxml2 hands an attribute that held `&amp;` or `&#38;` with the
    /// ampersand still written `&#38;` (for a tree builder that parses it again); here it is the
    /// character.
    func attribute(_ local: StaticString, in namespace: PartNamespace? = nil) -> String? {
        guard let bytes = namespace.map({ value(local, in: $0) }) ?? value(local) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(0x26) ? text.replacing("&#38;", with: "&") : text
    }

    /// A non-negative decimal attribute (`r="12"`, `s="3"`); nil when absent or not a number.
    func integer(_ local: StaticString) -> Int? {
        guard let bytes = value(local), !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var n = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }
}
