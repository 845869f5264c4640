import Foundation

/// The one way bytes reach the disk, with one policy: every byte written (a short write goes on
/// from where it stopped, a write interrupted by a signal is made again), any other failure the
/// caller's with its `errno`, and an `fsync` where a crash must not lose what was answered for.
/// (libxlsxwriter's parts kept by `CXLSXTuning` follow the same rules in C.)
public enum DiskWrite {
    /// nil when every byte was written; else the `errno` of the write that failed.
    public static func all(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? EIO : errno }
            written += n
        }
        return nil
    }

    /// A file that could not be written: where, and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "\(path): \(DiskWrite.reason(code))" }

        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }
    }

    /// A file at `path` holding `bytes` (made anew, or emptied first unless `exclusive`), with
    /// `mode` under the process's umask; with `sync`, on the disk before this returns.
    public static func create(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o666, exclusive: Bool = false, sync: Bool = false)
        throws(Failure)
    {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), mode)
        guard fd >= 0 else { throw Failure(path: path, code: errno) }
        if let code = bytes.withUnsafeBytes({ all($0, to: fd) }) ?? (sync && fsync(fd) != 0 ? errno : nil) {
            close(fd)
            throw Failure(path: path, code: code)
        }
        guard close(fd) == 0 else { throw Failure(path: path, code: errno) }
    }

    /// The reason of an `errno`, as the system words it.
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
