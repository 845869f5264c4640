/// The encodings a school's CSV arrives in (SPEC §4 «Reading»).
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 с BOM"
    case utf16LE = "UTF-16 LE"
    case utf16BE = "UTF-16 BE"
    case windows1251 = "Windows-1251"
}

/// A file's text with the encoding it was found in: UTF-8 bytes, except Windows-1251 text, which
/// stays as read. Delimiters, quotes and line ends are the same bytes in both, so the parser splits
/// Windows-1251 as it is; its cells are decoded only where a `String` is needed.
public struct DecodedText: Sendable {
    public var encoding: TextEncoding
    public var bytes: [UInt8]
    /// Bytes that were not text in the encoding the file declares (a BOM says UTF-8 or UTF-16):
    /// each became U+FFFD, which Validation reports with its row and column.
    public var replacedInvalid = false
}

public enum TextDecoding {
    /// Detects the encoding by BOM, else by UTF-8 validity (Windows-1251 otherwise); UTF-16 becomes
    /// UTF-8. A BOM is removed; nothing else is changed. UTF-8 and Windows-1251 text is passed on
    /// as it came, without a copy.
    public static func decode(_ bytes: consuming [UInt8]) -> DecodedText {
        let encoding = bytes.withUnsafeBufferPointer(detect)
        switch encoding {
        case .utf8BOM:
            bytes.removeFirst(3)  // in place, when nothing else holds the bytes
            guard !bytes.withUnsafeBufferPointer(isValidUTF8) else { return DecodedText(encoding: encoding, bytes: bytes) }
            // Swift's decoding puts U+FFFD for every byte sequence that is not UTF-8.
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            return DecodedText(encoding: encoding, bytes: repaired, replacedInvalid: true)
        case .utf16LE, .utf16BE:
            var replaced = false
            let utf8 = bytes.withUnsafeBufferPointer { decodeUTF16($0, from: 2, bigEndian: encoding == .utf16BE, replaced: &replaced) }
            return DecodedText(encoding: encoding, bytes: utf8, replacedInvalid: replaced)
        case .utf8, .windows1251: return DecodedText(encoding: encoding, bytes: bytes)
        }
    }

    static func detect(_ buffer: UnsafeBufferPointer<UInt8>) -> TextEncoding {
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if buffer.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if buffer.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return isValidUTF8(buffer) ? .utf8 : .windows1251
    }

    /// A strict UTF-8 check (no overlongs, surrogates or scalars past U+10FFFF), eight ASCII bytes
    /// at a time where it can.
    public static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(1), cont(2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }  // overlong
                if c == 0xED && c1 > 0x9F { return false }  // surrogate
                i += 3
            case 0xF0...0xF4:
                guard cont(1), cont(2), cont(3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }
                if c == 0xF4 && c1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// UTF-16 to UTF-8; unpaired surrogates and an odd last byte become U+FFFD.
    static func decodeUTF16(_ b: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool, replaced: inout Bool) -> [UInt8] {
        let units = (b.count - start) / 2
        var out: [UInt8] = []
        out.reserveCapacity(units * 2)
        func unit(_ k: Int) -> UInt32 {
            let lo = UInt32(b[start + 2 * k])
            let hi = UInt32(b[start + 2 * k + 1])
            return bigEndian ? lo << 8 | hi : hi << 8 | lo
        }
        func append(_ scalar: UInt32) {
            switch scalar {
            case 0..<0x80: out.append(UInt8(scalar))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            default:
                out.append(UInt8(0xF0 | scalar >> 18))
                out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        var k = 0
        while k < units {
            let u = unit(k)
            k += 1
            if (0xD800..<0xDC00).contains(u), k < units, case let v = unit(k), (0xDC00..<0xE000).contains(v) {
                append(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00))
                k += 1
            } else if (0xD800..<0xE000).contains(u) {
                append(0xFFFD)
                replaced = true
            } else {
                append(u)
            }
        }
        if (b.count - start) % 2 == 1 {
            append(0xFFFD)
            replaced = true
        }
        return out
    }
}
