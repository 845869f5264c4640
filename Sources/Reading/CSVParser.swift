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
        var table: CSVTable

        init(capacity: Int, windows1251: Bool) { table = CSVTable(capacity: capacity, windows1251: windows1251) }

        func field(_ bytes: UnsafeRawBufferPointer) {
            table.appendField(bytes)
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
                table.endRecord(row: row)
            }
            row += 1
            fieldsInRecord = 0
            afterCR = terminator == 0x0D
        }
        var row = 1
        var fieldsInRecord = 0
        /// The previous line ended with CR and nothing followed it yet: a LF now completes CRLF.
        var afterCR = false
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

        let sink = Sink(capacity: text.count, windows1251: windows1251)
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
        return sink.table
    }
}
