import Reading

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Names, positions and subjects repeat down a column; a value seen before becomes the same
/// `String` again instead of being decoded anew (and, past 15 bytes of UTF-8, allocated) on every
/// row. A small table keyed by the cell's bytes (one file, so one encoding), which stay in the
/// file's table for as long as the check runs; a collision only costs a new string.
struct RepeatedText {
    private struct Slot {
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// The value's first and last eight bytes (they overlap below 16): most values differ there.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var string = ""
    }

    /// 2^bits slots: up to 1,024, fewer for a small file (most files are a few dozen rows, and
    /// making and freeing a thousand slots would cost more than the strings they save).
    private let bits: Int
    private var slots: [Slot]

    init(expectedValues: Int) {
        var bits = 4
        while bits < 10 && 1 << bits < expectedValues { bits += 1 }
        self.bits = bits
        slots = [Slot](repeating: Slot(), count: 1 << bits)
    }

    mutating func string(_ cell: Cell) -> String {
        let bytes = cell.bytes
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let raw = UnsafeRawPointer(base)
        let head: UInt64
        let tail: UInt64
        if bytes.count >= 8 {
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else {
            // Short values are decoded again each time otherwise (Cyrillic doubles in UTF-8).
            var word: UInt64 = 0
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            head = word
            tail = word
        }
        let mixed = (head ^ (tail &<< 29 | tail &>> 35) ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        let index = Int(truncatingIfNeeded: mixed >> (64 - UInt64(bits)))
        return slots.withUnsafeMutableBufferPointer { slots in
            let slot = slots[index]
            if slot.head == head, slot.tail == tail, slot.bytes.count == bytes.count,
                bytes.count <= 16 || memcmp(slot.bytes.baseAddress! + 8, base + 8, bytes.count - 16) == 0
            {
                return slot.string
            }
            let string = cell.string
            slots[index] = Slot(bytes: bytes, head: head, tail: tail, string: string)
            return string
        }
    }
}
