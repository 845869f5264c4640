import Domain
import Reading

/// A file offered for judgement: where it came from and what its name (or header) says it holds.
public struct Submission: Sendable {
    /// The caller's handle for the file (its place in the caller's list).
    public var id: Int
    /// The folder: a `Код ОО` of config/schools.csv, or `district`.
    public var folder: String
    /// The file name as the school sent it.
    public var name: String
    /// From `DatasetRecognition.recognise`; nil when neither name nor header says.
    public var dataset: Dataset?

    public init(id: Int, folder: String, name: String, dataset: Dataset?) {
        self.id = id
        self.folder = folder
        self.name = name
        self.dataset = dataset
    }
}

/// What reading a submitted file gave.
public enum Content: Sendable {
    /// The bytes, with their SHA-256.
    case bytes([UInt8], sha256: String)
    /// Nothing could be read (a finding on the receipt; the file is rejected).
    case unreadable(CSVDocument.Failure)
    /// Not to be judged tonight (it changed while it was read): left for the next night.
    case withdrawn(reason: String)
}

/// A file left out of tonight's judgement, and why.
public struct Withdrawal: Sendable {
    public var submission: Submission
    public var reason: String
}
