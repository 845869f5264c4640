import Domain
import Foundation
import Registry

/// Everything one run did, for the summary, the receipts and the journal.
public struct RunReport: Sendable {
    public var runID: Int64
    public var startedAt: Date
    public var finishedAt: Date
    public var asOf: CivilDate
    public var period: String?
    /// Files taken tonight, in apply order.
    public var files: [TakenFile] = []
    /// Files of earlier runs that died (or failed) before writing their receipts: this run's
    /// receipts cover them, and the runs are in `owingReceipts`.
    public var earlierFiles: [TakenFile] = []
    public var owingReceipts: [Int64] = []
    /// Things quarantined unread: unknown folders, files at the inbox root, links.
    public var strays: [StrayRecord] = []
    public var leftAlone: [(path: String, reason: String)] = []
    /// School folders that could not be listed: a finding on the school's receipt.
    public var folderProblems: [(folder: String, message: String)] = []
    /// What the recovery of an interrupted run did.
    public var recovered: [String] = []
    /// What went wrong with the run itself (a committed file not moved waits in the inbox for the
    /// next run's recovery): the run's exit code follows from these alone (`RunEnd.of`).
    public var problems: [RunProblem] = []
    /// Runs that died before finishing, recorded by this one with exit code 137.
    public var interruptedRuns: [Int64] = []
    /// Seconds per stage, in the order the stages ran.
    public var timings: [(name: String, seconds: Double)] = []
    /// The process's peak memory after each stage, MB.
    public var peaks: [(name: String, megabytes: Double)] = []

    /// Every file the receipts of this run cover.
    public var receiptFiles: [TakenFile] { earlierFiles + files }

    /// What the stages up to recording made.
    mutating func add(_ earlier: NightlyRun.Earlier, scanned: InboxScan, strays: [StrayRecord], recorded: Recorded) {
        interruptedRuns = earlier.interrupted
        owingReceipts = earlier.owingReceipts
        earlierFiles = earlier.files
        leftAlone = scanned.leftAlone
        folderProblems = scanned.problems.map { ($0.folder, $0.message) }
        self.strays = strays
        files = recorded.taken
        problems += recorded.failedMoves
    }
}
