import Domain
import Foundation

/// Who is signed in: a session per sign-in, kept in memory (a restart signs everyone out), by a
/// random token in an HttpOnly, SameSite=Strict cookie; each session with its own CSRF token, which
/// every form and every request of the page carries. Sessions end after eight idle hours.
actor Sessions {
    struct Session: Sendable {
        /// The folder the code opened: a school's, or `district`.
        var folder: String
        var csrf: String
        var lastSeen: Date
    }

    static let idle: TimeInterval = 8 * 3600
    private var sessions: [String: Session] = [:]

    func open(_ folder: String, now: Date = Date()) -> (token: String, session: Session) {
        let token = Self.random()
        let session = Session(folder: folder, csrf: Self.random(), lastSeen: now)
        sessions[token] = session
        return (token, session)
    }

    func session(_ token: String?, now: Date = Date()) -> Session? {
        guard let token, var session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < Self.idle else {
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

/// Wrong codes from one address: from the third, each answer waits a fifth of a second more (up
/// to two seconds); after ten in fifteen minutes, the address is refused for fifteen minutes. A
/// right code clears the count.
actor Throttle {
    struct Record {
        var failures: [Date] = []
        var blockedUntil: Date?
    }

    static let window: TimeInterval = 15 * 60
    static let limit = 10
    private var records: [String: Record] = [:]

    /// nil: the address may try now; else how long it is refused.
    func refusal(_ address: String, now: Date = Date()) -> TimeInterval? {
        guard let until = records[address]?.blockedUntil, until > now else { return nil }
        return until.timeIntervalSince(now)
    }

    /// Records a wrong code; returns how long to wait before answering.
    func failed(_ address: String, now: Date = Date()) -> TimeInterval {
        var record = records[address] ?? Record()
        record.failures = record.failures.filter { now.timeIntervalSince($0) < Self.window } + [now]
        if record.failures.count >= Self.limit { record.blockedUntil = now.addingTimeInterval(Self.window) }
        records[address] = record
        return min(Double(max(record.failures.count - 2, 0)) * 0.2, 2)
    }

    func succeeded(_ address: String) { records[address] = nil }
}
