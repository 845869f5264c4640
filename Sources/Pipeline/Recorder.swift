import Domain
import Foundation
import Judgement
import Registry

/// Records the night's judgements in apply order, a batch per transaction, and moves each file
/// where its record says once the batch is committed. A crash leaves every file either recorded
/// (and moved now, or by the next run's recovery) or untouched in the inbox.
struct Recorder {
    let registry: Registry
    let store: FileStore
    let run: Int64
    let asOf: CivilDate
    let faults: FaultPoints
    /// Files per transaction, and rows (a large file is a batch of its own).
    static let batchFiles = 256
    static let batchRows = 50_000

    private var pending: [(file: TakenFile, rows: DatasetRows?, path: String)] = []
    private var pendingRows = 0
    /// Files of the last committed batch, moved but not yet confirmed (the next commit confirms them).
    private var unconfirmed: [Int64] = []
    private(set) var taken: [TakenFile] = []

    init(registry: Registry, store: FileStore, run: Int64, asOf: CivilDate, faults: FaultPoints) {
        self.registry = registry
        self.store = store
        self.run = run
        self.asOf = asOf
        self.faults = faults
    }

    mutating func add(_ judgement: FileJudgement, path: String) throws {
        let submission = judgement.submission
        let file = TakenFile(
            folder: submission.folder, name: submission.name, dataset: judgement.dataset, sha256: judgement.sha256 ?? "",
            verdict: judgement.verdict, rowCount: judgement.rowCount, inboxPath: "\(submission.folder)/\(submission.name)",
            storedPath: store.destination(
                accepted: judgement.verdict != .rejected, folder: submission.folder, date: asOf, name: submission.name),
            findings: judgement.findings)
        pending.append((file, judgement.rows, path))
        pendingRows += judgement.rows?.count ?? 0
        if pending.count >= Self.batchFiles || pendingRows >= Self.batchRows { try flush() }
    }

    /// Commits what is pending, then moves its files.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        pendingRows = 0
        let ids = try registry.record(batch.map { ($0.file, $0.rows) }, run: run, moved: unconfirmed) {
            faults("in-transaction")
        }
        faults("committed")
        for item in batch {
            try store.move(item.path, to: item.file.storedPath)
            faults("moved")
            taken.append(item.file)
        }
        unconfirmed = ids
    }

    /// Commits the rest and confirms the last moves.
    mutating func finish() throws {
        try flush()
        try registry.markMoved(unconfirmed)
        unconfirmed = []
        faults("confirmed")
    }
}
