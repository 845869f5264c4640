import Configuration
import Foundation
import Registry

/// What a run does first: finish the moves of files a killed run had already committed. The
/// registry says where each belongs; a file still in the inbox with the same content goes there now.
struct Recovery {
    let registry: Registry
    let store: FileStore
    let inbox: String
    let settings: Settings
    let faults: FaultPoints

    func finishInterruptedMoves() throws -> [String] {
        var notes: [String] = []
        for pending in try registry.pendingMoves() {
            let path = inbox + "/" + pending.inboxPath
            if FileManager.default.fileExists(atPath: path),
                FileReading.sha256(path: path, maxBytes: settings.maxFileBytes) == pending.sha256
            {
                if FileManager.default.fileExists(atPath: store.absolute(pending.storedPath)) {
                    try FileManager.default.removeItem(atPath: path)  // copied across file systems before the crash
                } else {
                    try store.move(path, to: pending.storedPath)
                }
                faults("recovery-moved")
                notes.append("перемещение завершено после прерванного запуска: \(pending.inboxPath) → \(pending.storedPath)")
            }
            try registry.markMoved([pending.fileID])
        }
        return notes
    }
}
