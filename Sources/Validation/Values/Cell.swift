import Reading

/// A value as the school wrote it, trimmed of spaces, tabs, line breaks and no-break spaces.
/// It points into the table's bytes — UTF-8, or Windows-1251 as read — so checks run on bytes and a
/// `String` is made only when needed.
struct Cell {
    let bytes: UnsafeBufferPointer<UInt8>
    let windows1251: Bool

    init(_ buffer: UnsafeBufferPointer<UInt8>, windows1251: Bool = false) {
        self.windows1251 = windows1251
        var start = 0
        var end = buffer.count
        // The width of a space or a no-break space (0xA0 in Windows-1251, C2 A0 in UTF-8) at i, or 0.
        func spaceAt(_ i: Int, backwards: Bool) -> Int {
            let b = buffer[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
            if windows1251 { return b == 0xA0 ? 1 : 0 }
            if backwards { return b == 0xA0 && i - 1 >= start && buffer[i - 1] == 0xC2 ? 2 : 0 }
            return b == 0xC2 && i + 1 < end && buffer[i + 1] == 0xA0 ? 2 : 0
        }
        while start < end {
            let width = spaceAt(start, backwards: false)
            if width == 0 { break }
            start += width
        }
        while end > start {
            let width = spaceAt(end - 1, backwards: true)
            if width == 0 { break }
            end -= width
        }
        bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { windows1251 ? Windows1251.string(bytes) : String(decoding: bytes, as: UTF8.self) }

    /// Whether the cell holds exactly `literal`, given in its UTF-8 and Windows-1251 forms.
    func equals(utf8: [UInt8], windows1251 other: [UInt8]) -> Bool {
        let expected = windows1251 ? other : utf8
        return expected.count == bytes.count
            && expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
