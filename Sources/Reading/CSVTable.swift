import Foundation

/// Parsed records of one CSV file, stored compactly: every field's bytes back to back, with
/// offsets. The bytes are those of the text the file was parsed from, overwritten from its start by
/// the fields (see `CSVParser`): no second copy of a large file. Windows-1251 text is stored as it
/// was read and decoded only where a `String` is made (`string`, or Validation's cells): most cells
/// are checked on bytes and never need one. Records keep the row a spreadsheet shows them on
/// (header = row 1), even when a quoted field spans several lines; blank lines take up a row but
/// are not records.
public struct CSVTable: Sendable {
    /// The fields' bytes, back to back, in the first `byteCount` bytes.
    let text: [UInt8]
    let byteCount: Int
    /// Where each field ends in those bytes.
    let ends: FieldEnds
    /// The stored bytes are Windows-1251 (else UTF-8).
    public let windows1251: Bool
    /// Index of each record's first field, plus one past the last.
    let recordStarts: [Int]
    /// Spreadsheet row of each record.
    public let rows: [Int]

    public var count: Int { rows.count }

    /// No records at all.
    public static let empty = TableBuilder(capacity: 0).finish()

    /// The fields through pointers, for reading every cell of a large file without bounds checks
    /// or reference counting.
    public func withFields<R>(_ body: (Fields) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { bytes in
            try recordStarts.withUnsafeBufferPointer { starts in
                try body(Fields(bytes: UnsafeBufferPointer(rebasing: bytes[..<byteCount]), ends: ends.pointer, recordStarts: starts))
            }
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
        let first = recordStarts[record]
        let end = recordStarts[record + 1]
        guard end > first else { return nil }
        return (first == 0 ? 0 : Int(ends[first - 1]))..<Int(ends[end - 1])
    }
}

/// Each field's end offset in the table's bytes (32 bits: see `CSVDocument.maxParsedBytes`), in raw
/// memory: a large file has tens of millions of fields, each stored from a libcsv callback.
/// Frozen once the table is built, which is what makes sharing it between copies of a `CSVTable`
/// safe.
final class FieldEnds: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<UInt32>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        pointer = malloc(self.capacity * 4)!.assumingMemoryBound(to: UInt32.self)
    }

    deinit { free(pointer) }

    @inline(__always) func append(_ end: Int) {
        if count == capacity {
            // realloc: a large block moves by remapping its pages, not by copying them.
            capacity *= 2
            pointer = realloc(pointer, capacity * 4)!.assumingMemoryBound(to: UInt32.self)
        }
        pointer[count] = UInt32(truncatingIfNeeded: end)
        count += 1
    }
}
