import Foundation

/// Parsed records of one CSV file, stored compactly: every field's bytes back to back, with
/// offsets. Windows-1251 text is stored as it was read and decoded only where a `String` is made
/// (`string`, or Validation's cells): most cells are checked on bytes and never need one. Records
/// keep the row a spreadsheet shows them on (header = row 1), even when a quoted field spans
/// several lines; blank lines take up a row but are not records.
public struct CSVTable: Sendable {
    /// The fields' bytes and ends; written only while parsing.
    let storage: FieldStorage
    /// The stored bytes are Windows-1251 (else UTF-8).
    public let windows1251: Bool
    /// Index of each record's first field, plus one past the last.
    let recordStarts: [Int]
    /// Spreadsheet row of each record.
    public let rows: [Int]

    public var count: Int { rows.count }

    /// The fields through pointers, for reading every cell of a large file without bounds checks
    /// or reference counting.
    public func withFields<R>(_ body: (Fields) throws -> R) rethrows -> R {
        try recordStarts.withUnsafeBufferPointer { starts in
            try body(Fields(bytes: UnsafeBufferPointer(start: storage.bytes, count: storage.byteCount), ends: storage.ends, recordStarts: starts))
        }
    }

    public func fieldCount(_ record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The byte range of a field, or nil past the record's end (a ragged row).
    public func range(_ record: Int, _ field: Int) -> Range<Int>? { withFields { $0.range(record, field) } }

    /// A field as written (not trimmed); "" past the record's end.
    public func string(_ record: Int, _ field: Int) -> String {
        withFields { fields in
            let bytes = fields.field(record, field)
            return windows1251 ? Windows1251.string(bytes) : String(decoding: bytes, as: UTF8.self)
        }
    }

    public func record(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { string(record, $0) }
    }
}

/// A table's fields seen through pointers; valid only inside `CSVTable.withFields`.
public struct Fields {
    /// Every field's bytes, back to back.
    public let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let ends: UnsafePointer<UInt32>
    @usableFromInline let recordStarts: UnsafeBufferPointer<Int>

    @inlinable public func fieldCount(_ record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The byte range of a field, or nil past the record's end (a ragged row).
    @inlinable @inline(__always) public func range(_ record: Int, _ field: Int) -> Range<Int>? {
        guard field < fieldCount(record) else { return nil }
        let index = recordStarts[record] + field
        return (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// A field's bytes as written; empty past the record's end.
    @inlinable @inline(__always) public func field(_ record: Int, _ field: Int) -> UnsafeBufferPointer<UInt8> {
        guard let r = range(record, field) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes.baseAddress! + r.lowerBound, count: r.count)
    }

    /// The bytes of all of a record's fields together; nil for a record with no fields.
    @inlinable public func span(_ record: Int) -> Range<Int>? {
        let first = recordStarts[record], end = recordStarts[record + 1]
        guard end > first else { return nil }
        return (first == 0 ? 0 : Int(ends[first - 1]))..<Int(ends[end - 1])
    }
}

/// Where the parser puts fields: their bytes back to back in one buffer, and each field's end
/// offset (32 bits: see `CSVDocument.maxParsedBytes`) in another. Raw memory rather than arrays:
/// a large file has tens of millions of fields, and each is stored from a libcsv callback. Frozen
/// once the table is built, which is what makes sharing it between copies of a `CSVTable` safe.
final class FieldStorage: @unchecked Sendable {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCount = 0
    private var byteCapacity: Int
    private(set) var ends: UnsafeMutablePointer<UInt32>
    private(set) var fieldCount = 0
    private var endCapacity: Int

    /// `capacity`: the size of the text; fields never take more bytes than the text they came from.
    init(capacity: Int) {
        byteCapacity = max(capacity, 64)
        bytes = Self.allocate(byteCapacity)
        endCapacity = max(capacity / 8, 64)
        ends = malloc(endCapacity * 4)!.assumingMemoryBound(to: UInt32.self)
    }

    deinit {
        free(bytes)
        free(ends)
    }

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
        return malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    func append(_ field: UnsafeRawBufferPointer) {
        let n = field.count
        if byteCount + n > byteCapacity { growBytes(n) }
        if fieldCount == endCapacity {
            // realloc: a large block moves by remapping its pages, not by copying them.
            endCapacity *= 2
            ends = realloc(ends, endCapacity * 4)!.assumingMemoryBound(to: UInt32.self)
        }
        if n > 0 { Self.copy(field.baseAddress!, n, to: UnsafeMutableRawPointer(bytes + byteCount)) }
        byteCount += n
        ends[fieldCount] = UInt32(truncatingIfNeeded: byteCount)
        fieldCount += 1
    }

    private func growBytes(_ extra: Int) {
        var capacity = byteCapacity * 2
        while capacity < byteCount + extra { capacity *= 2 }
        let grown = Self.allocate(capacity)
        grown.update(from: bytes, count: byteCount)
        free(bytes)
        bytes = grown
        byteCapacity = capacity
    }

    /// Most fields are a few bytes long: two overlapping word copies cost less than a call to memcpy.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, _ n: Int, to target: UnsafeMutableRawPointer) {
        if n >= 8 && n <= 16 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
        } else {
            target.copyMemory(from: source, byteCount: n)
        }
    }
}
