/// Windows-1251 (Excel's «CSV (разделители — запятые)» on Russian Windows) to UTF-8.
public enum Windows1251 {
    /// Unicode scalars for bytes 0x80...0xFF; 0x98 is unassigned and maps to U+0098 as WHATWG does.
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// Each byte's UTF-8 form packed as `length | b0 << 8 | b1 << 16 | b2 << 24`.
    static let utf8Table: [UInt32] = (0..<256).map { byte -> UInt32 in
        let scalar = byte < 0x80 ? UInt32(byte) : UInt32(upperHalf[byte - 0x80])
        switch scalar {
        case 0..<0x80: return 1 | scalar << 8
        case 0x80..<0x800:
            return 2 | (0xC0 | scalar >> 6) << 8 | (0x80 | scalar & 0x3F) << 16
        default:
            return 3 | (0xE0 | scalar >> 12) << 8 | (0x80 | (scalar >> 6) & 0x3F) << 16
                | (0x80 | scalar & 0x3F) << 24
        }
    }

    /// A `String` from Windows-1251 bytes: converted on the stack, so that short values become
    /// small strings with no allocation at all.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return utf8Table.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3) { out in
                var o = 0
                for byte in bytes {
                    if byte < 0x80 {
                        out[o] = byte
                        o += 1
                        continue
                    }
                    let packed = table[Int(byte)]
                    out[o] = UInt8(truncatingIfNeeded: packed >> 8)
                    out[o + 1] = UInt8(truncatingIfNeeded: packed >> 16)
                    out[o + 2] = UInt8(truncatingIfNeeded: packed >> 24)
                    o += Int(packed & 0xFF)
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<o]), as: UTF8.self)
            }
        }
    }

    /// Windows-1251 bytes of a text, or nil when a character has no place in the code page.
    public static func bytes(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else if let index = upperHalf.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value)), scalar.value <= 0xFFFF {
                out.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return out
    }
}
