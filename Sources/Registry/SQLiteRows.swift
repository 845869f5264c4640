import Domain
import Foundation
import GRDB
import GRDBSQLite

/// Reading many rows straight from SQLite's columns: GRDB's `Row` boxes every value, which costs
/// tens of thousands of instructions a row; a country's registry has two million rows. Values that
/// repeat down a column (first names, positions, subjects, school codes) come back as one shared
/// `String` (`TextCache`), which also keeps the snapshot small.
struct SQLiteRows {
    let statement: SQLiteStatement
    var texts = TextCache()

    /// Steps through the rows of `sql`, calling `body` with each.
    static func each(_ db: Database, _ sql: String, _ body: (inout SQLiteRows) throws -> Void) throws {
        let prepared = try db.makeStatement(sql: sql)
        var rows = SQLiteRows(statement: prepared.sqliteStatement)
        defer { sqlite3_reset(rows.statement) }
        while true {
            let code = sqlite3_step(rows.statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body(&rows)
        }
    }

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }
    func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(statement, i)) }
    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(statement, i) }
    func bool(_ i: Int32) -> Bool { sqlite3_column_int64(statement, i) != 0 }
    func snils(_ i: Int32) -> Snils { Snils(value: UInt64(sqlite3_column_int64(statement, i))) }

    /// The column's bytes (valid until the next step).
    func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(statement, i) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, i)))
    }

    /// A text column, shared with equal values read before.
    mutating func text(_ i: Int32) -> String { texts.string(bytes(i)) }
    mutating func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    /// A text column read on its own (values that seldom repeat).
    func plainText(_ i: Int32) -> String { String(decoding: bytes(i), as: UTF8.self) }
    func optionalPlainText(_ i: Int32) -> String? { isNull(i) ? nil : plainText(i) }

    /// A declared field's value from column `i`, read as its kind (texts shared with equal ones).
    mutating func stored(_ i: Int32, _ kind: Stored.Kind) -> Stored {
        switch kind {
        case .integer: .integer(isNull(i) ? nil : int64(i))
        case .real: .real(isNull(i) ? nil : double(i))
        case .text: .text(optionalText(i))
        case .date: .date(date(i))
        case .snilsList: .snilsList(snilsList(i))
        }
    }

    /// A column of 11-digit numbers separated by commas (a programme's mentees), read as the
    /// registry wrote them.
    func snilsList(_ i: Int32) -> [Snils] {
        var out: [Snils] = []
        var value: UInt64 = 0
        var digits = 0
        for byte in bytes(i) {
            if byte == UInt8(ascii: ",") {
                if digits == 11 { out.append(Snils(value: value)) }
                value = 0
                digits = 0
            } else if byte &- 0x30 < 10 {
                value = value * 10 + UInt64(byte &- 0x30)
                digits += 1
            }
        }
        if digits == 11 { out.append(Snils(value: value)) }
        return out
    }

    /// An ISO date column (`ГГГГ-ММ-ДД`, as the registry stores them).
    func date(_ i: Int32) -> CivilDate? {
        let b = bytes(i)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return isNull(i) ? nil : CivilDate(iso: plainText(i)) }
        func n(_ from: Int, _ count: Int) -> Int { (from..<(from + count)).reduce(0) { $0 * 10 + Int(b[$1] &- 0x30) } }
        return CivilDate(year: n(0, 4), month: n(5, 2), day: n(8, 2))
    }
}

/// Strings already made from equal bytes: a direct-mapped table of 4,096 slots, compared by the
/// bytes themselves, so a collision only costs a new string.
struct TextCache {
    private var slots = [String](repeating: "", count: 4096)

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let slot = Int(truncatingIfNeeded: hash >> 52)
        var cached = slots[slot]
        let same = cached.utf8.count == bytes.count && cached.withUTF8 { memcmp($0.baseAddress!, base, bytes.count) == 0 }
        if same { return cached }
        let string = String(decoding: bytes, as: UTF8.self)
        slots[slot] = string
        return string
    }
}

/// Values parsed from equal bytes before (a programme's directions repeat down the column): a
/// direct-mapped table like `TextCache`, keyed by the bytes.
struct ParsedCache<Value> {
    private var slots = [(key: [UInt8], value: Value)?](repeating: nil, count: 1024)

    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ parse: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let slot = Int(truncatingIfNeeded: hash >> 54)
        if let cached = slots[slot], cached.key.elementsEqual(bytes) { return cached.value }
        let value = parse(bytes)
        slots[slot] = (Array(bytes), value)
        return value
    }
}

/// A prepared insert whose values are bound straight into SQLite (no boxing per value), run once
/// per row. The statement is GRDB's cached one, so a table's inserts share it.
struct SQLiteInsert {
    let db: Database
    let statement: SQLiteStatement
    let sql: String

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        self.sql = sql
        statement = try db.cachedStatement(sql: sql).sqliteStatement
    }

    struct Values {
        let statement: SQLiteStatement
        var index: Int32 = 1
        /// SQLite copies the text before the call returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        mutating func int(_ value: Int) { int64(Int64(value)) }
        mutating func int64(_ value: Int64) {
            sqlite3_bind_int64(statement, index, value)
            index += 1
        }
        mutating func double(_ value: Double) {
            sqlite3_bind_double(statement, index, value)
            index += 1
        }
        mutating func bool(_ value: Bool) { int64(value ? 1 : 0) }
        mutating func snils(_ value: Snils) { int64(Int64(value.value)) }
        mutating func text(_ value: String?) {
            if var value {
                value.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        if let base = chars.baseAddress {
                            _ = sqlite3_bind_text(statement, index, base, Int32(chars.count), Self.transient)
                        } else {
                            _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
                        }
                    }
                }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }
        mutating func date(_ value: CivilDate?) { text(value?.iso) }

        /// A declared field's value (`Stored`), bound as its kind.
        mutating func stored(_ value: Stored) {
            switch value {
            case .integer(let n?): int64(n)
            case .real(let x?): double(x)
            case .text(let text): self.text(text)
            case .date(let date): self.date(date)
            case .snilsList(let list): text(list.map(\.digits).joined(separator: ","))
            case .integer(nil), .real(nil):
                sqlite3_bind_null(statement, index)
                index += 1
            }
        }
    }

    func run(_ bind: (inout Values) -> Void) throws {
        sqlite3_reset(statement)
        var values = Values(statement: statement)
        bind(&values)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
    }
}
