import Domain
import Foundation
import GRDB

/// A file whose move into the archive or the quarantine was committed but not yet confirmed.
public struct PendingMove: Sendable {
    public var fileID: Int64
    public var inboxPath: String
    public var storedPath: String
    public var sha256: String
}

/// Recording what a run took: each file with its findings and, when accepted, its rows as the
/// school's new snapshot of the dataset.
extension Registry {
    /// Records files in one transaction, in the order given (SPEC §5's apply order), and confirms
    /// the moves of files recorded before (`moved`), so that a batch costs one commit. Each file is
    /// all or nothing: its record, findings, rows and snapshot change commit together.
    /// `beforeCommit` runs inside the transaction (the crash tests stop the process there).
    @discardableResult
    public func record(
        _ files: [(file: TakenFile, rows: DatasetRows?)], run: Int64, moved: [Int64] = [], beforeCommit: () -> Void = {}
    ) throws -> [Int64] {
        try queue.write { db in
            try Self.markMoved(moved, db: db)
            var ids: [Int64] = []
            ids.reserveCapacity(files.count)
            let insertFile = try db.cachedStatement(
                sql: """
                    INSERT INTO source_file (run_id, folder, name, dataset, sha256, verdict, row_count, inbox_path, stored_path)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertFinding = try db.cachedStatement(
                sql: "INSERT INTO finding (file_id, seq, severity, row, column_name, value, message) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let closeSnapshot = try db.cachedStatement(
                sql: "UPDATE snapshot SET replaced_by_run = ? WHERE school = ? AND dataset = ? AND replaced_by_run IS NULL")
            let openSnapshot = try db.cachedStatement(sql: "INSERT INTO snapshot (school, dataset, file_id, run_id) VALUES (?, ?, ?, ?)")
            for (file, rows) in files {
                try insertFile.execute(arguments: [
                    run, file.folder, file.name, file.dataset?.rawValue, file.sha256, file.verdict.rawValue, file.rowCount,
                    file.inboxPath, file.storedPath,
                ])
                let fileID = db.lastInsertedRowID
                ids.append(fileID)
                for (seq, f) in file.findings.enumerated() {
                    try insertFinding.execute(arguments: [fileID, seq, f.severity.rawValue, f.row, f.column, f.value, f.message])
                }
                if file.verdict == .accepted, let rows, let dataset = file.dataset {
                    try closeSnapshot.execute(arguments: [run, file.folder, dataset.rawValue])
                    try openSnapshot.execute(arguments: [file.folder, dataset.rawValue, fileID, run])
                    try RowWriter.insert(rows, snapshot: db.lastInsertedRowID, db: db)
                }
            }
            beforeCommit()
            return ids
        }
    }

    /// Confirms that files reached the archive or the quarantine.
    public func markMoved(_ fileIDs: [Int64]) throws {
        guard !fileIDs.isEmpty else { return }
        try queue.write { db in try Self.markMoved(fileIDs, db: db) }
    }

    private static func markMoved(_ fileIDs: [Int64], db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE source_file SET moved = 1 WHERE id = ?")
        for id in fileIDs { try statement.execute(arguments: [id]) }
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
            let s = try db.cachedStatement(sql: "INSERT INTO profile_row VALUES (?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [snapshot, r.row, r.teachersTotal, r.teachersUnder35, r.youngSpecialists, r.siteURL])
            }
        case .curators(let list):
            let s = try db.cachedStatement(sql: "INSERT INTO curator_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.position,
                    r.orderNumber, r.orderDate.iso,
                ])
            }
        case .mentors(let list):
            let s = try db.cachedStatement(sql: "INSERT INTO mentor_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.birthDate?.iso,
                    r.position, r.subject, r.experienceYears, r.category.rawValue, r.trainingDate?.iso, r.publishConsent,
                ])
            }
        case .mentees(let list):
            let s = try db.cachedStatement(sql: "INSERT INTO mentee_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, Int64(r.snils.value), r.name.last, r.name.first, r.name.middle, r.birthDate.iso,
                    r.position, r.subject, r.experienceYears, r.deficits, r.publishConsent,
                ])
            }
        case .programs(let list):
            let s = try db.cachedStatement(sql: "INSERT INTO program_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [
                    snapshot, r.row, r.number, Int64(r.mentor.value), r.mentees.map(\.digits).joined(separator: ","),
                    r.form.rawValue, r.model.rawValue, r.directions.map(\.rawValue).joined(separator: "; "),
                    r.mode.rawValue, r.startDate.iso, r.endDate.iso, r.pairOrder, r.status.rawValue, r.closedDate?.iso,
                    r.closeReason?.rawValue, r.resultsURL,
                ])
            }
        case .roadmap(let list):
            let s = try db.cachedStatement(sql: "INSERT INTO roadmap_row VALUES (?, ?, ?, ?, ?, ?)")
            for r in list {
                try s.execute(arguments: [snapshot, r.row, r.itemCode, r.doneDate.iso, r.document, r.note])
            }
        }
    }
}
