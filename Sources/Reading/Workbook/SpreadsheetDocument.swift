/// A school's `.xlsx` workbook, read: each visible worksheet as a table of the text its cells show,
/// with the problems of cells that show none. Written by Excel, LibreOffice, Google Sheets or
/// libxlsxwriter; shared or inline strings, styles part or none.
public struct SpreadsheetDocument: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        public var table: CSVTable
        public var problems: [CellProblem]
    }

    /// The visible worksheets, in the workbook's order (hidden sheets and chart sheets left out).
    public var sheets: [Sheet]

    /// A zip archive: what an `.xlsx` (or `.ods`) is; one with nothing in it starts with its end.
    public static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// An OLE compound file: an `.xls`, or an `.xlsx` encrypted with a password.
    public static func isCompoundFile(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) }

    /// Bytes to be read as a workbook (and refused as one when they are not a readable `.xlsx`),
    /// whatever the file's name.
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool { isZip(bytes) || isCompoundFile(bytes) }

    /// `only`: the one sheet wanted (the others are not read); a workbook without it has no sheets.
    /// The sheets read share one budget (`WorkbookLimits`).
    public static func parse(_ bytes: [UInt8], only: String? = nil) throws(WorkbookFailure) -> SpreadsheetDocument {
        if isCompoundFile(bytes) { throw encryptedOrLegacy(bytes) }
        guard isZip(bytes) else { throw .notAWorkbook("это не архив книги Excel") }
        let archive = try WorkbookArchive(bytes: bytes)
        let parts = try WorkbookParts(archive)
        let reader = SheetReader(parts: parts, budget: ReadingBudget())
        var sheets: [Sheet] = []
        for entry in parts.sheets where entry.visible && (only == nil || entry.name == only) {
            guard let path = entry.path, let bytes = try archive.part(path) else { continue }
            let (table, problems) = try reader.read(bytes, part: path)
            sheets.append(Sheet(name: entry.name, table: table, problems: problems))
        }
        guard !parts.sheets.isEmpty else { throw .notAWorkbook("в книге нет листов") }
        return SpreadsheetDocument(sheets: sheets)
    }

    /// An encrypted OOXML package keeps its `EncryptionInfo` stream in the compound file; the
    /// directory names streams in UTF-16.
    static func encryptedOrLegacy(_ bytes: [UInt8]) -> WorkbookFailure {
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let found =
            bytes.count >= name.count && (0...(bytes.count - name.count)).contains { i in bytes[i..<(i + name.count)].elementsEqual(name) }
        return found ? .encrypted : .legacyExcel
    }
}
