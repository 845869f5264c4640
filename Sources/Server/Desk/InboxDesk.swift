import Crypto
import Domain
import Foundation
import NIOCore
import NIOPosix
import Pipeline
import Reading
import Registry
import Toolkit

/// Where an upload goes, so that the night never sees half a file, never loses one, and a rejected
/// upload never replaces anything:
///
/// - the body is written into the school's inbox folder under a hidden name the night ignores
///   (`.upload-<id>.part`), and counted: only a body that arrived whole is judged;
/// - a file the judgement takes (`принят`, `повтор`) is renamed to its name, replacing the earlier
///   one the night has not taken; a rejected one takes its name only when nothing waits under it
///   (so the night judges it again, and may take it once the files it needs have come), else it is
///   kept aside in `var/uploads/rejected/<folder>/`, with its verdict, and the waiting file stays;
/// - while the night holds its lock nothing in the inbox is touched: the upload waits as
///   `.pending-<id>` beside a `.pending-<id>.name` holding its name (short, whatever the name),
///   and takes its place when the night is over (`settle`).
struct InboxDesk: Sendable {
    let inbox: String
    let state: String
    let maxBytes: Int
    /// Where the wait for the disk (the fsync of an upload) goes, off the threads that serve.
    let pool: NIOThreadPool

    enum Failure: Error, Equatable {
        case tooLarge(limit: Int)
        /// The connection ended before the body did.
        case cut(received: Int, expected: Int?)
        case nightRunning
        case notFound
        case io(String)
    }

    /// Where an upload was put.
    enum Placement: String, Sendable {
        /// In the school's folder, for the night.
        case inbox
        /// Waiting for the night to end, then in the school's folder.
        case pending
        /// Rejected, and a file waits under its name: kept aside, the waiting file untouched.
        case kept
    }

    /// A file waiting for the night.
    struct Waiting: Sendable, Equatable {
        var name: String
        var size: Int64
        var path: String
        /// Placed while the night ran: it takes its place when the night is over.
        var pending: Bool
    }

    /// A body received whole, under its hidden name.
    struct Received: Sendable {
        var path: String
        var size: Int
        var sha256: String
    }

    func folder(_ code: String) -> String { inbox + "/" + code }

    // MARK: receiving

    /// The body, written as it comes; refused past `maxBytes` (from `Content-Length` before a byte
    /// is written), and unless exactly `Content-Length` bytes (or a whole chunked body) arrived.
    func receive(_ code: String, declaredLength: Int?, body: some AsyncSequence<ByteBuffer, any Error>) async throws -> Received {
        if let declaredLength, declaredLength > maxBytes { throw Failure.tooLarge(limit: maxBytes) }
        let directory = folder(code)
        if mkdir(directory, 0o750) != 0 && errno != EEXIST { throw Failure.io(DiskWrite.reason(errno)) }
        let path = directory + "/.upload-\(Self.uniqueID()).part"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw Failure.io(DiskWrite.reason(errno)) }
        var hasher = SHA256()
        var size = 0
        do {
            for try await chunk in body {
                size += chunk.readableBytes
                if size > maxBytes { throw Failure.tooLarge(limit: maxBytes) }
                try chunk.withUnsafeReadableBytes { bytes in
                    hasher.update(bufferPointer: bytes)
                    if let code = DiskWrite.all(bytes, to: fd) { throw Failure.io(DiskWrite.reason(code)) }
                }
            }
            if let declaredLength, size != declaredLength { throw Failure.cut(received: size, expected: declaredLength) }
            let synced = try await pool.runIfActive { fsync(fd) == 0 ? nil : errno }
            if let code = synced { throw Failure.io(DiskWrite.reason(code)) }
            close(fd)
        } catch {
            close(fd)
            unlink(path)
            // NIO's decoder ends a body the connection cut with an error of its own.
            throw error is Failure ? error : Failure.cut(received: size, expected: declaredLength)
        }
        return Received(path: path, size: size, sha256: Hex.lowercase(hasher.finalize()))
    }

    /// Removes a received body that is not placed.
    func discard(_ received: Received) { unlink(received.path) }

    // MARK: placing

    /// The received file given its name, as its verdict allows (see the type's comment).
    func place(_ received: Received, folder code: String, name: String, taken: Bool) throws -> Placement {
        let night = nightRunning()
        if !taken && waiting(code).contains(where: { $0.name == name }) { return .kept }
        if night {
            let pending = folder(code) + "/.pending-" + Self.uniqueID()
            try write(Array(name.utf8), to: pending + ".name")
            guard rename(received.path, pending) == 0 else { throw failure(unlinking: received.path) }
            return .pending
        }
        let target = folder(code) + "/" + name
        if taken {
            guard rename(received.path, target) == 0 else { throw failure(unlinking: received.path) }
        } else {
            // Only where nothing is: a file that came under this name meanwhile stays.
            guard link(received.path, target) == 0 else {
                if errno == EEXIST { return .kept }
                throw failure(unlinking: received.path)
            }
            unlink(received.path)
        }
        return .inbox
    }

    /// Uploads that waited for the night, put in their places now that it is over, in the order
    /// they came (a later one of the same name replaces an earlier one).
    func settle() {
        guard !nightRunning(), let folders = try? FileManager.default.contentsOfDirectory(atPath: inbox) else { return }
        for code in folders.sorted() where !code.hasPrefix(".") {
            for pending in self.pending(code) {
                if rename(pending.path, folder(code) + "/" + pending.name) == 0 { unlink(pending.path + ".name") }
            }
        }
    }

    /// Whether the night holds its lock now.
    func nightRunning() -> Bool { RunLock.isHeld(state: state) }

    // MARK: what waits

    /// A school's files waiting for the night: those in its folder the night would take, and the
    /// pending ones (in place of a file of the same name), by name.
    func waiting(_ code: String) -> [Waiting] {
        let directory = folder(code)
        var byName: [String: Waiting] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            guard !name.hasPrefix("."), FileName.inFlight(name) == nil else { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            byName[name] = Waiting(name: name, size: Int64(info.st_size), path: directory + "/" + name, pending: false)
        }
        for pending in pending(code) {
            var info = stat()
            guard lstat(pending.path, &info) == 0 else { continue }
            byName[pending.name] = Waiting(name: pending.name, size: Int64(info.st_size), path: pending.path, pending: true)
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// Withdraws a file the night has not taken (refused while the night runs).
    func withdraw(_ code: String, name: String) throws {
        guard !nightRunning() else { throw Failure.nightRunning }
        guard let file = waiting(code).first(where: { $0.name == name }) else { throw Failure.notFound }
        guard unlink(file.path) == 0 else { throw Failure.io(DiskWrite.reason(errno)) }
        if file.pending { unlink(file.path + ".name") }
    }

    /// `.pending-<id>` files with their names, in the order they came (the id begins with the time).
    private func pending(_ code: String) -> [(name: String, path: String)] {
        let directory = folder(code)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(".pending-") && !$0.hasSuffix(".name") }.sorted().compactMap { entry in
            let path = directory + "/" + entry
            guard let name = FileManager.default.contents(atPath: path + ".name"), !name.isEmpty else { return nil }
            return (String(decoding: name, as: UTF8.self), path)
        }
    }

    // MARK: rejected uploads kept aside

    /// A rejected upload that did not replace the file waiting under its name.
    struct Kept: Codable, Sendable, Equatable {
        var name: String
        /// ISO 8601, UTC, as the registry writes times (`Timestamp`).
        var time: String
        var size: Int
        var sha256: String
        var verdicts: [JudgedFile]
    }

    private func keptFolder(_ code: String) -> String { state + "/uploads/rejected/" + code }

    /// Keeps a rejected upload aside with its verdicts: `<id>` and `<id>.json`.
    func keep(_ received: Received, folder code: String, kept: Kept) throws {
        let directory = keptFolder(code)
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        let path = directory + "/" + Self.uniqueID()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write(Array(try encoder.encode(kept)), to: path + ".json")
        guard rename(received.path, path) == 0 else { throw failure(unlinking: received.path) }
    }

    /// The rejected uploads kept since `since` (ISO 8601; all when nil), newest first, each name
    /// once: a later upload of the same name, taken or not, stands for it.
    func kept(_ code: String, since: String?, besides waiting: [Waiting]) -> [Kept] {
        let directory = keptFolder(code)
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }
        var out: [Kept] = []
        for entry in entries.sorted().reversed() {
            guard let data = FileManager.default.contents(atPath: directory + "/" + entry),
                let kept = try? JSONDecoder().decode(Kept.self, from: data), since.map({ kept.time > $0 }) ?? true,
                !out.contains(where: { $0.name == kept.name })
            else { continue }
            // A file placed under its name after it came stands for it.
            let came = Self.modified(directory + "/" + entry.dropLast(".json".count))
            if let file = waiting.first(where: { $0.name == kept.name }), let placed = Self.modified(file.path), let came, placed > came {
                continue
            }
            out.append(kept)
        }
        return out
    }

    // MARK: pieces

    /// Unique and in the order of creation: nanoseconds since 1970 and eight random bits, in hex.
    static func uniqueID() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanos = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        let hex = String(nanos, radix: 16)
        return String(repeating: "0", count: max(16 - hex.count, 0)) + hex + Hex.lowercase([UInt8.random(in: 0...255)])
    }

    /// A file's modification time, in nanoseconds (its body was written then: a placed upload's
    /// is when it arrived).
    static func modified(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do throws(DiskWrite.Failure) {
            try DiskWrite.create(path, bytes, mode: 0o640, sync: true)
        } catch {
            throw Failure.io(DiskWrite.reason(error.code))
        }
    }

    private func failure(unlinking path: String) -> Failure {
        let reason = DiskWrite.reason(errno)
        unlink(path)
        return .io(reason)
    }
}
