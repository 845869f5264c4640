import Domain
import Foundation
import GRDB

/// An output kept from an earlier night: what its content was made from, and where it is.
public struct OutputStamp: Sendable, Equatable {
    public var fingerprint: String
    public var path: String

    public init(fingerprint: String, path: String) {
        self.fingerprint = fingerprint
        self.path = path
    }
}

extension Registry {
    public func outputStamps() throws -> [String: OutputStamp] {
        try queue.read { db in
            var out: [String: OutputStamp] = [:]
            try SQLiteRows.each(db, "SELECT name, fingerprint, path FROM output_stamp") { row in
                out[row.plainText(0)] = OutputStamp(fingerprint: row.plainText(1), path: row.plainText(2))
            }
            return out
        }
    }

    public func setOutputStamps(_ stamps: [(name: String, stamp: OutputStamp)]) throws {
        guard !stamps.isEmpty else { return }
        try queue.write { db in
            let insert = try SQLiteInsert(db, "INSERT OR REPLACE INTO output_stamp (name, fingerprint, path) VALUES (?, ?, ?)")
            for (name, stamp) in stamps {
                try insert.run {
                    $0.text(name)
                    $0.text(stamp.fingerprint)
                    $0.text(stamp.path)
                }
            }
        }
    }

    /// What the registry's current content is made of: changes whenever a snapshot is opened or
    /// closed (every accepted file does both).
    public func contentVersion() throws -> String {
        try queue.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT max(id), count(*), count(replaced_by_run) FROM snapshot")
            return "\(row?[0] as Int64? ?? 0)/\(row?[1] as Int64? ?? 0)/\(row?[2] as Int64? ?? 0)"
        }
    }
}

/// Figures kept between nights (`figures_cache`), opaque to the registry.
extension Registry {
    public func cachedFigures(_ key: String) throws -> Data? {
        try queue.read { db in try Data.fetchOne(db, sql: "SELECT value FROM figures_cache WHERE key = ?", arguments: [key]) }
    }

    public func cacheFigures(_ key: String, _ value: Data) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO figures_cache (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// The last run of an as-of date on or before `day`: what the registry's state on that day is.
    public func lastRun(onOrBefore day: CivilDate) throws -> Int64? {
        try queue.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM run WHERE as_of <= ?", arguments: [day.iso]) }
    }
}
