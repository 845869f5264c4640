import Domain
import Foundation
import Judgement
import Reading
import Registry

/// Records the night's judgements in apply order, a batch per transaction, and moves each file
/// where its record says once the batch is committed. A crash leaves every file either recorded
/// (and moved now, or by the next run's recovery) or untouched in the inbox. A file that changed
/// since it was read is not recorded: it waits for the next night, to be judged on what it holds.
struct Recorder {
    let registry: Registry
    let store: FileStore
    let run: Int64
    let asOf: CivilDate
    let inbox: DiskPath
    let faults: FaultPoints
    /// Files per transaction, and rows (a large file is a batch of its own).
    static let batchFiles = 256
    static let batchRows = 50_000

    private struct Item {
        var file: TakenFile
        var rows: DatasetRows?
        var entry: InboxScan.Entry
        /// Of what was read; nil for a file never read (too large, unreadable, not a regular file).
        var read: FileStamp?
        var id: Int
    }

    private var pending: [Item] = []
    private var pendingRows = 0
    /// Stored paths this run has given out and not yet moved to.
    private var destinations: Set<String> = []
    /// Files of the last committed batch, moved but not yet confirmed (the next commit confirms them).
    private var unconfirmed: [Int64] = []
    private(set) var taken: [TakenFile] = []
    /// Files left for the next night after all, with why.
    private(set) var withdrawn: [(entry: InboxScan.Entry, reason: String)] = []
    /// Moves that failed after their commit: the files stay in the inbox, recorded, for the next
    /// run's recovery to move.
    private(set) var failedMoves: [String] = []

    init(registry: Registry, store: FileStore, run: Int64, asOf: CivilDate, inbox: String, faults: FaultPoints) {
        self.registry = registry
        self.store = store
        self.run = run
        self.asOf = asOf
        self.inbox = DiskPath(inbox)
        self.faults = faults
    }

    mutating func add(_ judgement: FileJudgement, entry: InboxScan.Entry, read: FileStamp?) {
        let submission = judgement.submission
        let stored = store.destination(
            accepted: judgement.verdict != .rejected, folder: submission.folder, date: asOf, name: submission.name, taken: destinations)
        destinations.insert(stored)
        let file = TakenFile(
            folder: submission.folder, name: submission.name, dataset: judgement.dataset, sha256: judgement.sha256 ?? "",
            verdict: judgement.verdict, rowCount: judgement.rowCount, inboxPath: "\(submission.folder)/\(submission.name)",
            storedPath: stored, findings: judgement.findings)
        pending.append(Item(file: file, rows: judgement.rows, entry: entry, read: read, id: submission.id))
        pendingRows += judgement.rows?.count ?? 0
    }

    var isFull: Bool { pending.count >= Self.batchFiles || pendingRows >= Self.batchRows }

    /// Commits what is pending, then moves its files; returns the ids of files withdrawn because
    /// they changed since they were read.
    mutating func flush() throws -> Set<Int> {
        guard !pending.isEmpty else { return [] }
        var batch: [(Item, SourceOnDisk)] = []
        var notTaken: Set<Int> = []
        for item in pending {
            let now = FileBytes.stamp(item.entry.path)
            if let read = item.read, now?.stamp != read {
                withdrawn.append(
                    (item.entry, now == nil ? "файл исчез после чтения" : "файл изменился после чтения — будет принят в следующий раз"))
                notTaken.insert(item.id)
                continue
            }
            let raw = FileName.isUTF8(item.entry.path.bytes) ? nil : Array(item.entry.path.bytes.dropFirst(inbox.bytes.count + 1))
            batch.append((item, SourceOnDisk(rawPath: raw, size: now?.stamp.size, modified: now?.stamp.modified)))
        }
        pending = []
        pendingRows = 0
        let ids = try registry.record(batch.map { ($0.0.file, $0.0.rows, $0.1) }, run: run, moved: unconfirmed) {
            faults("in-transaction")
        }
        faults("committed")
        var moved: [Int64] = []
        for ((item, _), id) in zip(batch, ids) {
            do {
                try store.move(item.entry.path, to: item.file.storedPath)
                moved.append(id)
            } catch {
                failedMoves.append("\(error)")
            }
            destinations.remove(item.file.storedPath)
            faults("moved")
            taken.append(item.file)
        }
        unconfirmed = moved
        return notTaken
    }

    /// Commits the rest and confirms the last moves.
    mutating func finish() throws -> Set<Int> {
        let notTaken = try flush()
        try registry.markMoved(unconfirmed)
        unconfirmed = []
        faults("confirmed")
        return notTaken
    }
}
