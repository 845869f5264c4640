/// What became of a file a run took (SPEC §7 «Результат»).
public enum Verdict: String, Sendable, Codable {
    case accepted = "принят"
    case rejected = "отклонён"
    case duplicate = "повтор"
}

/// A file taken from the inbox and what became of it: as the registry records it, the receipt
/// shows it and the journal lists it.
public struct TakenFile: Sendable {
    public var folder: String
    public var name: String
    /// The worksheet judged, for a workbook (each dataset sheet is a submission of its own).
    public var sheet: String?
    public var dataset: Dataset?
    /// Of the bytes judged (of a sheet: of the text of its cells, so that a workbook saved again
    /// unchanged is a repeat); empty when the file could not be read at all.
    public var sha256: String
    public var verdict: Verdict
    public var rowCount: Int
    /// Where the file lay (relative to the inbox), and where it goes (relative to the state folder:
    /// archive or quarantine), decided before the commit so that a run that dies after it can
    /// finish the move.
    public var inboxPath: String
    public var storedPath: String
    public var findings: FindingList

    /// How receipts and journals name what was judged: the file, or the file and its sheet.
    public var label: String { SourceLabel.of(file: name, sheet: sheet) }

    public init(
        folder: String, name: String, sheet: String? = nil, dataset: Dataset?, sha256: String, verdict: Verdict, rowCount: Int,
        inboxPath: String, storedPath: String, findings: FindingList
    ) {
        self.folder = folder
        self.name = name
        self.sheet = sheet
        self.dataset = dataset
        self.sha256 = sha256
        self.verdict = verdict
        self.rowCount = rowCount
        self.inboxPath = inboxPath
        self.storedPath = storedPath
        self.findings = findings
    }
}

/// `шаблоны.xlsx — лист «Наставники»`: how a sheet of a workbook is named wherever a file would be.
public enum SourceLabel {
    public static func of(file: String, sheet: String?) -> String { sheet.map { "\(file) — лист «\($0)»" } ?? file }
}
