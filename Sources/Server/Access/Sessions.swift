import Domain
import Foundation
import Toolkit

/// Who is signed in: a session per sign-in, kept in memory (a restart signs everyone out), by a
/// random token in an HttpOnly, SameSite=Strict cookie; each session with its own CSRF token, which
/// every form and every request of the page carries. A session lasts while the code it was opened
/// with is the folder's code (`CodeBook.stamp`: revoking or issuing a new code ends it at once),
/// and at most eight idle hours; signing out ends it on the server.
actor Sessions {
    struct Session: Sendable {
        /// The folder the code opened: a school's, or the level's own (`district`).
        var folder: String
        var csrf: String
        /// The folder's code when the session was opened (`CodeBook.stamp`).
        var code: String
        var lastSeen: Date
    }

    static let idle: TimeInterval = 8 * 3600
    /// Sessions kept at most: past it, the one idle longest is ended.
    static let capacity = 10_000
    private var sessions: [String: Session] = [:]

    func open(_ folder: String, code: String, now: Date = Date()) -> (token: String, session: Session) {
        if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
            sessions[oldest.key] = nil
        }
        let token = Self.random()
        let session = Session(folder: folder, csrf: Self.random(), code: code, lastSeen: now)
        sessions[token] = session
        return (token, session)
    }

    /// The session of `token` while its code stands (`current` gives a folder's code now).
    func session(_ token: String?, current: @Sendable (String) -> String?, now: Date = Date()) -> Session? {
        guard let token, var session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < Self.idle, current(session.folder) == session.code else {
            sessions[token] = nil
            return nil
        }
        session.lastSeen = now
        sessions[token] = session
        return session
    }

    func close(_ token: String?) {
        if let token { sessions[token] = nil }
    }

    /// 32 random bytes, hex.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.lowercase((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
