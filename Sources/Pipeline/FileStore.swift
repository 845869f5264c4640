import Domain
import Foundation

/// The state folder's archive and quarantine: every file taken from the inbox ends in exactly one
/// of them, moved (never copied and deleted where a rename can do) and never overwriting another.
/// Paths inside the store are kept relative to the state folder (`archive/<folder>/<date>/<name>`),
/// so that the registry and the journal stay valid when the installation moves.
struct FileStore {
    let state: String

    func absolute(_ relative: String) -> String { state + "/" + relative }

    /// A free path `archive|quarantine/<folder>/<date>/<name>`; a name already taken gets « (2)», « (3)»….
    func destination(accepted: Bool, folder: String, date: CivilDate, name: String) -> String {
        let directory = "\(accepted ? "archive" : "quarantine")/\(folder)/\(date.iso)"
        let stem = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = "\(directory)/\(name)"
        var n = 2
        while FileManager.default.fileExists(atPath: absolute(candidate)) || isSymlink(absolute(candidate)) {
            candidate = "\(directory)/\(stem) (\(n))" + (ext.isEmpty ? "" : ".\(ext)")
            n += 1
        }
        return candidate
    }

    /// Moves a file (or a symbolic link, or a folder) to `stored` (relative to the state folder): a
    /// rename, or on another file system a copy that is synced before the original is removed.
    func move(_ source: String, to stored: String) throws {
        let destination = absolute(stored)
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if rename(source, destination) == 0 { return }
        guard errno == EXDEV else {
            throw RunError.io("не удалось переместить \(source) в \(destination): \(String(cString: strerror(errno)))")
        }
        let temporary = destination + ".part"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: source, toPath: temporary)
        let fd = open(temporary, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        guard rename(temporary, destination) == 0 else {
            throw RunError.io("не удалось переместить \(source) в \(destination): \(String(cString: strerror(errno)))")
        }
        try FileManager.default.removeItem(atPath: source)
    }

    func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
