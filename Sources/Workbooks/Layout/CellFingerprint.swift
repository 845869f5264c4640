import Crypto
import Domain
import Toolkit
import XLSX

/// The SHA-256 of the cells a workbook's tables would hold, column by column and row by row: two
/// nights with the same fingerprint would lay out the same cells. Taken from the same column
/// declarations the tables are written from, so it cannot miss a column.
struct CellFingerprint {
    private var hasher = SHA256()

    /// Separates cells, rows and tables, so that moving text between them changes the hash; and
    /// says what kind of value a cell holds.
    private enum Mark: UInt8 {
        case cell = 0x1F
        case row = 0x1E
        case table = 0x1D
        case text = 0x74
        case number = 0x6E
        case date = 0x64
        case formula = 0x66
    }

    mutating func add(_ text: String) {
        update(text)
        mark(.cell)
    }

    mutating func add<Row>(_ rows: [Row], _ columns: [SheetColumn<Row>]) {
        for row in rows {
            for column in columns { add(column.value(row)) }
            mark(.row)
        }
        mark(.table)
    }

    private mutating func add(_ value: CellValue) {
        switch value {
        case .text(let text):
            mark(.text)
            update(text)
        case .number(let n):
            mark(.number)
            update(n.bitPattern)
        case .date(let date):
            mark(.date)
            update(UInt64(bitPattern: Int64(date.daysSinceEpoch)))
        case .formula(let formula, let cached):
            mark(.formula)
            update(formula)
            update(cached.bitPattern)
        case .blank: break
        }
        mark(.cell)
    }

    private mutating func mark(_ mark: Mark) { withUnsafeBytes(of: mark.rawValue) { hasher.update(bufferPointer: $0) } }
    private mutating func update(_ word: UInt64) { withUnsafeBytes(of: word.littleEndian) { hasher.update(bufferPointer: $0) } }
    private mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Lower-case hex.
    var hex: String { Hex.lowercase(hasher.finalize()) }
}
