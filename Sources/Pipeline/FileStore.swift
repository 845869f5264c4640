import Domain
import Foundation
import Reading

/// The state folder's archive and quarantine: every file taken from the inbox ends in exactly one
/// of them, moved (never copied and deleted where a rename can do) and never overwriting another.
/// Paths inside the store are kept relative to the state folder (`archive/<folder>/<date>_<name>`:
/// one folder per school, made once, not one per school and night — a country's night would make
/// forty thousand folders, and making a folder costs more than moving a file),
/// so that the registry and the journal stay valid when the installation moves.
final class FileStore: @unchecked Sendable {
    let state: String
    /// Folders already made this run.
    private var made: Set<String> = []
    private let lock = NSLock()

    init(state: String) { self.state = state }

    func absolute(_ relative: String) -> String { state + "/" + relative }

    /// A free path `archive|quarantine/<folder>/<date>_<name>`, its name in UTF-8 (as the curator
    /// reads it) and within the file system's 255 bytes; a name already taken gets « (2)», « (3)»….
    func destination(accepted: Bool, folder: String, date: CivilDate, name: String, taken: Set<String> = []) -> String {
        let directory = "\(accepted ? "archive" : "quarantine")/\(folder)"
        let dated = "\(date.iso)_\(name)"
        var candidate = "\(directory)/\(FileName.fitted(dated))"
        var n = 2
        while taken.contains(candidate) || FileBytes.stamp(DiskPath(absolute(candidate))) != nil {
            candidate = "\(directory)/\(FileName.numbered(dated, suffix: " (\(n))"))"
            n += 1
        }
        return candidate
    }

    /// Moves a file (or a symbolic link, a FIFO, a folder) to `stored` (relative to the state
    /// folder): a rename, or on another file system a copy that is synced before the original is
    /// removed. What is archived is readable by the service and the district's group only.
    func move(_ source: DiskPath, to stored: String) throws {
        let destination = absolute(stored)
        try makeFolder(String(destination[..<(destination.lastIndex(of: "/") ?? destination.startIndex)]))
        let renamed = source.withCString { from in DiskPath(destination).withCString { rename(from, $0) } }
        if renamed != 0 {
            guard errno == EXDEV else {
                throw RunProblem.fileSystem(.move, source.description)
            }
            try copyAcross(source, to: destination)
        }
        if FileBytes.stamp(DiskPath(destination))?.isRegular == true { chmod(destination, 0o640) }
    }

    /// Folders of the state (and the outbox) are the service's and the district group's.
    func makeFolder(_ path: String) throws {
        lock.lock()
        let known = made.contains(path)
        lock.unlock()
        guard !known else { return }
        if mkdir(path, 0o750) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        }
        lock.lock()
        made.insert(path)
        lock.unlock()
    }

    /// Across file systems: a copy under a temporary name, synced, renamed into place, and only then
    /// the original removed. A folder or anything but a regular file goes by `FileManager`.
    private func copyAcross(_ source: DiskPath, to destination: String) throws {
        let temporary = destination + ".part"
        unlink(temporary)
        if FileBytes.stamp(source)?.isRegular == true {
            let input = source.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
            guard input >= 0 else { throw RunProblem.fileSystem(.read, source.description) }
            defer { close(input) }
            let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            guard output >= 0 else { throw RunProblem.fileSystem(.write, temporary) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var failed = false
            while true {
                let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = n < 0
                    break
                }
                if buffer.withUnsafeBytes({ DiskWrite.all(UnsafeRawBufferPointer(rebasing: $0[0..<n]), to: output) }) != nil {
                    failed = true
                    break
                }
            }
            let synced = fsync(output) == 0
            close(output)
            guard !failed, synced else {
                let code = errno
                unlink(temporary)
                throw RunProblem.fileSystem(.copy, path: source.description, errno: code)
            }
        } else {
            try FileManager.default.copyItem(atPath: source.description, toPath: temporary)
        }
        guard rename(temporary, destination) == 0 else {
            throw RunProblem.fileSystem(.move, temporary)
        }
        let removed = source.withCString { path -> Bool in unlink(path) == 0 || rmdir(path) == 0 }
        if !removed { try FileManager.default.removeItem(atPath: source.description) }
    }
}
