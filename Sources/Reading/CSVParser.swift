import CCSV

/// RFC 4180 parsing with libcsv; nothing else in the project touches the C API.
public enum CSVParser {
    public enum Failure: Error, Equatable, Sendable {
        /// A quoted field opened on `row` runs to the end of the file.
        case unterminatedQuote(row: Int)
        case outOfMemory
    }

    /// What the libcsv callbacks write into, reached through their `void *data`. Fields are written
    /// over the text being parsed, from its start: a field never takes more bytes than were read
    /// for it (quotes and trimmed spaces are dropped, nothing is added), so the writing stays
    /// behind libcsv's reading and overwrites only bytes libcsv is done with.
    private final class Sink {
        let target: UnsafeMutablePointer<UInt8>
        var byteCount = 0
        let ends: FieldEnds
        var recordStarts: [Int] = [0]
        var rows: [Int] = []
        var row = 1
        var fieldsInRecord = 0
        /// The previous line ended with CR and nothing followed it yet: a LF now completes CRLF.
        var afterCR = false

        init(target: UnsafeMutablePointer<UInt8>, capacity: Int) {
            self.target = target
            // Room for short fields and records, so that a large file's lists are rarely moved while
            // they grow: pages of the reserve that stay unused are never touched, so cost no memory.
            ends = FieldEnds(capacity: capacity / 8)
            recordStarts.reserveCapacity(capacity / 32)
            rows.reserveCapacity(capacity / 32)
        }

        func field(_ bytes: UnsafeRawBufferPointer) {
            let n = bytes.count
            if n > 0 { Self.copy(bytes.baseAddress!, n, to: UnsafeMutableRawPointer(target + byteCount)) }
            byteCount += n
            ends.append(byteCount)
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
                recordStarts.append(ends.count)
                rows.append(row)
            }
            row += 1
            fieldsInRecord = 0
            afterCR = terminator == 0x0D
        }

        /// Most fields are a few bytes long: two overlapping word copies cost less than a call to
        /// memcpy. (libcsv's field buffer and the text never overlap.)
        @inline(__always)
        private static func copy(_ source: UnsafeRawPointer, _ n: Int, to target: UnsafeMutableRawPointer) {
            if n >= 8 && n <= 16 {
                target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 && n < 8 {
                target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
                target.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
            } else {
                target.copyMemory(from: source, byteCount: n)
            }
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
    /// both; the table remembers which it holds). The table keeps the text's memory for its fields:
    /// pass a text nothing else holds, or it is copied first.
    public static func parse(
        _ text: consuming [UInt8], delimiter: UInt8, windows1251: Bool = false, spaces: Spaces = .keep
    ) throws(Failure) -> CSVTable {
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL)) == 0 else { throw .outOfMemory }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        if spaces == .keep { csv_set_space_func(&parser) { _ in 0 } }
        csv_set_blk_size(&parser, 4096)

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

        var text = text
        let input = text.count
        if input == 0 { text = [0] }  // somewhere to point at; nothing is parsed
        let parsed: Result<Sink, Failure> = text.withUnsafeMutableBufferPointer { buffer in
            let sink = Sink(target: buffer.baseAddress!, capacity: input)
            let context = Unmanaged.passUnretained(sink).toOpaque()
            guard csv_parse(&parser, buffer.baseAddress, input, onField, onRecordEnd, context) == input else {
                return .failure(.outOfMemory)
            }
            // libcsv's non-strict mode would close an unterminated quoted field silently; refuse it.
            // pstate 2 is libcsv's FIELD_BEGUN (libcsv.c); `quoted` marks a field that began with a quote.
            if parser.pstate == 2 && parser.quoted != 0 { return .failure(.unterminatedQuote(row: sink.row)) }
            guard csv_fini(&parser, onField, onRecordEnd, context) == 0 else { return .failure(.outOfMemory) }
            return .success(sink)
        }
        let sink = try parsed.get()
        return CSVTable(
            text: text, byteCount: sink.byteCount, ends: sink.ends, windows1251: windows1251,
            recordStarts: sink.recordStarts, rows: sink.rows)
    }
}
