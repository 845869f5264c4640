import Config
import Foundation
import Reading
import Registry

/// What a run does first: finish the moves a dead run had committed. The registry says where each
/// file (or stray) belongs; one still in the inbox as it was recorded goes there now. A move that
/// fails again is reported and left for the next run; it does not stop this one.
struct Recovery {
    let registry: Registry
    let store: FileStore
    let inbox: String
    let settings: Settings
    let faults: FaultPoints

    struct Outcome {
        var notes: [String] = []
        /// Inbox files still waiting for their move: the scan must not take them again.
        var waiting: Set<DiskPath> = []
    }

    func finishInterruptedMoves() throws -> Outcome {
        var outcome = Outcome()
        for pending in try registry.pendingMoves() {
            let path = pending.source.rawPath.map { DiskPath(inbox).appending($0) } ?? DiskPath(inbox + "/" + pending.inboxPath)
            let stored = DiskPath(store.absolute(pending.storedPath))
            // A sheet recorded before its workbook's last: the workbook stays, judged again tonight.
            if !pending.storedPath.isEmpty, FileBytes.stamp(path) != nil, isTheRecordedFile(path, pending) {
                do {
                    if FileBytes.stamp(stored) != nil {
                        _ = path.withCString { unlink($0) }  // copied across file systems before the crash
                    } else {
                        try store.move(path, to: pending.storedPath)
                    }
                } catch {
                    outcome.notes.append("перемещение после прерванного запуска не удалось, повтор в следующий раз: \(error)")
                    outcome.waiting.insert(path)
                    continue
                }
                faults("recovery-moved")
                outcome.notes.append("перемещение завершено после прерванного запуска: \(pending.inboxPath) → \(pending.storedPath)")
            }
            switch pending.kind {
            case .file: try registry.markMoved([pending.id])
            case .stray: try registry.markStrayMoved(pending.id)
            }
            faults("recovery-marked")
        }
        return outcome
    }

    /// The inbox holds the file that was recorded, not a newer one of the same name: its SHA-256
    /// when it was read, else (a file never read, or a sheet, whose SHA-256 is of its cells) its size
    /// and time.
    private func isTheRecordedFile(_ path: DiskPath, _ pending: PendingMove) -> Bool {
        switch pending.kind {
        case .stray:
            return true
        case .file where !pending.sha256.isEmpty && pending.sheet == nil:
            guard case .bytes(let bytes, _) = FileBytes.read(path: path, maxBytes: settings.maxFileBytes) else { return false }
            return FileReading.sha256(bytes) == pending.sha256
        case .file:
            guard let now = FileBytes.stamp(path)?.stamp else { return false }
            return pending.source.size == now.size && pending.source.modified == now.modified
        }
    }
}
