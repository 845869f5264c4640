import Foundation

/// A file's bytes read off disk, the one way every file a school sends is read (and the
/// configuration too): a symbolic link is not followed, only a regular file is ever read (a FIFO
/// or a device is refused without waiting on it), a file over the size limit is refused before a
/// byte of it is read, and a file that changes while it is read is told apart.
public enum FileBytes {
    public enum Outcome: Sendable {
        case bytes([UInt8])
        case failed(CSVDocument.Failure)
        /// The file grew, shrank or was written to while it was read.
        case changed
    }

    public static func read(path: String, maxBytes: Int) -> Outcome {
        let opened = openRegular(path)
        guard case .success(let (fd, before)) = opened else {
            if case .failure(let failure) = opened { return .failed(failure) }
            return .failed(.unreadable(reason: "это не обычный файл"))
        }
        defer { close(fd) }
        let size = Int(before.st_size)
        guard size <= maxBytes else { return .failed(.tooLarge(bytes: size, limit: maxBytes)) }
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
        guard complete, Foundation.read(fd, &extra, 1) == 0, fstat(fd, &after) == 0, after.st_size == before.st_size,
            after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        else { return .changed }
        return .bytes(bytes)
    }

    /// Up to `limit` bytes from the start of a regular file, and whether that is all of it; nil when
    /// it cannot be read.
    public static func head(path: String, limit: Int) -> (bytes: [UInt8], complete: Bool)? {
        guard case .success(let (fd, info)) = openRegular(path) else { return nil }
        defer { close(fd) }
        let bytes = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            count = max(Foundation.read(fd, buffer.baseAddress!, limit), 0)
        }
        return (bytes, Int(info.st_size) <= bytes.count)
    }

    /// Opens without following a link and without blocking (a FIFO would wait for a writer), and
    /// keeps the descriptor only for a regular file.
    private static func openRegular(_ path: String) -> Result<(Int32, stat), CSVDocument.Failure> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(.unreadable(reason: "это не обычный файл"))
        }
        return .success((fd, info))
    }
}
