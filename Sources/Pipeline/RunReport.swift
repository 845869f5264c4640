import Domain
import Foundation

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
