import Domain
import Foundation
import Judgement
import Reading
import Registry

/// Records the night's judgements in apply order, a batch per transaction, and moves each file
/// where its record says once the batch is committed. A crash leaves every file either recorded
/// (and moved now, or by the next run's recovery) or untouched in the inbox. A file that changed
/// since it was read is not recorded: it waits for the next night, to be judged on what it holds;
/// so does a workbook's sheet read from other bytes than the workbook's first sheet was.
///
/// The dataset sheets of one workbook are recorded one by one, as their turns come; the workbook
/// is moved once, with its last sheet: to the archive when any sheet was taken (accepted or a
/// repeat), else to the quarantine. Until then its sheets' records have no stored path, and a run
/// that dies in between leaves the workbook in the inbox for the next night (whose repeat check
/// finds the sheets already taken).
struct Recorder {
    let registry: Registry
    let store: FileStore
    let run: Int64
    let asOf: CivilDate
    let inbox: DiskPath
    let faults: FaultPoints
    /// The night's files, by the submissions' `file`, and how many submissions each is (a
    /// workbook's dataset sheets).
    let entries: [InboxScan.Entry]
    let parts: [Int]
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
        /// The submissions' handle for the file (shared by a workbook's sheets).
        var fileID: Int
        /// Moved once committed: a file of its own, or a workbook's last sheet.
        var moves: Bool
    }

    /// A workbook some of whose sheets are still to come.
    private struct OpenWorkbook {
        var remaining: Int
        var kept = false
        /// Its sheets committed so far, and where they are in `taken`.
        var recorded: [(id: Int64, taken: Int)] = []
    }

    private var pending: [Item] = []
    private var pendingRows = 0
    /// Stored paths this run has given out and not yet moved to.
    private var destinations: Set<String> = []
    /// Files of the last committed batch, moved but not yet confirmed (the next commit confirms them).
    private var unconfirmed: [Int64] = []
    private var open: [Int: OpenWorkbook] = [:]
    /// What each file looked like when it was first read: a workbook's sheets must all agree.
    private var firstRead: [Int: FileStamp] = [:]
    private(set) var taken: [TakenFile] = []
    /// Files left for the next night after all, with why.
    private(set) var withdrawn: [(entry: InboxScan.Entry, reason: String)] = []
    /// Moves that failed after their commit: the files stay in the inbox, recorded, for the next
    /// run's recovery to move.
    private(set) var failedMoves: [RunProblem] = []

    init(
        registry: Registry, store: FileStore, run: Int64, asOf: CivilDate, inbox: String, faults: FaultPoints, entries: [InboxScan.Entry],
        parts: [Int]
    ) {
        self.registry = registry
        self.store = store
        self.run = run
        self.asOf = asOf
        self.inbox = DiskPath(inbox)
        self.faults = faults
        self.entries = entries
        self.parts = parts
    }

    /// Records a pass's judgements in apply order, batch by batch; returns the submissions not
    /// taken after all (they changed since they were read): the next pass does not count on them.
    mutating func record(_ judgements: [FileJudgement]) throws -> Set<Int> {
        faults("deliver")
        var notTaken: Set<Int> = []
        for judgement in judgements {
            if !add(judgement) { notTaken.insert(judgement.submission.id) }
            if isFull { notTaken.formUnion(try flush()) }
        }
        notTaken.formUnion(try flush())
        return notTaken
    }

    /// False for a workbook's sheet read from other bytes than its first sheet: left for the next night.
    private mutating func add(_ judgement: FileJudgement) -> Bool {
        let submission = judgement.submission
        let entry = entries[submission.file]
        let parts = self.parts[submission.file]
        if let read = judgement.read {
            if let first = firstRead[submission.file], first != read {
                withdrawn.append((entry, "книга изменилась, пока читались её листы — будет принята в следующий раз"))
                return false
            }
            firstRead[submission.file] = read
        }
        var kept = judgement.verdict != .rejected
        var moves = true
        if parts > 1 {
            var workbook = open[submission.file] ?? OpenWorkbook(remaining: parts)
            workbook.remaining -= 1
            workbook.kept = workbook.kept || kept
            kept = workbook.kept
            moves = workbook.remaining == 0
            open[submission.file] = workbook
        }
        var stored = ""
        if moves {
            stored = store.destination(accepted: kept, folder: submission.folder, date: asOf, name: submission.name, taken: destinations)
            destinations.insert(stored)
            for i in pending.indices where pending[i].fileID == submission.file { pending[i].file.storedPath = stored }
        }
        var findings = judgement.findings
        if let future = entry.modifiedInFuture { findings += [Self.clockAhead(future, file: submission.label)] }
        let file = TakenFile(
            folder: submission.folder, name: submission.name, sheet: submission.sheet, dataset: judgement.dataset,
            sha256: judgement.sha256 ?? "", verdict: judgement.verdict, rowCount: judgement.rowCount,
            inboxPath: "\(submission.folder)/\(submission.name)", storedPath: stored, findings: findings)
        pending.append(
            Item(
                file: file, rows: judgement.rows, entry: entry, read: judgement.read, id: submission.id, fileID: submission.file,
                moves: moves))
        pendingRows += judgement.rows?.count ?? 0
        return true
    }

    /// The receipt's word on a file whose time was ahead of the server's.
    static func clockAhead(_ modified: Date, file: String) -> Finding {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: modified)
        let shown = String(format: "%02d.%02d.%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
        return Finding(
            .warning, file: file,
            message: "Время изменения файла (\(shown)) — в будущем по часам сервера: проверьте дату и время на компьютере, "
                + "с которого отправлен файл. Файл принят к проверке, когда перестал меняться.")
    }

    private var isFull: Bool { pending.count >= Self.batchFiles || pendingRows >= Self.batchRows }

    /// Commits what is pending, then moves its files; returns the ids of files withdrawn because
    /// they changed since they were read.
    private mutating func flush() throws -> Set<Int> {
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
        // The sheets committed before their workbook's last, given its place with it.
        var placed: [(id: Int64, storedPath: String, fileID: Int)] = []
        for (item, _) in batch where item.moves {
            for sheet in open.removeValue(forKey: item.fileID)?.recorded ?? [] {
                placed.append((sheet.id, item.file.storedPath, item.fileID))
                taken[sheet.taken].storedPath = item.file.storedPath
            }
        }
        let ids = try registry.record(
            batch.map { ($0.0.file, $0.0.rows, $0.1) }, run: run, moved: unconfirmed, placed: placed.map { ($0.id, $0.storedPath) }
        ) {
            faults("in-transaction")
        }
        faults("committed")
        var moved: [Int64] = []
        var movedFiles: Set<Int> = []
        for ((item, _), id) in zip(batch, ids) {
            taken.append(item.file)
            guard item.moves else {
                open[item.fileID]?.recorded.append((id, taken.count - 1))
                continue
            }
            do {
                try store.move(item.entry.path, to: item.file.storedPath)
                moved.append(id)
                movedFiles.insert(item.fileID)
            } catch let problem as RunProblem {
                failedMoves.append(problem)
            } catch {
                failedMoves.append(.fileOperation(.move, path: item.entry.path.description, error))
            }
            destinations.remove(item.file.storedPath)
            faults("moved")
        }
        moved += placed.filter { movedFiles.contains($0.fileID) }.map(\.id)
        moved += zip(batch, ids).filter { !$0.0.0.moves && movedFiles.contains($0.0.0.fileID) }.map(\.1)
        unconfirmed = moved
        return notTaken
    }

    /// Commits the rest and confirms the last moves. A workbook some of whose sheets were left for
    /// the next night (it changed while the run read it) stays in the inbox: its sheets recorded
    /// tonight have nothing to move.
    mutating func finish() throws -> Recorded {
        _ = try flush()
        try registry.markMoved(unconfirmed + open.values.flatMap { $0.recorded.map(\.id) })
        unconfirmed = []
        open = [:]
        faults("confirmed")
        return Recorded(taken: taken, withdrawn: withdrawn, failedMoves: failedMoves)
    }
}

/// What the record stage did with the night's judgements.
struct Recorded {
    /// Files (and workbook sheets) recorded, in apply order.
    var taken: [TakenFile]
    /// Files left for the next night after all, with why (they changed since they were read).
    var withdrawn: [(entry: InboxScan.Entry, reason: String)]
    /// Committed files that could not be moved: they wait in the inbox for the next run's recovery.
    var failedMoves: [RunProblem]

    /// Every file the night left in the inbox after the scan, once: those the judge left out (they
    /// changed while read) and those not recorded.
    func leftAlone(withdrawn judged: [Withdrawal], entries: [InboxScan.Entry]) -> [(entry: InboxScan.Entry, reason: String)] {
        var seen: Set<DiskPath> = []
        return (judged.map { (entries[$0.submission.file], $0.reason) } + withdrawn).filter { seen.insert($0.0.path).inserted }
    }
}
