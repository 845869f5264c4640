import Foundation

/// The one normalisation for everything matched by name: headers, enumerations, yes/no.
/// Case, `ё`/`е`, dash variants, spaces (also around dashes and slashes) and a trailing `*` do not count.
///
/// It runs for every header cell and many values of every file, so it works on Unicode scalars
/// with the Latin and Cyrillic cases in a table, and gives bytes (`normalizedBytes`) that can be
/// compared and hashed as bytes. A text with combining marks is composed (NFC) first, so that
/// «й» written as «и» and a breve matches «й».
public enum TextKey {
    public static func normalize(_ text: some StringProtocol) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    public static func normalizedBytes(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var last: UInt32 = 0
        func emit(_ value: UInt32) {
            if isSpace(value) {
                pendingSpace = !out.isEmpty
                return
            }
            var v = value == 0x451 ? 0x435 : value  // ё → е
            if isDash(v) { v = 0x2D }
            let joiner = v == 0x2D || v == 0x2F
            if pendingSpace && !joiner && last != 0x2D && last != 0x2F { out.append(0x20) }
            pendingSpace = false
            append(v, to: &out)
            last = v
        }
        func scan(_ scalars: String.UnicodeScalarView) {
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case 0x41...0x5A, 0x410...0x42F: emit(v + 0x20)
                case 0x400...0x40F: emit(v + 0x50)
                case 0..<0x80, 0x430...0x45F: emit(v)
                default:
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
                }
            }
        }
        scan(composed(String(text)).unicodeScalars)
        while let end = out.last, end == 0x2A || end == 0x20 { out.removeLast() }
        return out
    }

    /// The text's scalars in lower case, composed (NFC) when it holds combining marks: the way file
    /// names are matched (`DatasetRecognition`), on the same table as `normalizedBytes`.
    public static func lowercasedScalars(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in composed(text).unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A, 0x410...0x42F: out.append(v + 0x20)
            case 0x400...0x40F: out.append(v + 0x50)
            case 0..<0x80, 0x430...0x45F: out.append(v)
            default: out += scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
            }
        }
        return out
    }

    /// NFC when the text has combining marks (rare: some Mac clients write names decomposed).
    static func composed(_ text: String) -> String {
        let combining = text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return v >= 0x300 && !(0x400...0x4FF).contains(v) && (v < 0x370 || scalar.properties.canonicalCombiningClass != .notReordered)
        }
        return combining ? text.precomposedStringWithCanonicalMapping : text
    }

    @inline(__always)
    private static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09...0x0D, 0x5F, 0xA0, 0x85: return true
        case 0..<0x80, 0x400...0x4FF: return false
        default: return Unicode.Scalar(v)?.properties.isWhitespace ?? false
        }
    }

    @inline(__always)
    private static func isDash(_ v: UInt32) -> Bool {
        v == 0x2D || (0x2010...0x2015).contains(v) || v == 0x2212
    }

    private static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
