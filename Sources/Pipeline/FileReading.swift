import Crypto
import Domain
import Foundation
import Judgement
import Reading
import Validation

/// How the files a run takes (and the files `validate` is given) are read: regular files only,
/// never past the size limit, the bytes and their SHA-256 from one read, and a file that changes
/// while it is read left for the next night.
public enum FileReading {
    /// The file's content for judgement.
    public static func content(path: String, maxBytes: Int) -> Content {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(.unreadable(reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else {
            return .unreadable(.unreadable(reason: "это не обычный файл"))
        }
        let size = Int(before.st_size)
        guard size <= maxBytes else { return .unreadable(.tooLarge(bytes: size, limit: maxBytes)) }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            count = done
            complete = done == size
        }
        var after = stat()
        var extra: UInt8 = 0
        guard complete, read(fd, &extra, 1) == 0, fstat(fd, &after) == 0, after.st_size == before.st_size,
            after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
        else { return .withdrawn(reason: "файл изменился во время чтения — возможно, его ещё копируют") }
        return .bytes(bytes, sha256: sha256(bytes))
    }

    /// The first bytes of a file, for recognising its dataset by its header; nil when it cannot
    /// be read (the judgement then says why).
    public static func head(path: String) -> (bytes: [UInt8], complete: Bool)? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let limit = DatasetRecognition.headBytes
        let bytes = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            let n = read(fd, buffer.baseAddress!, limit)
            count = max(n, 0)
        }
        return (bytes, Int(info.st_size) <= bytes.count)
    }

    /// The dataset a file holds: by its name, else by its header.
    public static func recognise(name: String, path: String) -> Dataset? {
        if let dataset = DatasetRecognition.fromFileName(name) { return dataset }
        guard let head = head(path: path) else { return nil }
        return DatasetRecognition.recognise(name: name, head: head.bytes, complete: head.complete)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 of a file on disk (the recovery of an interrupted move), read in blocks.
    static func sha256(path: String, maxBytes: Int) -> String? {
        guard case .bytes(_, let sha) = content(path: path, maxBytes: maxBytes) else { return nil }
        return sha
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
