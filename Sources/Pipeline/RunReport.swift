import Domain
import Foundation

/// The options of one `nastavnik run`.
public struct RunOptions: Sendable {
    public var asOf: CivilDate
    /// `2023-H1` or `2023-H2`; nil: the half-year holding `asOf`.
    public var period: String?
    public var now: Date
    /// Called after each file with its number, the number of files, and what became of it.
    public var progress: (@Sendable (Int, Int, TakenFile) -> Void)?

    public init(asOf: CivilDate, period: String?, now: Date = Date(), progress: (@Sendable (Int, Int, TakenFile) -> Void)? = nil) {
        self.asOf = asOf
        self.period = period
        self.now = now
        self.progress = progress
    }

    var reportingPeriod: ReportingPeriod { period.flatMap(ReportingPeriod.init) ?? ReportingPeriod(containing: asOf) }
}

/// Everything one run did, for the summary, the receipts and the journal.
public struct RunReport: Sendable {
    public var runID: Int64
    public var startedAt: Date
    public var finishedAt: Date
    public var asOf: CivilDate
    public var period: String?
    /// Files taken tonight, in apply order.
    public var files: [TakenFile] = []
    /// Files earlier runs took that have no receipt yet (they died before writing them).
    public var earlierFiles: [TakenFile] = []
    /// Things quarantined unread: unknown folders, files at the inbox root, links.
    public var strays: [(name: String, reason: String, storedPath: String)] = []
    public var leftAlone: [(path: String, reason: String)] = []
    /// Moves a previous, interrupted run committed but did not finish.
    public var recovered: [String] = []
    /// Runs that died before finishing; their files are reported (receipts) with this run's.
    public var interruptedRuns: [Int64] = []

    /// Every file the receipts of this run cover.
    public var receiptFiles: [TakenFile] { earlierFiles + files }
}
