import Foundation

/// Parsed records of one CSV file, stored compactly: every field's bytes back to back, with
/// offsets. Windows-1251 text is stored as it was read and decoded only where a `String` is made
/// (`string`, or Validation's cells): most cells are checked on bytes and never need one. Records keep the row a spreadsheet shows them on (header = row 1), even when a quoted
/// field spans several lines; blank lines take up a row but are not records.
public struct CSVTable: Sendable {
    /// All field bytes, back to back; written only while parsing.
    let storage: ByteStorage
    /// The stored bytes are Windows-1251 (else UTF-8).
    public let windows1251: Bool
    /// End offset in the bytes of each field (32 bits: see `CSVDocument.maxParsedBytes`).
    @usableFromInline var fieldEnds: [UInt32] = []
    /// Index in `fieldEnds` of each record's first field, plus one past the last.
    @usableFromInline var recordStarts: [Int] = [0]
    /// Spreadsheet row of each record.
    public internal(set) var rows: [Int] = []

    init(capacity: Int, windows1251: Bool) {
        storage = ByteStorage(capacity: capacity)
        self.windows1251 = windows1251
        // Room for short fields and records, so that large files are not copied while they grow:
        // pages of the reserve that stay unused are never touched, so they cost no memory.
        fieldEnds.reserveCapacity(capacity / 4)
        recordStarts.reserveCapacity(capacity / 32)
        rows.reserveCapacity(capacity / 32)
    }

    public var count: Int { rows.count }

    /// Every field's bytes, for reading without copies.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    @inlinable public func fieldCount(_ record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The byte range of a field, or nil past the record's end (a ragged row). Inlinable: the
    /// validator asks for every cell of every row.
    @inlinable public func range(_ record: Int, _ field: Int) -> Range<Int>? {
        guard field < fieldCount(record) else { return nil }
        let index = recordStarts[record] + field
        return (index == 0 ? 0 : Int(fieldEnds[index - 1]))..<Int(fieldEnds[index])
    }

    /// The bytes of all of a record's fields together; nil for a record with no fields.
    public func span(_ record: Int) -> Range<Int>? {
        let first = recordStarts[record], end = recordStarts[record + 1]
        guard end > first else { return nil }
        return (first == 0 ? 0 : Int(fieldEnds[first - 1]))..<Int(fieldEnds[end - 1])
    }

    /// A field as written (not trimmed); "" past the record's end.
    public func string(_ record: Int, _ field: Int) -> String {
        guard let r = range(record, field) else { return "" }
        return withBytes { bytes in
            let field = UnsafeBufferPointer(rebasing: bytes[r])
            return windows1251 ? Windows1251.string(field) : String(decoding: field, as: UTF8.self)
        }
    }

    public func record(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { string(record, $0) }
    }

    mutating func appendField(_ field: UnsafeRawBufferPointer) {
        storage.append(field)
        fieldEnds.append(UInt32(truncatingIfNeeded: storage.count))
    }

    mutating func endRecord(row: Int) {
        recordStarts.append(fieldEnds.count)
        rows.append(row)
    }
}

/// A growable byte buffer that the parser writes into directly; frozen once the table is built,
/// which is what makes sharing it between copies of a `CSVTable` safe.
final class ByteStorage: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    fileprivate(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    /// Large buffers are aligned to 2 MiB and offered to the kernel for huge pages, which spares
    /// tens of thousands of page faults when a large file is read.
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let huge = 2 << 20
        var raw: UnsafeMutableRawPointer?
        if capacity >= 4 * huge {
            let rounded = (capacity + huge - 1) / huge * huge
            if posix_memalign(&raw, huge, rounded) == 0, let raw {
                #if os(Linux)
                    _ = madvise(raw, rounded, MADV_HUGEPAGE)
                #endif
                return raw.assumingMemoryBound(to: UInt8.self)
            }
        }
        return malloc(max(capacity, 1))!.assumingMemoryBound(to: UInt8.self)
    }

    /// Makes room for `extra` more bytes, doubling as needed.
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let grown = Self.allocate(newCapacity)
        grown.update(from: base, count: count)
        free(base)
        base = grown
        capacity = newCapacity
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count)
        if let source = bytes.baseAddress {
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        count += bytes.count
    }
}
