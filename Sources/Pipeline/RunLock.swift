import Foundation

/// One run at a time: an exclusive `flock` on a file in the state folder. The kernel releases it
/// when the process ends, however it ends, so a crashed run never leaves a stale lock.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock, or returns nil at once when another process holds it.
    public init?(path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw RunProblem.fileSystem(.openLock, path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The lock's file in the state folder.
    public static func path(state: String) -> String { state + "/nastavnik.lock" }

    /// Whether a run holds the lock now. Read from the kernel's table of locks (`/proc/locks`),
    /// without taking the lock, so that a run starting this very moment is never refused by it.
    public static func isHeld(state: String) -> Bool {
        var info = stat()
        guard stat(path(state: state), &info) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return false
        }
        let inode = ":\(info.st_ino) "
        return locks.split(separator: "\n").contains { $0.contains("FLOCK") && ($0 + " ").contains(inode) }
    }
}
