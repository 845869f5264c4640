import Foundation

/// A school's CSV file, read: how it was encoded and delimited, and its records.
public struct CSVDocument: Sendable {
    public var encoding: TextEncoding
    public var delimiter: Delimiter
    public var table: CSVTable
    /// Some bytes were not text in the declared encoding; they read as U+FFFD (`DecodedText`).
    public var replacedInvalid = false

    /// Why a file could not be read at all, worded for a curator.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case tooLarge(bytes: Int, limit: Int)
        case unreadable(reason: String)
        case spreadsheet(kind: String)
        case binary
        case unterminatedQuote(row: Int)
        case outOfMemory
        /// A workbook (`.xlsx`) that could not be read.
        case workbook(WorkbookFailure)

        public var message: String {
            switch self {
            case .empty:
                "Файл пустой (0 байт) — сохраните таблицу заново и отправьте ещё раз."
            case .tooLarge(let bytes, let limit):
                "Файл слишком большой: \(Self.megabytes(bytes)) при допустимых \(Self.megabytes(limit)) — "
                    + "проверьте, что сохранена нужная таблица, или разделите её."
            case .unreadable(let reason):
                "Файл не удалось прочитать (\(reason)) — отправьте его ещё раз."
            case .spreadsheet(let kind):
                "Это файл \(kind), а не CSV — в Excel выберите «Сохранить как» → «CSV UTF-8 (разделитель — запятая)»."
            case .binary:
                "Файл не похож на таблицу CSV (двоичные данные) — сохраните таблицу из Excel как «CSV UTF-8»."
            case .unterminatedQuote(let row):
                "Кавычка, открытая в строке \(row), не закрыта до конца файла — проверьте кавычки в этой строке."
            case .outOfMemory:
                "Не хватило памяти для чтения файла — сообщите в отдел образования."
            case .workbook(let failure):
                failure.message
            }
        }

        static func megabytes(_ n: Int) -> String {
            let mb = Double(n) / 1_048_576
            return mb >= 10 ? "\(Int(mb.rounded())) МБ" : String(format: "%.1f МБ", mb).replacingOccurrences(of: ".", with: ",")
        }
    }

    /// Reads a file from disk, refusing it unread when it is larger than `maxBytes`.
    public static func load(path: String, maxBytes: Int, spaces: CSVParser.Spaces = .keep) throws(Failure) -> CSVDocument {
        try parse(loadBytes(path: path, maxBytes: maxBytes), spaces: spaces)
    }

    /// The raw bytes of a file (`FileBytes`), refused unread past `maxBytes`.
    public static func loadBytes(path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        switch FileBytes.read(path: path, maxBytes: maxBytes) {
        case .bytes(let bytes, _): return bytes
        case .failed(let failure): throw failure
        case .changed(let reason): throw .unreadable(reason: reason)
        }
    }

    /// Text never holds NUL, and holds few other control characters (tab, CR, LF aside).
    static func looksBinary(_ text: [UInt8]) -> Bool {
        var controls = 0
        text.withUnsafeBytes { raw in
            func look(_ range: Range<Int>) {
                for byte in raw[range] where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                    controls += byte == 0 ? text.count : 1
                }
            }
            // Eight bytes at a time, looked at one by one only when one is below 0x20 (a line end,
            // mostly): a byte's top bit survives `(w - 0x20…) & ~w` only when the byte is below 0x20.
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 { look(i..<(i + 8)) }
                i += 8
            }
            look(i..<raw.count)
        }
        return controls > 0 && controls * 100 >= text.count
    }

    /// The parsed table addresses its bytes with 32-bit offsets; text of up to 1 GiB fits even when
    /// UTF-16 grows by half in UTF-8.
    public static let maxParsedBytes = 1 << 30

    /// Decodes and parses bytes already in memory. The table keeps their memory (see
    /// `CSVParser.parse`): pass bytes nothing else holds, or they are copied first.
    public static func parse(_ bytes: consuming [UInt8], spaces: CSVParser.Spaces = .keep) throws(Failure) -> CSVDocument {
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw .spreadsheet(kind: "Excel (.xlsx) или архив") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .spreadsheet(kind: "Excel 97–2003 (.xls)") }
        guard bytes.count <= maxParsedBytes else { throw .tooLarge(bytes: bytes.count, limit: maxParsedBytes) }
        let decoded = TextDecoding.decode(bytes)
        let encoding = decoded.encoding
        let replacedInvalid = decoded.replacedInvalid
        let text = decoded.bytes
        _ = consume decoded
        if looksBinary(text) { throw .binary }
        let delimiter = Delimiter.detect(text)
        do {
            let table = try CSVParser.parse(
                text, delimiter: delimiter.rawValue, windows1251: encoding == .windows1251, spaces: spaces)
            return CSVDocument(encoding: encoding, delimiter: delimiter, table: table, replacedInvalid: replacedInvalid)
        } catch .unterminatedQuote(let row) {
            throw .unterminatedQuote(row: row)
        } catch {
            throw .outOfMemory
        }
    }
}
