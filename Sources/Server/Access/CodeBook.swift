import Crypto
import Domain
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Toolkit

/// The server's view of `var/access/codes.json`: read again whenever the file changes (so that a
/// code revoked or issued anew by `nastavnik access` takes effect at once), and a code that was
/// verified remembered, by its SHA-256, for as long as its entry stays the same — one scrypt per
/// code and entry instead of one per request. The scrypt runs on NIO's thread pool, off the threads
/// that serve connections.
final class CodeBook: Sendable {
    let codes: AccessCodes
    private let pool: NIOThreadPool
    private let state = NIOLockedValueBox(State())

    struct State {
        /// The file as last read: its identity, and its entries.
        var file: FileIdentity?
        var entries: [String: AccessCodes.Entry] = [:]
        /// SHA-256 of a folder and a code verified → the entry's hash it was verified against.
        var verified: [String: String] = [:]
        /// Verifications under way: a burst of requests with one code waits for one scrypt.
        var verifying: [String: Task<Bool, Never>] = [:]
    }

    /// Verified codes remembered at most; past it, forgotten all at once.
    static let memory = 10_000

    init(codes: AccessCodes, pool: NIOThreadPool) {
        self.codes = codes
        self.pool = pool
    }

    /// The current entries, read again when the file changed.
    func entries() -> [String: AccessCodes.Entry] {
        let identity = FileIdentity(codes.path)
        return state.withLockedValue { state in
            if state.file != identity || identity == nil {
                state.entries = (try? codes.load()) ?? [:]
                state.file = identity
            }
            return state.entries
        }
    }

    /// What stands for `folder`'s current code (its hash), nil when it has none: a session opened
    /// with a code lasts while this stays the same.
    func stamp(_ folder: String) -> String? { entries()[folder]?.hash }

    /// Whether `code` is `folder`'s current code.
    func check(_ folder: String, code: String) async -> Bool {
        guard let entry = entries()[folder] else { return false }
        let key = Self.key(folder, code) + entry.hash
        let pool = self.pool
        let verification = state.withLockedValue { state -> Task<Bool, Never>? in
            if state.verified[key] == entry.hash { return nil }
            if let running = state.verifying[key] { return running }
            let task = Task { (try? await pool.runIfActive { AccessCodes.matches(code, entry) }) ?? false }
            state.verifying[key] = task
            return task
        }
        guard let verification else { return true }
        let right = await verification.value
        state.withLockedValue { state in
            state.verifying[key] = nil
            if right {
                if state.verified.count >= Self.memory { state.verified.removeAll() }
                state.verified[key] = entry.hash
            }
        }
        return right
    }

    /// The folder whose code this is: the one entry with its first letters, checked.
    func owner(of code: String) async -> String? {
        let prefix = AccessCodes.prefix(code)
        for (folder, entry) in entries().sorted(by: { $0.key < $1.key }) where entry.prefix == prefix {
            if await check(folder, code: code) { return folder }
        }
        return nil
    }

    private static func key(_ folder: String, _ code: String) -> String {
        Hex.lowercase(SHA256.hash(data: Array((folder + "\u{1F}" + AccessCodes.normalized(code)).utf8)))
    }
}

/// What tells a file apart from the one that was there before: device, inode, size and the time
/// of its last change (a file replaced by a rename is another inode).
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var changed: Int64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}
