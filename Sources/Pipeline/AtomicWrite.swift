import Foundation

/// Writes a file under a temporary name in the same folder (or in `staging`, on the same file
/// system, which the next run empties of what a killed one left) and renames it into place, so
/// that a reader never sees half a file and a failure leaves the previous file as it was.
enum AtomicWrite {
    static func write(_ data: Data, to path: String, staging: String? = nil) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = (path as NSString).lastPathComponent
        let temporary = staging.map { "\($0)/\(UUID().uuidString)-\(name)" } ?? directory + "/.\(name).\(getpid()).tmp"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw RunProblem.fileSystem(.write, path)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
