import Foundation

/// What identifies the content of a file on disk without reading it: where it is and when it was
/// last written. Equal stamps before and after mean nobody wrote to the file in between.
public struct FileStamp: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}

/// A file's bytes read off disk, the one way every file a school sends is read (and the
/// configuration too): a symbolic link is not followed, only a regular file is ever opened (a FIFO
/// or a device is refused without waiting on it), a file over the size limit is refused before a
/// byte of it is read, and a file that changes while it is read is told apart.
public enum FileBytes {
    public enum Outcome: Sendable {
        case bytes([UInt8], FileStamp)
        case failed(CSVDocument.Failure)
        /// The file vanished, grew, shrank or was written to while it was read.
        case changed(reason: String)
    }

    public static func read(path: String, maxBytes: Int) -> Outcome { read(path: DiskPath(path), maxBytes: maxBytes) }

    public static func read(path: DiskPath, maxBytes: Int) -> Outcome {
        // Looked at before it is opened: a FIFO, a device or a file over the limit is never opened.
        guard let seen = stamp(path) else {
            if errno == ENOENT { return .changed(reason: "файл исчез до чтения") }
            return .failed(.unreadable(reason: String(cString: strerror(errno))))
        }
        guard seen.isRegular else { return .failed(.unreadable(reason: "это не обычный файл")) }
        guard seen.stamp.size <= maxBytes else { return .failed(.tooLarge(bytes: Int(seen.stamp.size), limit: maxBytes)) }
        let opened = openRegular(path)
        guard case .success(let (fd, before)) = opened else {
            if case .failure(let failure) = opened { return .failed(failure) }
            return .failed(.unreadable(reason: "это не обычный файл"))
        }
        defer { close(fd) }
        let size = Int(before.st_size)
        guard FileStamp(before) == seen.stamp, size <= maxBytes else { return .changed(reason: "файл заменён во время чтения") }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            count = done
            complete = done == size
        }
        var after = stat()
        var extra: UInt8 = 0
        guard complete, Foundation.read(fd, &extra, 1) == 0, fstat(fd, &after) == 0, FileStamp(after) == FileStamp(before) else {
            return .changed(reason: "файл изменился во время чтения — возможно, его ещё копируют")
        }
        return .bytes(bytes, FileStamp(before))
    }

    /// The stamp of what is at `path` now (a link itself, not its target), whether it is a regular
    /// file, and when the server last saw it change (its status change time: the server's own
    /// clock, whatever time the writer gave the file); nil when nothing is there (`errno` says why).
    public static func stamp(_ path: DiskPath) -> (stamp: FileStamp, isRegular: Bool, changed: Date)? {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return nil }
        let changed = Date(timeIntervalSince1970: TimeInterval(info.st_ctim.tv_sec) + TimeInterval(info.st_ctim.tv_nsec) / 1e9)
        return (FileStamp(info), (info.st_mode & S_IFMT) == S_IFREG, changed)
    }

    /// Up to `limit` bytes from the start of a regular file, and whether that is all of it; nil when
    /// it cannot be read.
    public static func head(path: DiskPath, limit: Int) -> (bytes: [UInt8], complete: Bool)? {
        guard stamp(path)?.isRegular == true, case .success(let (fd, info)) = openRegular(path) else { return nil }
        defer { close(fd) }
        let bytes = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            count = max(Foundation.read(fd, buffer.baseAddress!, limit), 0)
        }
        return (bytes, Int(info.st_size) <= bytes.count)
    }

    /// Opens without following a link and without blocking (a FIFO put in the file's place after it
    /// was looked at would wait for a writer), and keeps the descriptor only for a regular file.
    private static func openRegular(_ path: DiskPath) -> Result<(Int32, stat), CSVDocument.Failure> {
        let fd = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(.unreadable(reason: "это не обычный файл"))
        }
        return .success((fd, info))
    }
}
