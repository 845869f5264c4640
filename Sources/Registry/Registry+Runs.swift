import Domain
import Foundation
import GRDB

/// Runs: when each began and ended, with its exit code, and the files it took.
extension Registry {
    public func beginRun(startedAt: Date, asOf: CivilDate, period: String?) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO run (started_at, as_of, period) VALUES (?, ?, ?)",
                arguments: [Timestamp.text(startedAt), asOf.iso, period])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ run: Int64, exitCode: Int32, finishedAt: Date) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE run SET finished_at = ?, exit_code = ? WHERE id = ?",
                arguments: [Timestamp.text(finishedAt), exitCode, run])
        }
    }

    /// When the latest run began, as recorded (ISO 8601, UTC); nil before the first.
    public func lastRunStarted() throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT started_at FROM run ORDER BY id DESC LIMIT 1") }
    }

    /// Runs before `run` that began and never finished: killed, or stopped by the machine.
    public func interruptedRuns(before run: Int64) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM run WHERE finished_at IS NULL AND id < ? ORDER BY id", arguments: [run])
        }
    }

    /// Runs before `run` whose receipts were never written (killed or failed before their outputs).
    public func runsOwingReceipts(before run: Int64) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM run WHERE receipts_written = 0 AND id < ? ORDER BY id", arguments: [run])
        }
    }

    /// Runs before `run` with no journal on disk yet (killed before writing it).
    public func runsOwingJournals(before run: Int64) throws -> [RunRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run WHERE journal_written = 0 AND id < ? ORDER BY id", arguments: [run]).map(
                RunRecord.init)
        }
    }

    public func markReceiptsWritten(_ runs: [Int64]) throws {
        try queue.write { db in
            for run in runs { try db.execute(sql: "UPDATE run SET receipts_written = 1 WHERE id = ?", arguments: [run]) }
        }
    }

    public func markJournalWritten(_ run: Int64) throws {
        try queue.write { db in try db.execute(sql: "UPDATE run SET journal_written = 1 WHERE id = ?", arguments: [run]) }
    }

    /// The files a run took, with their findings, in the order it took them.
    public func files(ofRun run: Int64) throws -> [TakenFile] {
        try queue.read { db in
            var findings: [Int64: [Finding]] = [:]
            for f in try Row.fetchAll(
                db,
                sql: """
                    SELECT fi.file_id, fi.severity, fi.row, fi.column_name, fi.value, fi.message, f.name, f.sheet FROM finding fi
                    JOIN source_file f ON f.id = fi.file_id WHERE f.run_id = ? ORDER BY fi.file_id, fi.seq
                    """, arguments: [run])
            {
                findings[f[0], default: []].append(
                    Finding(
                        Severity(rawValue: f[1])!, file: SourceLabel.of(file: f[6], sheet: f[7]), row: f[2], column: f[3], value: f[4],
                        message: f[5]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM source_file WHERE run_id = ? ORDER BY id", arguments: [run]).map { row in
                let kept = findings[row["id"]] ?? []
                return TakenFile(
                    folder: row["folder"], name: row["name"], sheet: row["sheet"],
                    dataset: (row["dataset"] as String?).flatMap(Dataset.init(rawValue:)),
                    sha256: row["sha256"], verdict: Verdict(rawValue: row["verdict"])!, rowCount: row["row_count"],
                    inboxPath: row["inbox_path"], storedPath: row["stored_path"],
                    findings: FindingList(
                        items: kept, errorCount: row["error_count"] ?? kept.count { $0.severity == .error },
                        warningCount: row["warning_count"] ?? kept.count { $0.severity == .warning }))
            }
        }
    }

    /// What a run quarantined unread, in the order it did.
    public func strays(ofRun run: Int64) throws -> [StrayRecord] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM stray WHERE run_id = ? ORDER BY id", arguments: [run]).map {
                StrayRecord(
                    folder: $0["folder"], name: $0["name"], reason: $0["reason"], inboxPath: $0["inbox_path"], storedPath: $0["stored_path"]
                )
            }
        }
    }

    /// Every run with its exit code (nil while it has not finished).
    public func runs() throws -> [(id: Int64, exitCode: Int32?)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, exit_code FROM run ORDER BY id").map { ($0["id"], $0["exit_code"]) }
        }
    }
}

/// A run as the registry keeps it.
public struct RunRecord: Sendable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var asOf: CivilDate
    public var period: String?
    public var exitCode: Int32?

    init(_ row: Row) {
        id = row["id"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        asOf = CivilDate(iso: row["as_of"])!
        period = row["period"]
        exitCode = row["exit_code"]
    }
}
