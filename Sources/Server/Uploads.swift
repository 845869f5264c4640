import Crypto
import Domain
import Foundation
import Reading

/// Where a school's uploads go, so that the night never sees half a file and never loses one. An
/// upload is written into the school's inbox folder under a hidden temporary name the night
/// ignores (`.upload-….part`), judged there, and renamed to its own name only when complete. While
/// the night runs (its lock held) nothing in the inbox is touched: the upload waits under a hidden
/// name (`.pending-…`) and takes its place once the night is over. A name is reduced to one safe
/// file name; a same-name upload replaces the earlier one the night has not taken. Every upload
/// and withdrawal is a line in `var/audit/uploads.jsonl`.
struct Uploads: Sendable {
    let inbox: String
    let state: String
    let maxBytes: Int

    enum Failure: Error, Equatable {
        case badName
        case tooLarge(limit: Int)
        case nightRunning
        case notFound
        case io(String)
    }

    /// A file waiting for the night.
    struct Waiting: Sendable, Codable, Equatable {
        var name: String
        var size: Int64
        /// Placed while the night ran: it takes its place when the night is over.
        var pending: Bool
    }

    func folder(_ code: String) -> String { inbox + "/" + code }

    /// One safe file name from what the client gave: its last path component (`a/b.csv` is
    /// `b.csv`), without control characters, not hidden, not a name the night leaves alone, within
    /// the file system's 255 bytes; nil when nothing is left.
    static func safeName(_ raw: String) -> String? {
        var name = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        name = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
        name = name.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") || name.hasPrefix("~$") { name.removeFirst(name.hasPrefix("~$") ? 2 : 1) }
        for suffix in [".tmp", ".part"] where name.lowercased().hasSuffix(suffix) { name.removeLast(suffix.count) }
        guard !name.isEmpty, name != "..", name != "." else { return nil }
        return FileName.fitted(name)
    }

    /// Whether the night holds its lock now. Read from the kernel's table of locks (`/proc/locks`),
    /// without taking the lock, so that a night starting this very moment is never refused by it.
    func nightRunning() -> Bool {
        var info = stat()
        guard stat(state + "/nastavnik.lock", &info) == 0,
            let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return false }
        let inode = ":\(info.st_ino) "
        return locks.split(separator: "\n").contains { $0.contains("FLOCK") && ($0 + " ").contains(inode) }
    }

    /// The body, written under a temporary name in the school's folder; refused past `maxBytes`.
    func receive(_ folder: String, declaredLength: Int?, body: some AsyncSequence<Data, any Error>) async throws -> String {
        if let declaredLength, declaredLength > maxBytes { throw Failure.tooLarge(limit: maxBytes) }
        let directory = self.folder(folder)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/.upload-\(Sessions.random().prefix(16)).part"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw Failure.io(String(cString: strerror(errno))) }
        var written = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func flush() throws {
            let ok = buffer.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n <= 0 { return false }
                    done += n
                }
                return true
            }
            buffer.removeAll(keepingCapacity: true)
            guard ok else { throw Failure.io(String(cString: strerror(errno))) }
        }
        do {
            for try await chunk in body {
                written += chunk.count
                if written > maxBytes { throw Failure.tooLarge(limit: maxBytes) }
                buffer.append(contentsOf: chunk)
                if buffer.count >= 1 << 16 { try flush() }
            }
            try flush()
            guard fsync(fd) == 0 else { throw Failure.io(String(cString: strerror(errno))) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// The received file given its name: renamed into the inbox, or left waiting while the night runs.
    func place(_ temporary: String, folder: String, name: String) throws -> Waiting {
        let size = Int64((try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0)
        let target = nightRunning() ? pendingPath(folder, name) : self.folder(folder) + "/" + name
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure.io(reason)
        }
        return Waiting(name: name, size: size, pending: target != self.folder(folder) + "/" + name)
    }

    /// Uploads that waited for the night, put in their places now that it is over.
    func settle() {
        guard !nightRunning(), let folders = try? FileManager.default.contentsOfDirectory(atPath: inbox) else { return }
        for folder in folders where !folder.hasPrefix(".") {
            for (name, path) in pending(folder) { rename(path, self.folder(folder) + "/" + name) }
        }
    }

    /// A school's files waiting for the night: in its folder, and pending.
    func waiting(_ folder: String) -> [Waiting] {
        let directory = self.folder(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var out: [Waiting] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            out.append(Waiting(name: name, size: Int64(info.st_size), pending: false))
        }
        for (name, path) in pending(folder) {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            out.removeAll { $0.name == name }
            out.append(Waiting(name: name, size: Int64(size), pending: true))
        }
        return out
    }

    /// Withdraws a file the night has not taken (refused while the night runs).
    func withdraw(_ folder: String, name: String) throws {
        guard let safe = Self.safeName(name), safe == name else { throw Failure.badName }
        guard !nightRunning() else { throw Failure.nightRunning }
        let pendingFile = pendingPath(folder, name)
        if unlink(pendingFile) == 0 { return }
        let path = self.folder(folder) + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Failure.notFound }
        guard unlink(path) == 0 else { throw Failure.io(String(cString: strerror(errno))) }
    }

    /// `.pending-<hex of the name>`: hidden from the night, one per name.
    private func pendingPath(_ folder: String, _ name: String) -> String {
        self.folder(folder) + "/.pending-" + Hex.lowercase(Array(name.utf8))
    }

    private func pending(_ folder: String) -> [(name: String, path: String)] {
        let directory = self.folder(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(".pending-") }.sorted().compactMap { entry in
            guard let bytes = AccessCodes.bytes(hex: String(entry.dropFirst(".pending-".count))) else { return nil }
            return (String(decoding: bytes, as: UTF8.self), directory + "/" + entry)
        }
    }
}

/// `var/audit/uploads.jsonl`: a line per upload and withdrawal.
actor AuditJournal {
    struct Line: Encodable {
        let time: String
        let action: String
        let school: String
        let file: String
        let size: Int64?
        let sha256: String?
        let address: String
        let verdict: String?
    }

    let path: String

    init(state: String) { path = state + "/audit/uploads.jsonl" }

    /// Appends the line; why not, when it could not be.
    func append(_ line: Line) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(line)
            data.append(0x0A)
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            guard fd >= 0 else { return String(cString: strerror(errno)) }
            defer { close(fd) }
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            return written == data.count ? nil : String(cString: strerror(errno))
        } catch {
            return "\(error)"
        }
    }

    static func sha256(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Hex.lowercase(SHA256.hash(data: data))
    }
}
