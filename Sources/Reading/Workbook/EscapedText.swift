/// The text of a workbook's string, with OOXML's escapes for characters XML cannot carry read back
/// (ECMA-376 Part 1, §22.9.2.19, ST_Xstring): `_x000D_` is a carriage return, `_x0001_` that
/// control character, `_x005F_` an underscore (so that `_x005F_x000D_` is the text `_x000D_`).
/// A surrogate pair comes as two escapes; an escape that is not a character stays as written.
enum EscapedText {
    static func decode(_ bytes: [UInt8]) -> String {
        guard let first = firstEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = Array(bytes[..<first])
        out.reserveCapacity(bytes.count)
        var i = first
        while i < bytes.count {
            guard let unit = unit(bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var scalar = Unicode.Scalar(unit)
            var width = 7
            if UTF16.isLeadSurrogate(unit), let low = self.unit(bytes, at: i + 7), UTF16.isTrailSurrogate(low) {
                scalar = Unicode.Scalar((UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00) + 0x10000)
                width = 14
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += width
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the first `_x` is: none, and the text is as written.
    private static func firstEscape(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 6 < bytes.count {
            if bytes[i] == UInt8(ascii: "_") && bytes[i + 1] == UInt8(ascii: "x") { return i }
            i += 1
        }
        return nil
    }

    /// The UTF-16 unit of `_xHHHH_` at `i`.
    private static func unit(_ bytes: [UInt8], at i: Int) -> UInt16? {
        guard i + 6 < bytes.count, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_")
        else { return nil }
        var value: UInt16 = 0
        for byte in bytes[(i + 2)..<(i + 6)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
