import Domain
import Foundation
import GRDB

/// What became of a file a run took (SPEC §7 «Результат»).
public enum Verdict: String, Sendable, Codable {
    case accepted = "принят"
    case rejected = "отклонён"
    case duplicate = "повтор"
}

/// A file taken from the inbox and what became of it, as the registry records it and the run reports it.
public struct TakenFile: Sendable {
    public var folder: String
    public var name: String
    public var dataset: Dataset?
    public var sha256: String
    public var verdict: Verdict
    public var rowCount: Int
    /// Where the file lay (relative to the inbox), and where it goes (relative to the state folder:
    /// archive or quarantine), decided before the commit so that a run that dies after it can
    /// finish the move.
    public var inboxPath: String
    public var storedPath: String
    public var findings: [Finding]

    public init(
        folder: String, name: String, dataset: Dataset?, sha256: String, verdict: Verdict, rowCount: Int,
        inboxPath: String, storedPath: String, findings: [Finding]
    ) {
        self.folder = folder
        self.name = name
        self.dataset = dataset
        self.sha256 = sha256
        self.verdict = verdict
        self.rowCount = rowCount
        self.inboxPath = inboxPath
        self.storedPath = storedPath
        self.findings = findings
    }
}

/// A file recorded by a run whose move out of the inbox may not have happened.
public struct PendingMove: Sendable {
    public var fileID: Int64
    public var inboxPath: String
    public var storedPath: String
    public var sha256: String
}

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

    /// The SHA-256 of the file behind a school's current snapshot of a dataset.
    public func currentSHA(school: String, dataset: Dataset) throws -> String? {
        try queue.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT f.sha256 FROM snapshot s JOIN source_file f ON f.id = s.file_id
                    WHERE s.school = ? AND s.dataset = ? AND s.replaced_by_run IS NULL
                    """, arguments: [school, dataset.rawValue])
        }
    }

    /// Records a file with its findings and, when it is accepted, makes its rows the school's
    /// snapshot of the dataset, closing the previous one — all in one transaction.
    /// `beforeCommit` runs inside the transaction (the crash tests stop the process there).
    @discardableResult
    public func record(
        _ file: TakenFile, rows: DatasetRows?, run: Int64, beforeCommit: () -> Void = {}
    ) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO source_file (run_id, folder, name, dataset, sha256, verdict, row_count, inbox_path, stored_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run, file.folder, file.name, file.dataset?.rawValue, file.sha256, file.verdict.rawValue,
                    file.rowCount, file.inboxPath, file.storedPath,
                ])
            let fileID = db.lastInsertedRowID
            let insertFinding = try db.cachedStatement(
                sql: "INSERT INTO finding (file_id, seq, severity, row, column_name, value, message) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (seq, f) in file.findings.enumerated() {
                try insertFinding.execute(arguments: [fileID, seq, f.severity.rawValue, f.row, f.column, f.value, f.message])
            }
            if file.verdict == .accepted, let rows, let dataset = file.dataset {
                try db.execute(
                    sql: "UPDATE snapshot SET replaced_by_run = ? WHERE school = ? AND dataset = ? AND replaced_by_run IS NULL",
                    arguments: [run, file.folder, dataset.rawValue])
                try db.execute(
                    sql: "INSERT INTO snapshot (school, dataset, file_id, run_id) VALUES (?, ?, ?, ?)",
                    arguments: [file.folder, dataset.rawValue, fileID, run])
                try RowWriter.insert(rows, snapshot: db.lastInsertedRowID, db: db)
            }
            beforeCommit()
            return fileID
        }
    }

    public func markMoved(_ fileID: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE source_file SET moved = 1 WHERE id = ?", arguments: [fileID])
        }
    }

    public func pendingMoves() throws -> [PendingMove] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, inbox_path, stored_path, sha256 FROM source_file WHERE moved = 0 ORDER BY id")
                .map { PendingMove(fileID: $0["id"], inboxPath: $0["inbox_path"], storedPath: $0["stored_path"], sha256: $0["sha256"]) }
        }
    }
}

/// Inserts each dataset's rows with one prepared statement per table (a million rows a second).
enum RowWriter {
    static func insert(_ rows: DatasetRows, snapshot: Int64, db: Database) throws {
        switch rows {
        case .profile(let list):
            let s = try db.makeStatement(sql: "INSERT INTO profile_row VALUES (?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [snapshot, r.row, r.teachersTotal, r.teachersUnder35, r.youngSpecialists, r.siteURL])
            }
        case .curators(let list):
            let s = try db.makeStatement(sql: "INSERT INTO curator_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.position,
                    r.orderNumber, r.orderDate.iso,
                ])
            }
        case .mentors(let list):
            let s = try db.makeStatement(sql: "INSERT INTO mentor_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.birthDate?.iso,
                    r.position, r.subject, r.experienceYears, r.category.rawValue, r.trainingDate?.iso, r.publishConsent,
                ])
            }
        case .mentees(let list):
            let s = try db.makeStatement(sql: "INSERT INTO mentee_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.birthDate.iso,
                    r.position, r.subject, r.experienceYears, r.deficits, r.publishConsent,
                ])
            }
        case .programs(let list):
            let s = try db.makeStatement(sql: "INSERT INTO program_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, r.number, Int64(r.mentor.value), r.mentees.map(\.digits).joined(separator: ","),
                    r.form.rawValue, r.model.rawValue, r.directions.map(\.rawValue).joined(separator: "; "),
                    r.mode.rawValue, r.startDate.iso, r.endDate.iso, r.pairOrder, r.status.rawValue, r.closedDate?.iso,
                    r.closeReason?.rawValue, r.resultsURL,
                ])
            }
        case .roadmap(let list):
            let s = try db.makeStatement(sql: "INSERT INTO roadmap_row VALUES (?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [snapshot, r.row, r.itemCode, r.doneDate.iso, r.document, r.note])
            }
        }
    }
}

/// Times in the registry and the journal: UTC, ISO 8601 with seconds.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension Registry {
    /// Runs before `run` that began and never finished: killed, or stopped by the machine.
    public func interruptedRuns(before run: Int64) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM run WHERE finished_at IS NULL AND id < ? ORDER BY id", arguments: [run])
        }
    }

    /// The files a run took, with their findings, in the order it took them.
    public func files(ofRun run: Int64) throws -> [TakenFile] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source_file WHERE run_id = ? ORDER BY id", arguments: [run]).map { row in
                let findings = try Row.fetchAll(
                    db, sql: "SELECT * FROM finding WHERE file_id = ? ORDER BY seq", arguments: [row["id"] as Int64]
                ).map { f in
                    Finding(
                        Severity(rawValue: f["severity"])!, file: row["name"], row: f["row"], column: f["column_name"], value: f["value"],
                        message: f["message"])
                }
                return TakenFile(
                    folder: row["folder"], name: row["name"], dataset: (row["dataset"] as String?).flatMap(Dataset.init(rawValue:)),
                    sha256: row["sha256"], verdict: Verdict(rawValue: row["verdict"])!, rowCount: row["row_count"],
                    inboxPath: row["inbox_path"], storedPath: row["stored_path"], findings: findings)
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
