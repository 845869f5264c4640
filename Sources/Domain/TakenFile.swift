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
    public var dataset: Dataset?
    /// Of the bytes judged; empty when the file could not be read at all.
    public var sha256: String
    public var verdict: Verdict
    public var rowCount: Int
    /// Where the file lay (relative to the inbox), and where it goes (relative to the state folder:
    /// archive or quarantine), decided before the commit so that a run that dies after it can
    /// finish the move.
    public var inboxPath: String
    public var storedPath: String
    public var findings: FindingList

    public init(
        folder: String, name: String, dataset: Dataset?, sha256: String, verdict: Verdict, rowCount: Int,
        inboxPath: String, storedPath: String, findings: FindingList
    ) {
        self.folder = folder
        self.name = name
        self.dataset = dataset
        self.sha256 = sha256
        self.verdict = verdict
        self.rowCount = rowCount
        self.inboxPath = inboxPath
        self.storedPath = storedPath
        self.findings = findings
    }
}
