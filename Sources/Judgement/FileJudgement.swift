import Domain
import Reading

/// The night's verdict on one file.
public struct FileJudgement: Sendable {
    public var submission: Submission
    public var verdict: Verdict
    /// Of the bytes judged; nil when the file could not be read.
    public var sha256: String?
    public var encoding: TextEncoding?
    public var delimiter: Delimiter?
    /// Data rows (header and blank rows not counted).
    public var rowCount: Int
    public var findings: FindingList
    /// The rows to apply: present exactly when the file is accepted.
    public var rows: DatasetRows?
    /// What the file looked like when it was read: the run records it only if it still does.
    public var read: FileStamp?
    /// Tonight's other files its verdict rests on (a programme's people lists).
    public var reliedOn = Reliance()

    public var dataset: Dataset? { submission.dataset }

    public init(
        submission: Submission, verdict: Verdict, sha256: String?, encoding: TextEncoding?, delimiter: Delimiter?, rowCount: Int,
        findings: FindingList, rows: DatasetRows?, read: FileStamp?
    ) {
        self.submission = submission
        self.verdict = verdict
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowCount = rowCount
        self.findings = findings
        self.rows = rows
        self.read = read
    }
}

/// The files judged tonight that a file's verdict rests on: a programme names mentors and mentees,
/// who are looked up in its school's lists accepted tonight and, for an invited mentor, in other
/// schools' (named by number only: a school does not see another's files).
public struct Reliance: Sendable, Equatable {
    /// Labels of the same folder's files (`наставники.csv`, `шаблоны.xlsx — лист «Наставники»`).
    public var own: [String] = []
    /// Other folders' mentors lists accepted tonight that list one of its mentors.
    public var otherFolders = 0

    public init(own: [String] = [], otherFolders: Int = 0) {
        self.own = own
        self.otherFolders = otherFolders
    }
}
