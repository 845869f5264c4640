/// A page built a piece at a time, in UTF-8, for the pages the night writes by the thousand (a
/// school's section) and the one that grows with them (the district's matrix): a template engine
/// looks each value up by name and escapes it a character at a time, which cost five times the
/// page's own bytes. Escaped by construction: the only text that
/// goes in as it is, is markup written in this module's code (a `StaticString` literal) or HTML
/// this module laid out before (`RenderedHTML`); every value is escaped on its way in.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Markup from this module's code.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// HTML this module laid out before (its values escaped then).
    mutating func markup(_ html: RenderedHTML) {
        bytes.append(contentsOf: html.html.utf8)
    }

    /// A value as text: `&`, `<`, `>`, `"` and `'` escaped (as swift-mustache escapes them), every
    /// other byte as it is. A value without any of them, most of them, is copied whole.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { source in
            var start = 0
            for (i, byte) in source.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i]))
                markup(entity)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    /// `<td data-label="label">value</td>`: a cell of a table shown as cards on a narrow screen,
    /// where the label names the value.
    mutating func cell(_ label: StaticString, _ value: String) {
        markup("<td data-label=\"")
        markup(label)
        markup("\">")
        text(value)
        markup("</td>")
    }

    /// The same with a class: a status in its colour.
    mutating func cell(_ label: StaticString, _ value: String, class cssClass: String) {
        markup("<td data-label=\"")
        markup(label)
        markup("\" class=\"")
        text(cssClass)
        markup("\">")
        text(value)
        markup("</td>")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
    var rendered: RenderedHTML { RenderedHTML(html: string) }
}

/// HTML this module laid out (its values escaped), to be placed in another page as it is: what
/// every school's page shares, laid out once a night, and the document around it.
struct RenderedHTML: Sendable {
    let html: String
}
