/// A value as the school wrote it, trimmed of spaces, tabs, line breaks and no-break spaces.
/// It points into the table's bytes, so checks run on bytes and a `String` is made only when needed.
struct Cell {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var end = buffer.count
        func isSpace(_ i: Int) -> Int {  // width of a space at i, or 0
            let b = buffer[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
            return 0
        }
        while start < end {
            if isSpace(start) == 1 { start += 1 } else if start + 1 < end, buffer[start] == 0xC2, buffer[start + 1] == 0xA0 { start += 2 } else { break }
        }
        while end > start {
            if isSpace(end - 1) == 1 { end -= 1 } else if end - 2 >= start, buffer[end - 2] == 0xC2, buffer[end - 1] == 0xA0 { end -= 2 } else { break }
        }
        bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    func equals(_ literal: StaticString) -> Bool {
        literal.utf8CodeUnitCount == bytes.count
            && memcmp(literal.utf8Start, bytes.baseAddress!, bytes.count) == 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
