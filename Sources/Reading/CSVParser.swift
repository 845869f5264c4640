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
        var table = CSVTable()
        var row = 1
        var fieldsInRecord = 0
        /// The previous line ended with CR and nothing followed it yet: a LF now completes CRLF.
        var afterCR = false
    }

    /// Parses UTF-8 text. Spaces are kept (values are trimmed later, by the rules of each column).
    public static func parse(_ text: [UInt8], delimiter: UInt8) throws(Failure) -> CSVTable {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL)) == 0 else { throw .outOfMemory }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        csv_set_space_func(&parser) { _ in 0 }
        csv_set_blk_size(&parser, 4096)

        let sink = Sink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
            field, length, data in
            let sink = Unmanaged<Sink>.fromOpaque(data!).takeUnretainedValue()
            sink.table.appendField(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
            sink.fieldsInRecord += 1
            sink.afterCR = false
        }
        let onRecordEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, data in
            let sink = Unmanaged<Sink>.fromOpaque(data!).takeUnretainedValue()
            if sink.fieldsInRecord == 0 {
                // A line with nothing on it, or the LF of a CRLF that already ended a line.
                if terminator == 0x0A && sink.afterCR {
                    sink.afterCR = false
                    return
                }
            } else {
                sink.table.endRecord(row: sink.row)
            }
            sink.row += 1
            sink.fieldsInRecord = 0
            sink.afterCR = terminator == 0x0D
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
