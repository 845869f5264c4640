/// Builds a `CSVTable` a field at a time, for tables that do not come from CSV text (a workbook's
/// sheet): the same compact layout, UTF-8 fields back to back.
struct TableBuilder {
    private var text: [UInt8] = []
    private let ends: FieldEnds
    private var recordStarts: [Int] = [0]
    private var rows: [Int] = []

    init(capacity: Int) {
        text.reserveCapacity(capacity)
        ends = FieldEnds(capacity: capacity / 8)
    }

    mutating func appendField(_ field: String) {
        text.append(contentsOf: field.utf8)
        ends.append(text.count)
    }

    mutating func endRecord(row: Int) {
        recordStarts.append(ends.count)
        rows.append(row)
    }

    func finish() -> CSVTable {
        CSVTable(text: text, byteCount: text.count, ends: ends, windows1251: false, recordStarts: recordStarts, rows: rows)
    }
}
