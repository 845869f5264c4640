/// A text as the width of its layout sees it, read from its UTF-8 bytes in one pass: the characters
/// that take room, the spaces between words, the line breaks. (Walking `String`'s characters means
/// grapheme breaking, which cost more than writing the cells; school data is letters, digits and
/// punctuation, each one scalar.) A combining mark (U+0300–U+036F) takes no room of its own; a
/// carriage return none either, so a line ending `\r\n` is a line break like `\n`.
enum TextWidth {
    enum Mark {
        case character
        case space
        case lineBreak
    }

    @inline(__always)
    static func walk(_ text: String, _ body: (Mark) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x20: body(.space)
                case 0x0A: body(.lineBreak)
                case 0x0D, 0x80...0xBF: break  // a carriage return; a scalar's continuation byte
                case 0xCC: break  // U+0300–U+033F: combining marks
                case 0xCD where i + 1 < bytes.count && bytes[i + 1] < 0xB0: break  // U+0340–U+036F
                default: body(.character)
                }
                i += 1
            }
        }
    }
}
