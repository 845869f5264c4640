import Reading

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Names, positions and subjects repeat down a column; a value seen before becomes the same shared
/// `String` again instead of a new allocation per row. A small table keyed by the cell's bytes, which
/// stay in the file's table for as long as the check runs; a collision only costs a new string.
struct RepeatedText {
    private static let slots = 1024
    private var keys = [UnsafeBufferPointer<UInt8>](repeating: UnsafeBufferPointer(start: nil, count: 0), count: slots)
    private var strings = [String](repeating: "", count: slots)

    mutating func string(_ cell: Cell) -> String {
        let bytes = cell.bytes
        // Up to 7 bytes (15 in UTF-8 once decoded) a string is stored inline: nothing to share.
        guard bytes.count > 7, let base = bytes.baseAddress else { return cell.string }
        let raw = UnsafeRawPointer(base)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        let mixed = (head ^ (tail &<< 29 | tail &>> 35) ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> 54)  // 10 bits: `slots`
        let key = keys[slot]
        if key.count == bytes.count, memcmp(key.baseAddress!, base, bytes.count) == 0 { return strings[slot] }
        let string = cell.string
        keys[slot] = bytes
        strings[slot] = string
        return string
    }
}
