/// Parsed records of one CSV file, stored compactly: every field's bytes back to back, with offsets.
/// Records keep the row a spreadsheet shows them on (header = row 1), even when a quoted field
/// spans several lines; blank lines take up a row but are not records.
public struct CSVTable: Sendable {
    /// All field bytes (UTF-8), back to back.
    public internal(set) var bytes: [UInt8] = []
    /// End offset in `bytes` of each field.
    var fieldEnds: [Int] = []
    /// Index in `fieldEnds` of each record's first field, plus one past the last.
    var recordStarts: [Int] = [0]
    /// Spreadsheet row of each record.
    public internal(set) var rows: [Int] = []

    public init() {}

    public var count: Int { rows.count }

    public func fieldCount(_ record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The byte range of a field, or nil past the record's end (a ragged row).
    public func range(_ record: Int, _ field: Int) -> Range<Int>? {
        guard field < fieldCount(record) else { return nil }
        let index = recordStarts[record] + field
        return (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// A field as written (not trimmed); "" past the record's end.
    public func string(_ record: Int, _ field: Int) -> String {
        guard let r = range(record, field) else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    public func record(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { string(record, $0) }
    }

    mutating func appendField(_ field: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    mutating func endRecord(row: Int) {
        recordStarts.append(fieldEnds.count)
        rows.append(row)
    }
}
