import Foundation

/// Bytes to an open file, every one of them: a short write goes on from where it stopped, a write
/// interrupted by a signal is made again; any other failure is the caller's, with its `errno`.
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

    /// The reason of an `errno`, as the system words it.
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
