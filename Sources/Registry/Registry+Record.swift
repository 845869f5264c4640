import Domain
import Foundation
import GRDB

/// How a file lay in the inbox when the run took it: what finds it again, unread, if the run dies
/// before moving it.
public struct SourceOnDisk: Sendable, Equatable {
    /// The path's bytes relative to the inbox, when its name is not the UTF-8 the record shows.
    public var rawPath: [UInt8]?
    public var size: Int64?
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64?

    public init(rawPath: [UInt8]? = nil, size: Int64? = nil, modified: Int64? = nil) {
        self.rawPath = rawPath
        self.size = size
        self.modified = modified
    }
}

/// A file (or a stray) whose move into the archive or the quarantine was committed but not yet
/// confirmed.
public struct PendingMove: Sendable {
    public enum Kind: Sendable { case file, stray }
    public var kind: Kind
    public var id: Int64
    /// Relative to the inbox, as shown, and as the file system holds it.
    public var inboxPath: String
    public var source: SourceOnDisk
    /// Empty for a sheet recorded before its workbook's last: the workbook is not to be moved.
    public var storedPath: String
    /// Empty when the file was never read (too large, unreadable, not a regular file).
    public var sha256: String
    /// For a sheet of a workbook (whose `sha256` is of the sheet's cells, not of the file).
    public var sheet: String?
}

/// Something quarantined unread (an unknown folder, a file at the inbox root, a link), as recorded
/// before it was moved.
public struct StrayRecord: Sendable, Equatable {
    public var folder: String
    public var name: String
    public var reason: String
    public var inboxPath: String
    public var storedPath: String

    public init(folder: String, name: String, reason: String, inboxPath: String, storedPath: String) {
        self.folder = folder
        self.name = name
        self.reason = reason
        self.inboxPath = inboxPath
        self.storedPath = storedPath
    }
}

/// Recording what a run took: each file with its findings and, when accepted, its rows as the
/// school's new snapshot of the dataset.
extension Registry {
    /// Records files in one transaction, in the order given (SPEC §5's apply order), and confirms
    /// the moves of files recorded before (`moved`), so that a batch costs one commit. Each file is
    /// all or nothing: its record, findings, rows and snapshot change commit together.
    /// `placed`: sheets of a workbook recorded before its last one, which is in `files`, given the
    /// place the workbook goes. `beforeCommit` runs inside the transaction (the crash tests stop
    /// the process there).
    @discardableResult
    public func record(
        _ files: [(file: TakenFile, rows: DatasetRows?, source: SourceOnDisk)], run: Int64, moved: [Int64] = [],
        placed: [(id: Int64, storedPath: String)] = [], beforeCommit: () -> Void = {}
    ) throws -> [Int64] {
        try queue.write { db in
            try Self.markMoved(moved, db: db)
            let place = try db.cachedStatement(sql: "UPDATE source_file SET stored_path = ? WHERE id = ?")
            for (id, path) in placed { try place.execute(arguments: [path, id]) }
            var ids: [Int64] = []
            ids.reserveCapacity(files.count)
            let insertFile = try db.cachedStatement(
                sql: """
                    INSERT INTO source_file (run_id, folder, name, sheet, dataset, sha256, verdict, row_count, inbox_path,
                        stored_path, inbox_raw, size, modified_ns, error_count, warning_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertFinding = try db.cachedStatement(
                sql: "INSERT INTO finding (file_id, seq, severity, row, column_name, value, message) VALUES (?, ?, ?, ?, ?, ?, ?)")
            let closeSnapshot = try db.cachedStatement(
                sql: "UPDATE snapshot SET replaced_by_run = ? WHERE school = ? AND dataset = ? AND replaced_by_run IS NULL")
            let openSnapshot = try db.cachedStatement(sql: "INSERT INTO snapshot (school, dataset, file_id, run_id) VALUES (?, ?, ?, ?)")
            for (file, rows, source) in files {
                try insertFile.execute(arguments: [
                    run, file.folder, file.name, file.sheet, file.dataset?.rawValue, file.sha256, file.verdict.rawValue, file.rowCount,
                    file.inboxPath, file.storedPath, source.rawPath.map { Data($0) }, source.size, source.modified,
                    file.findings.errorCount, file.findings.warningCount,
                ])
                let fileID = db.lastInsertedRowID
                ids.append(fileID)
                for (seq, f) in file.findings.enumerated() {
                    try insertFinding.execute(arguments: [fileID, seq, f.severity.rawValue, f.row, f.column, f.value, f.message])
                }
                if file.verdict == .accepted, case .package(let package) = rows {
                    try db.execute(
                        sql: "UPDATE package SET replaced_by_run = ? WHERE folder = ? AND period = ? AND replaced_by_run IS NULL",
                        arguments: [run, file.folder, package.period])
                    try db.execute(
                        sql: "INSERT INTO package (file_id, run_id, folder, period, sha256, content) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [fileID, run, file.folder, package.period, package.sha256, Data(package.content)])
                } else if file.verdict == .accepted, let rows, let dataset = file.dataset {
                    try closeSnapshot.execute(arguments: [run, file.folder, dataset.rawValue])
                    try openSnapshot.execute(arguments: [file.folder, dataset.rawValue, fileID, run])
                    try RowWriter.insert(rows, snapshot: db.lastInsertedRowID, db: db)
                }
            }
            beforeCommit()
            return ids
        }
    }

    /// Files that never lay in an inbox (benchmarks, tests): recorded as above.
    @discardableResult
    public func record(_ files: [(file: TakenFile, rows: DatasetRows?)], run: Int64) throws -> [Int64] {
        try record(files.map { ($0.file, $0.rows, SourceOnDisk()) }, run: run)
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

    /// Records a stray where it goes, before it is moved there.
    public func recordStray(_ stray: StrayRecord, source: SourceOnDisk, run: Int64) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stray (run_id, folder, name, reason, inbox_path, inbox_raw, stored_path) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run, stray.folder, stray.name, stray.reason, stray.inboxPath, source.rawPath.map { Data($0) }, stray.storedPath,
                ])
            return db.lastInsertedRowID
        }
    }

    public func markStrayMoved(_ id: Int64) throws {
        try queue.write { db in try db.execute(sql: "UPDATE stray SET moved = 1 WHERE id = ?", arguments: [id]) }
    }

    /// Moves committed and not yet confirmed: the strays first (they were moved first), then files.
    public func pendingMoves() throws -> [PendingMove] {
        try queue.read { db in
            let strays = try Row.fetchAll(db, sql: "SELECT id, inbox_path, inbox_raw, stored_path FROM stray WHERE moved = 0 ORDER BY id")
                .map {
                    PendingMove(
                        kind: .stray, id: $0["id"], inboxPath: $0["inbox_path"],
                        source: SourceOnDisk(rawPath: ($0["inbox_raw"] as Data?).map(Array.init)),
                        storedPath: $0["stored_path"], sha256: "")
                }
            let files = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, inbox_path, inbox_raw, size, modified_ns, stored_path, sha256, sheet FROM source_file WHERE moved = 0
                    ORDER BY id
                    """
            ).map {
                PendingMove(
                    kind: .file, id: $0["id"], inboxPath: $0["inbox_path"],
                    source: SourceOnDisk(
                        rawPath: ($0["inbox_raw"] as Data?).map(Array.init), size: $0["size"], modified: $0["modified_ns"]),
                    storedPath: $0["stored_path"], sha256: $0["sha256"], sheet: $0["sheet"])
            }
            return strays + files
        }
    }
}

/// Inserts each dataset's rows by its declaration (`Declarations`), with one prepared statement per
/// table naming its columns, bound value by value (`SQLiteInsert`): a country's first night inserts
/// two million rows.
enum RowWriter {
    static func insert(_ rows: DatasetRows, snapshot: Int64, db: Database) throws {
        // A unit's package is recorded in `package`, not as a dataset's snapshot.
        guard let dataset = rows.dataset else { return }
        try dataset.declared(Insert(rows: rows, snapshot: snapshot, db: db)).get()
    }

    struct Insert: DeclarationVisitor {
        let rows: DatasetRows
        let snapshot: Int64
        let db: Database

        func visit<Record>(_ declaration: DatasetDeclaration<Record>) -> Result<Void, any Error> {
            Result { try RowWriter.insert(declaration.records(rows) ?? [], declaration, snapshot: snapshot, db: db) }
        }
    }

    static func insert<Record>(_ list: [Record], _ declaration: DatasetDeclaration<Record>, snapshot: Int64, db: Database) throws {
        let fields = declaration.storedFields
        let columns = ["snapshot_id", "row"] + fields.map { $0.stored! }
        let s = try SQLiteInsert(
            db,
            "INSERT INTO \(declaration.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        )
        for record in list {
            try s.run { values in
                values.int64(snapshot)
                values.int(record[keyPath: declaration.row])
                for field in fields { values.stored(field.store(record)) }
            }
        }
    }
}
