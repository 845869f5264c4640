import Domain
import Foundation
import Reading

/// Parsers for the scalar values of SPEC §4, on a cell's bytes.
enum Scalars {
    /// `ДД.ММ.ГГГГ`, `Д.М.ГГГГ` or ISO `ГГГГ-ММ-ДД`.
    static func date(_ cell: Cell) -> CivilDate? {
        if cell.bytes.count == 10, let date = fullDottedDate(cell.bytes) { return date }
        // Three numbers and their digit counts, kept in locals: this runs for every date cell.
        var a = 0
        var b = 0
        var c = 0
        var wa = 0
        var wb = 0
        var wc = 0
        var part = 0
        var separator: UInt8 = 0
        for byte in cell.bytes {
            switch byte {
            case 0x30...0x39:
                let d = Int(byte - 0x30)
                switch part {
                case 0: (a, wa) = (a * 10 + d, wa + 1)
                case 1: (b, wb) = (b * 10 + d, wb + 1)
                default: (c, wc) = (c * 10 + d, wc + 1)
                }
                if wa > 4 || wb > 4 || wc > 4 { return nil }
            case 0x2E, 0x2D:
                if separator == 0 { separator = byte }
                guard byte == separator, part < 2, (part == 0 ? wa : wb) > 0 else { return nil }
                part += 1
            default:
                return nil
            }
        }
        guard part == 2, wc > 0 else { return nil }
        if separator == 0x2E, wa <= 2, wb <= 2, wc == 4 { return CivilDate(year: c, month: b, day: a) }
        if separator == 0x2D, wa == 4, wb == 2, wc == 2 { return CivilDate(year: a, month: b, day: c) }
        return nil
    }

    /// `ДД.ММ.ГГГГ` exactly, as Excel writes a date: the usual case, read without the general loop.
    private static func fullDottedDate(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard b[2] == 0x2E, b[5] == 0x2E else { return nil }
        func digit(_ i: Int) -> Int? {
            let d = b[i] &- 0x30
            return d < 10 ? Int(d) : nil
        }
        guard let d0 = digit(0), let d1 = digit(1), let m0 = digit(3), let m1 = digit(4),
            let y0 = digit(6), let y1 = digit(7), let y2 = digit(8), let y3 = digit(9)
        else { return nil }
        return CivilDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    /// A number with a decimal comma or point; spaces between digits (thousands) are allowed.
    static func number(_ cell: Cell) -> Double? {
        var integer = 0.0
        var fraction = 0.0
        var scale = 1.0
        var digits = 0
        var negative = false
        var inFraction = false
        var i = 0
        let b = cell.bytes
        while i < b.count {
            let byte = b[i]
            switch byte {
            case 0x30...0x39:
                digits += 1
                if inFraction {
                    scale /= 10
                    fraction += Double(byte - 0x30) * scale
                } else {
                    integer = integer * 10 + Double(byte - 0x30)
                }
            case 0x2C, 0x2E:
                guard !inFraction, digits > 0 else { return nil }
                inFraction = true
            case 0x2D where i == 0:
                negative = true
            case 0x20 where digits > 0 && !inFraction:
                break
            case 0xA0 where cell.windows1251 && digits > 0 && !inFraction:
                break
            case 0xC2 where !cell.windows1251 && digits > 0 && !inFraction && i + 1 < b.count && b[i + 1] == 0xA0:
                i += 1
            default:
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        let value = integer + fraction
        return negative ? -value : value
    }

    /// да/нет, +/-, 1/0, yes/no, any case.
    static let yes = (utf8: Array("да".utf8), windows1251: Windows1251.bytes("да")!)
    static let no = (utf8: Array("нет".utf8), windows1251: Windows1251.bytes("нет")!)

    static func yesNo(_ cell: Cell) -> Bool? {
        if cell.equals(utf8: yes.utf8, windows1251: yes.windows1251) { return true }
        if cell.equals(utf8: no.utf8, windows1251: no.windows1251) { return false }
        switch TextKey.normalize(cell.string) {
        case "да", "+", "1", "yes", "y", "true", "д": return true
        case "нет", "-", "0", "no", "n", "false", "н": return false
        default: return nil
        }
    }

    /// `http://…` or `https://…` with no spaces.
    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }) else {
            return false
        }
        return rest.count >= 3 && rest.contains(".") && !rest.contains(where: \.isWhitespace)
    }

    /// Splits a list cell on `,`, `;` and line breaks.
    static func list(_ text: String) -> [String] {
        var items: [String] = []
        var item = String.UnicodeScalarView()
        func flush() {
            // Spaces and tabs around an item do not count (newlines are separators already).
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
            if let first = item.firstIndex(where: { !isSpace($0) }), let last = item.lastIndex(where: { !isSpace($0) }) {
                items.append(String(item[first...last]))
            }
            item = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "," || scalar == ";" || scalar == "\n" || scalar == "\r" { flush() } else { item.append(scalar) }
        }
        flush()
        return items
    }
}
