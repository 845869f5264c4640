/// What a workbook's own parts say about it: its sheets and where they lie, its date system, its
/// shared strings and the number format of each cell style.
struct WorkbookParts {
    struct SheetEntry {
        var name: String
        var visible: Bool
        /// The part's path in the archive; nil for a chart sheet (or a sheet whose part is missing).
        var path: String?
    }

    var sheets: [SheetEntry] = []
    /// Serial 0 is 1904-01-01 (old Mac workbooks), not 1899-12-30.
    var date1904 = false
    var sharedStrings: [String] = []
    /// The number format of each `cellXfs` style, by the style's index.
    var styleFormats: [NumberFormat] = []

    init(_ archive: WorkbookArchive) throws(WorkbookFailure) {
        if archive.contains("mimetype"), let kind = try archive.part("mimetype"),
            String(decoding: kind, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument")
        {
            throw .openDocument
        }
        let workbookPath =
            try Self.relationships(archive, of: "").first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        if workbookPath.lowercased().hasSuffix(".bin") { throw .binaryWorkbook }
        let otherOffice = ["word/", "ppt/"].contains { workbookPath.lowercased().hasPrefix($0) }
        guard !otherOffice, let workbook = try archive.part(workbookPath) else { throw Self.notAWorkbook(archive) }
        let related = try Self.relationships(archive, of: workbookPath)
        // Worksheets only: a chart sheet or dialog sheet has no cells.
        let byID = Dictionary(
            related.filter { $0.type.hasSuffix("/worksheet") }.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })

        var sheets: [SheetEntry] = []
        var date1904 = false
        // Matched by namespace: the `<x15:workbookPr>` current Excel writes in the extension list
        // is not the workbook's own, and says nothing of the date system.
        try PartParser.parse(workbook, part: workbookPath) { element in
            if element.is("workbookPr") {
                let value = element.attribute("date1904")
                date1904 = value == "1" || value == "true"
            } else if element.is("sheet") {
                let state = element.attribute("state")
                sheets.append(
                    SheetEntry(
                        name: element.attribute("name") ?? "", visible: state != "hidden" && state != "veryHidden",
                        path: element.attribute("id", in: .relationships).flatMap { byID[$0] }))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        if let path = related.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, let part = try archive.part(path) {
            sharedStrings = try Self.sharedStrings(part, part: path)
        }
        if let path = related.first(where: { $0.type.hasSuffix("/styles") })?.target, let part = try archive.part(path) {
            styleFormats = try Self.styleFormats(part, part: path)
        }
    }

    /// Why an archive without a workbook part is not one: a Word document or a presentation is
    /// named as such.
    private static func notAWorkbook(_ archive: WorkbookArchive) -> WorkbookFailure {
        if archive.contains("word/document.xml") { return .otherOfficeDocument("документ Word") }
        if archive.contains("ppt/presentation.xml") { return .otherOfficeDocument("презентация PowerPoint") }
        return .notAWorkbook("в архиве нет книги Excel")
    }

    struct Relationship {
        var id: String
        var type: String
        /// Resolved to a path in the archive.
        var target: String
    }

    /// The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" → `_rels/.rels`).
    static func relationships(_ archive: WorkbookArchive, of part: String) throws(WorkbookFailure) -> [Relationship] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let bytes = try archive.part(path) else { return [] }
        var found: [Relationship] = []
        try PartParser.parse(bytes, part: path, namespace: .packageRelationships) { element in
            guard element.is("Relationship"), element.attribute("TargetMode") != "External", let target = element.attribute("Target")
            else { return }
            found.append(
                Relationship(
                    id: element.attribute("Id") ?? "", type: element.attribute("Type") ?? "", target: resolve(target, from: folder)))
        }
        return found
    }

    /// `worksheets/sheet1.xml` from `xl` is `xl/worksheets/sheet1.xml`; `/xl/…` is from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Each `<si>`'s text: its `<t>`, or its rich-text runs' `<t>`s joined, escapes read back;
    /// phonetic hints left out.
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(WorkbookFailure) -> [String] {
        let table = SharedStrings()
        try PartParser.parse(bytes, part: part, events: table)
        return table.strings
    }

    private final class SharedStrings: PartEvents {
        var strings: [String] = []
        var current: [UInt8] = []
        var inText = false
        var phonetic = 0
        var failure: WorkbookFailure?

        func start(_ element: PartElement) {
            if element.is("si") {
                current.removeAll(keepingCapacity: true)
            } else if element.is("t") {
                inText = phonetic == 0
            } else if element.is("rPh") {
                phonetic += 1
            }
        }

        func end(_ name: PartName) {
            if name.is("si") {
                guard failure == nil else { return }
                strings.append(EscapedText.decode(current))
                if strings.count > WorkbookLimits.sharedStrings { failure = .tooLarge(.sharedStrings) }
            } else if name.is("t") {
                inText = false
            } else if name.is("rPh") {
                phonetic -= 1
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) { if inText { current.append(contentsOf: bytes) } }
    }

    /// The number format of every cell style (`cellXfs`), custom formats (`numFmts`) resolved.
    static func styleFormats(_ bytes: [UInt8], part: String) throws(WorkbookFailure) -> [NumberFormat] {
        var custom: [Int: String] = [:]
        var ids: [Int] = []
        var inCellStyles = false
        try PartParser.parse(
            bytes, part: part,
            start: { element in
                if element.is("numFmt") {
                    if let id = element.integer("numFmtId") { custom[id] = element.attribute("formatCode") ?? "" }
                } else if element.is("cellXfs") {
                    inCellStyles = true
                } else if element.is("xf") && inCellStyles {
                    ids.append(element.integer("numFmtId") ?? 0)
                }
            },
            end: { name in if name.is("cellXfs") { inCellStyles = false } })
        return ids.map { id in custom[id].map(NumberFormat.init(code:)) ?? NumberFormat(builtIn: id) }
    }
}
