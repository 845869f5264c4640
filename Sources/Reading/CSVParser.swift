import CCSV

/// RFC 4180 parsing with libcsv; nothing else in the project touches the C API.
public enum CSVParser {
    public enum Failure: Error, Equatable, Sendable {
        /// A quoted field opened on `row` runs to the end of the file.
        case unterminatedQuote(row: Int)
        case outOfMemory
    }

    /// What the libcsv callbacks write into, reached through their `void *data`.
    private final class Sink {
        let storage: FieldStorage
        var recordStarts: [Int] = [0]
        var rows: [Int] = []
        var row = 1
        var fieldsInRecord = 0
        /// The previous line ended with CR and nothing followed it yet: a LF now completes CRLF.
        var afterCR = false

        init(capacity: Int) {
            storage = FieldStorage(capacity: capacity)
            // Room for short records, so that a large file's lists are not copied while they grow:
            // pages of the reserve that stay unused are never touched, so they cost no memory.
            recordStarts.reserveCapacity(capacity / 32)
            rows.reserveCapacity(capacity / 32)
        }

        func field(_ bytes: UnsafeRawBufferPointer) {
            storage.append(bytes)
            fieldsInRecord += 1
            afterCR = false
        }

        func recordEnd(_ terminator: Int32) {
            if fieldsInRecord == 0 {
                // A line with nothing on it, or the LF of a CRLF that already ended a line.
                if terminator == 0x0A && afterCR {
                    afterCR = false
                    return
                }
            } else {
                recordStarts.append(storage.fieldCount)
                rows.append(row)
            }
            row += 1
            fieldsInRecord = 0
            afterCR = terminator == 0x0D
        }

        func table(windows1251: Bool) -> CSVTable {
            CSVTable(storage: storage, windows1251: windows1251, recordStarts: recordStarts, rows: rows)
        }
    }

    /// What happens to spaces and tabs around a value that is not in quotes.
    public enum Spaces: Sendable {
        /// Kept, as RFC 4180 says: `inspect` shows a file exactly.
        case keep
        /// Dropped by libcsv itself. The validator trims every value anyway, and libcsv then needs
        /// no callback per byte (≈5% of reading a large file).
        case trimUnquoted
    }

    /// Parses UTF-8 or Windows-1251 text (delimiters, quotes and line ends are the same bytes in
    /// both; the table remembers which it holds).
    public static func parse(
        _ text: [UInt8], delimiter: UInt8, windows1251: Bool = false, spaces: Spaces = .keep
    ) throws(Failure) -> CSVTable {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL)) == 0 else { throw .outOfMemory }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        if spaces == .keep { csv_set_space_func(&parser) { _ in 0 } }
        csv_set_blk_size(&parser, 4096)

        let sink = Sink(capacity: text.count)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        // `_withUnsafeGuaranteedRef`: the sink outlives the parse, so no retain/release per field.
        let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
            field, length, data in
            Unmanaged<Sink>.fromOpaque(data!)._withUnsafeGuaranteedRef {
                $0.field(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
            }
        }
        let onRecordEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, data in
            Unmanaged<Sink>.fromOpaque(data!)._withUnsafeGuaranteedRef { $0.recordEnd(terminator) }
        }

        let consumed = text.withUnsafeBytes { csv_parse(&parser, $0.baseAddress, $0.count, onField, onRecordEnd, context) }
        guard consumed == text.count else { throw .outOfMemory }
        // libcsv's non-strict mode would close an unterminated quoted field silently; refuse it.
        // pstate 2 is libcsv's FIELD_BEGUN (libcsv.c); `quoted` marks a field that began with a quote.
        if parser.pstate == 2 && parser.quoted != 0 {
            throw .unterminatedQuote(row: sink.row)
        }
        guard csv_fini(&parser, onField, onRecordEnd, context) == 0 else { throw .outOfMemory }
        return sink.table(windows1251: windows1251)
    }
}
