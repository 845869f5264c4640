import Foundation
import Testing

@testable import Reading

struct CSVReadingTests {
    private func read(_ bytes: [UInt8]) throws -> CSVDocument { try CSVDocument.parse(bytes) }
    private func read(_ text: String) throws -> CSVDocument { try read(Array(text.utf8)) }

    private func cp1251(_ text: String) -> [UInt8] {
        let table = Windows1251.upperHalf
        return text.unicodeScalars.map { s in
            s.value < 0x80 ? UInt8(s.value) : UInt8(0x80 + table.firstIndex(of: UInt16(s.value))!)
        }
    }

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            out += bigEndian ? pair : pair.reversed()
        }
        return out
    }

    // MARK: encodings

    @Test func utf8WithoutBOM() throws {
        let doc = try read("Фамилия;Имя\nЁлкина;Анна\n")
        #expect(doc.encoding == .utf8)
        #expect(doc.table.record(1) == ["Ёлкина", "Анна"])
    }

    @Test func utf8WithBOMHasTheBOMRemoved() throws {
        let doc = try read([0xEF, 0xBB, 0xBF] + Array("СНИЛС;Имя\n1;2\n".utf8))
        #expect(doc.encoding == .utf8BOM)
        #expect(doc.table.string(0, 0) == "СНИЛС")
    }

    @Test func utf16LittleAndBigEndianWithTabs() throws {
        for bigEndian in [false, true] {
            let doc = try read(utf16("Фамилия\tИмя\r\nХәйруллина\tГүзәл 😀\r\n", bigEndian: bigEndian))
            #expect(doc.encoding == (bigEndian ? .utf16BE : .utf16LE))
            #expect(doc.delimiter == .tab)
            #expect(doc.table.record(1) == ["Хәйруллина", "Гүзәл 😀"])
        }
    }

    @Test func windows1251WhenNotUTF8() throws {
        let doc = try read(cp1251("Фамилия;Имя;Предмет\r\nЁжиков;Пётр;«Физика» — №1\r\n"))
        #expect(doc.encoding == .windows1251)
        #expect(doc.table.record(1) == ["Ёжиков", "Пётр", "«Физика» — №1"])
    }

    @Test func everyWindows1251ByteDecodesToItsScalar() throws {
        let bytes = [UInt8](0x80...0xFF)  // one field: no delimiter, quote or line end among them
        let table = try CSVParser.parse(bytes, delimiter: Delimiter.semicolon.rawValue, windows1251: true)
        let scalars = table.string(0, 0).unicodeScalars.map(\.value)
        #expect(scalars == Windows1251.upperHalf.map(UInt32.init))
        #expect(scalars[0xC0 - 0x80] == 0x0410)  // А
        #expect(scalars[0xFF - 0x80] == 0x044F)  // я
        #expect(scalars[0xB8 - 0x80] == 0x0451)  // ё
        #expect(scalars[0xB9 - 0x80] == 0x2116)  // №
        #expect(scalars[0x96 - 0x80] == 0x2013)  // –
    }

    @Test func utf8ValidatorRejectsOverlongsAndSurrogates() {
        let cases: [([UInt8], Bool)] = [
            (Array("plain ascii text, long enough for the fast path".utf8), true),
            (Array("Кириллица".utf8), true),
            ([0xC0, 0xAF], false), ([0xE0, 0x80, 0xAF], false), ([0xED, 0xA0, 0x80], false),
            ([0xF4, 0x90, 0x80, 0x80], false), ([0xD0], false), ([0xF0, 0x9F, 0x98, 0x80], true),
        ]
        for (bytes, valid) in cases {
            #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == valid, "\(bytes)")
        }
    }

    // MARK: delimiters and quoting

    @Test(arguments: [
        ("a;b;c", Delimiter.semicolon), ("a,b,c", .comma), ("a\tb\tc", .tab), ("\"x;y\",b,c", .comma), ("single", .semicolon),
    ])
    func delimiterIsDetectedFromTheHeader(header: String, expected: Delimiter) throws {
        #expect(try read(header + "\n1\n").delimiter == expected)
    }

    @Test func quotedNewlinesKeepSpreadsheetRows() throws {
        let doc = try read("A;B\r\n1;\"two\r\nlines\"\r\n\r\n3;\"say \"\"hi\"\"\"\n")
        #expect(doc.table.count == 3)
        #expect(doc.table.rows == [1, 2, 4])
        #expect(doc.table.string(1, 1) == "two\r\nlines")
        #expect(doc.table.string(2, 1) == "say \"hi\"")
    }

    @Test func blankLinesTakeARowButAreNotRecords() throws {
        let doc = try read("\nA;B\n\n\n1;2\r\n\r\n2;3")
        #expect(doc.table.rows == [2, 5, 7])
    }

    @Test func spacesAreKeptExactlyOrTrimmedAroundUnquotedValues() throws {
        let text = Array("A\tB\tC\n  x \t\t\" y \"\n".utf8)
        #expect(try CSVDocument.parse(text, spaces: .keep).table.record(1) == ["  x ", "", " y "])
        #expect(try CSVDocument.parse(text, spaces: .trimUnquoted).table.record(1) == ["x", "", " y "])
    }

    @Test func fieldsOfEveryLengthComeBackWhole() throws {
        // Short fields are copied word-wise, longer ones by memcpy: every length, both encodings.
        let fields = (0...40).map { n in String((0..<n).map { Array("АБВabc123ЖЯ")[($0 * 7 + n) % 11] }) }
        let line = fields.joined(separator: ";")
        let text = "h\n" + line + "\n" + line + "\n"
        #expect(try read(text).table.record(1) == fields)
        #expect(try read(cp1251(text)).table.record(2) == fields)
    }

    @Test func bytesStillHeldByTheCallerAreNotOverwritten() throws {
        // The parser writes fields over the text it owns; bytes someone else holds are copied first.
        let bytes = cp1251("A;B\r\n\"Иванов\";\"кв. \"\"Б\"\"\"\r\n")
        let before = bytes
        let table = try CSVDocument.parse(bytes).table
        #expect(bytes == before)
        #expect(table.record(1) == ["Иванов", "кв. \"Б\""])
        #expect(try CSVDocument.parse(bytes).table.record(1) == table.record(1))
    }

    @Test func moreFieldsThanFirstReservedAreKept() throws {
        // One-byte fields: far more fields per byte than the store first makes room for.
        let values = (0..<100_000).map { String($0 % 10) }
        let table = try read(values.joined(separator: ";") + "\n1\n").table
        #expect(table.fieldCount(0) == values.count)
        #expect(table.record(0) == values)
        #expect(table.record(1) == ["1"])
    }

    @Test func raggedRowsKeepTheirFieldCount() throws {
        let doc = try read("A;B;C\n1\n1;2;3;4\n")
        #expect(doc.table.fieldCount(1) == 1)
        #expect(doc.table.fieldCount(2) == 4)
        #expect(doc.table.range(1, 2) == nil)
        #expect(doc.table.string(1, 2) == "")
    }

    @Test func headerOnlyFileHasOneRecord() throws {
        #expect(try read("A;B\r\n").table.count == 1)
    }

    // MARK: files that cannot be read

    @Test func truncatedQuoteIsRefusedWithItsRow() {
        #expect(throws: CSVDocument.Failure.unterminatedQuote(row: 3)) {
            try read("A;B\n1;2\n3;\"open\nand never closed")
        }
    }

    @Test func emptyFileIsRefused() {
        #expect(throws: CSVDocument.Failure.empty) { try read([UInt8]()) }
    }

    @Test func binaryGarbageIsRefused() {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        #expect(throws: CSVDocument.Failure.binary) { try read(garbage) }
        #expect(throws: CSVDocument.Failure.binary) { try read([0x41, 0x01, 0x02, 0x03, 0x42]) }
    }

    @Test func excelWorkbookIsRefusedWithAdvice() throws {
        #expect(throws: CSVDocument.Failure.spreadsheet(kind: "Excel (.xlsx) или архив")) {
            try read([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        }
        #expect(CSVDocument.Failure.spreadsheet(kind: "Excel (.xlsx)").message.contains("CSV UTF-8"))
    }

    @Test func fileOverTheLimitIsRefusedUnread() throws {
        let path = NSTemporaryDirectory() + "nastavnik-big-\(UUID().uuidString).csv"
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVDocument.Failure.tooLarge(bytes: 2048, limit: 1024)) {
            try CSVDocument.load(path: path, maxBytes: 1024)
        }
        #expect(try CSVDocument.load(path: path, maxBytes: 4096).table.count == 1)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let dir = NSTemporaryDirectory() + "nastavnik-link-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("A\n1\n".utf8).write(to: URL(fileURLWithPath: dir + "/real.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/real.csv")
        #expect(throws: CSVDocument.Failure.self) { try CSVDocument.load(path: dir + "/link.csv", maxBytes: 1 << 20) }
    }
}
