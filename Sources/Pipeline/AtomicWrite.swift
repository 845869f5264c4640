import Foundation
import Reading

/// Writes a file under a temporary name in the same folder (or in `staging`, on the same file
/// system, which the next run empties of what a killed one left) and renames it into place, so
/// that a reader never sees half a file and a failure leaves the previous file as it was.
///
/// The bytes go out with plain `write(2)`, without the `fsync` Foundation's `Data.write` adds: an
/// output is made again by the next night from the registry (which SQLite keeps durable), as the
/// workbooks libxlsxwriter writes are, and a flush to disk per page cost more than the page.
enum AtomicWrite {
    static func write(_ data: Data, to path: String, staging: String? = nil) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let name = (path as NSString).lastPathComponent
        let temporary = staging.map { "\($0)/\(UUID().uuidString)-\(name)" } ?? directory + "/.\(name).\(getpid()).tmp"
        do {
            try Self.create(temporary, with: data)
            guard rename(temporary, path) == 0 else {
                throw RunProblem.fileSystem(.write, path)
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// A new file holding `data` (the run's umask gives its permissions).
    private static func create(_ path: String, with data: Data) throws {
        do throws(DiskWrite.Failure) {
            try DiskWrite.create(path, Array(data))
        } catch {
            throw RunProblem.fileSystem(.write, path: path, errno: error.code)
        }
    }
}
