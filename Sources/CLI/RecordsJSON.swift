import Foundation
import Reading

/// `inspect --format json`: a table's records as an array of objects, one key per column, written
/// as it goes (a buffer of 64 KB at a time, each value encoded by Foundation's JSON encoder), so
/// that its cost is linear in what it writes. Every cell is kept: a column is keyed by its header,
/// by the header and its letter when the header repeats (`ФИО`, `ФИО (D)`), by its letter when it
/// has none (a cell right of the last header cell too).
struct RecordsJSON {
    private var buffer: [UInt8] = []
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// One table: `[{…}, …]`.
    mutating func write(_ table: CSVTable) {
        let width = (0..<table.count).map(table.fieldCount).max() ?? 0
        let keys = Self.keys(header: table.count > 0 ? table.record(0) : [], width: width).map(encode)
        append("[")
        for r in 1..<max(table.count, 1) {
            append(r == 1 ? "\n  {" : ",\n  {")
            let count = max(table.fieldCount(0), table.fieldCount(r))
            for c in 0..<count {
                if c > 0 { append(", ") }
                buffer += keys[c]
                append(": ")
                buffer += encode(table.string(r, c))
            }
            append("}")
            if buffer.count >= 1 << 16 { flush() }
        }
        append(table.count > 1 ? "\n]" : "]")
    }

    /// Several sheets: `{"Наставники": […], …}`.
    mutating func write(sheets: [(name: String, table: CSVTable)]) {
        append("{")
        for (i, sheet) in sheets.enumerated() {
            append(i == 0 ? "\n" : ",\n")
            buffer += encode(sheet.name)
            append(": ")
            write(sheet.table)
        }
        append("\n}")
    }

    /// Writes what is left, and a line's end.
    mutating func finish() {
        append("\n")
        flush()
    }

    static func keys(header: [String], width: Int) -> [String] {
        var taken: Set<String> = []
        return (0..<width).map { c in
            let letter = CellProblem.letters(c + 1)
            let title = c < header.count ? header[c].trimmingCharacters(in: .whitespaces) : ""
            var key = title.isEmpty ? letter : title
            if taken.contains(key) { key = title.isEmpty ? letter : "\(title) (\(letter))" }
            while taken.contains(key) { key += " (\(letter))" }
            taken.insert(key)
            return key
        }
    }

    private func encode(_ text: String) -> [UInt8] { Array((try? encoder.encode(text)) ?? Data("\"\"".utf8)) }

    private mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
