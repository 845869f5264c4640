import Domain
import Reading

/// What is offered for judgement: a file, or one dataset sheet of a workbook (each judged all or
/// nothing on its own); where it came from and what it holds.
public struct Submission: Sendable {
    /// The caller's handle for it (its place in the caller's list).
    public var id: Int
    /// The caller's handle for the file it is (or is a sheet of).
    public var file: Int
    /// The folder: a `Код ОО` of config/schools.csv, or `district`.
    public var folder: String
    /// The file name as the school sent it.
    public var name: String
    /// The worksheet, for a workbook whose sheet was chosen when the night was planned.
    public var sheet: String?
    /// From the file's name, header or sheet name; nil when none says.
    public var dataset: Dataset?

    public init(id: Int, file: Int? = nil, folder: String, name: String, sheet: String? = nil, dataset: Dataset?) {
        self.id = id
        self.file = file ?? id
        self.folder = folder
        self.name = name
        self.sheet = sheet
        self.dataset = dataset
    }

    /// `шаблоны.xlsx — лист «Наставники»`, or the file name.
    public var label: String { SourceLabel.of(file: name, sheet: sheet) }
}

/// What reading a submitted file gave, with the stamp of the file that was read.
public enum Content: Sendable {
    /// The bytes, with their SHA-256.
    case bytes([UInt8], sha256: String, read: FileStamp?)
    /// The submission's sheet of a workbook, with the SHA-256 of its cells' text.
    case sheet(SpreadsheetDocument.Sheet, sha256: String, read: FileStamp?)
    /// Nothing could be read (a finding on the receipt; the file is rejected).
    case unreadable(CSVDocument.Failure)
    /// Not to be judged tonight (it changed while it was read): left for the next night.
    case withdrawn(reason: String)

    /// What the file looked like when it was read; nil when nothing was.
    public var stamp: FileStamp? {
        switch self {
        case .bytes(_, _, let read), .sheet(_, _, let read): read
        case .unreadable, .withdrawn: nil
        }
    }
}

/// A file left out of tonight's judgement, and why.
public struct Withdrawal: Sendable {
    public var submission: Submission
    public var reason: String
}
