import CLibXML2

/// What a part's reader does with the events of its XML.
protocol PartEvents: AnyObject {
    func start(_ element: PartElement)
    func end(_ name: PartName)
    /// A piece of the text of the current element (an element's text may come in several).
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension PartEvents {
    func end(_ name: PartName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// A workbook part's XML read as a stream of events by libxml2's SAX2 parser: no tree of the part
/// is ever built, and names and attributes are looked at where the parser holds them (a sheet has
/// millions of them). Element and attribute names arrive without their namespace prefix. A part
/// that declares a DTD is refused before parsing, so no entity is ever defined, let alone expanded
/// or fetched (the parser is not allowed the network either); so is a part that is not UTF-8.
enum PartParser {
    /// Parses `bytes` of the part named `part`, handing `events` every element and piece of text.
    static func parse(_ bytes: [UInt8], part: String, events: some PartEvents) throws(WorkbookFailure) {
        if declaresDTD(bytes) { throw .doctype(part: part) }
        guard bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) else { throw .notAWorkbook("часть «\(part)» — не в кодировке UTF-8") }
        let box = Unmanaged.passRetained(EventBox(events))
        defer { box.release() }
        var handler = Self.handler()
        guard let context = xmlCreatePushParserCtxt(&handler, box.toOpaque(), nil, 0, nil) else {
            throw .notAWorkbook("часть «\(part)» — не XML")
        }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        // Fed in chunks: a chunk's text is handed on as it is parsed.
        let chunk = 1 << 20
        let failed = bytes.withUnsafeBufferPointer { all -> Bool in
            var offset = 0
            repeat {
                let size = min(chunk, all.count - offset)
                let pointer = UnsafeRawPointer(all.baseAddress.map { $0 + offset })?.assumingMemoryBound(to: CChar.self)
                let last: Int32 = offset + size == all.count ? 1 : 0
                if xmlParseChunk(context, pointer, Int32(size), last) != 0 { return true }
                offset += size
            } while offset < all.count
            return false
        }
        guard !failed, context.pointee.wellFormed != 0 else { throw .notAWorkbook("часть «\(part)» — не XML") }
    }

    /// The callbacks: elements, text (CDATA merged into it), and errors kept quiet (a part that is
    /// not well-formed fails the parse; nothing is printed).
    private static func handler() -> xmlSAXHandler {
        _ = initialised
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let context, let name else { return }
            EventBox.of(context).events.start(PartElement(name: name, attributes: attributes, count: Int(count)))
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            EventBox.of(context).events.end(PartName(name))
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            EventBox.of(context).events.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
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
        _ bytes: [UInt8], part: String, start: @escaping (PartElement) -> Void, end: @escaping (PartName) -> Void = { _ in },
        text: @escaping (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) throws(WorkbookFailure) {
        try parse(bytes, part: part, events: Callbacks(start: start, end: end, text: text))
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

    /// Carries the reader through libxml2's `void *` context.
    private final class EventBox {
        let events: any PartEvents
        init(_ events: any PartEvents) { self.events = events }
        static func of(_ context: UnsafeMutableRawPointer) -> EventBox { Unmanaged<EventBox>.fromOpaque(context).takeUnretainedValue() }
    }
}

/// An element's local name, as the parser holds it (valid during the callback only).
struct PartName {
    let bytes: UnsafePointer<UInt8>

    init(_ bytes: UnsafePointer<UInt8>) { self.bytes = bytes }

    /// The name is `name` (ASCII).
    func `is`(_ name: StaticString) -> Bool {
        let wanted = name.utf8Start
        for i in 0..<name.utf8CodeUnitCount where bytes[i] != wanted[i] { return false }
        return bytes[name.utf8CodeUnitCount] == 0
    }
}

/// An element that starts: its local name and its attributes (valid during the callback only).
struct PartElement {
    let name: PartName
    /// libxml2's five pointers per attribute: local name, prefix, URI, value start, value end.
    private let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    private let count: Int

    init(name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.name = PartName(name)
        self.attributes = attributes
        self.count = count
    }

    func `is`(_ name: StaticString) -> Bool { self.name.is(name) }

    /// The value's bytes of the attribute of local name `local`, whatever prefix the writer gave it
    /// (`r:id`, `id`).
    func value(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        for i in 0..<count {
            guard let name = attributes[5 * i], PartName(name).is(local), let start = attributes[5 * i + 3],
                let end = attributes[5 * i + 4]
            else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    func attribute(_ local: StaticString) -> String? { value(local).map { String(decoding: $0, as: UTF8.self) } }

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
