import Domain
import Foundation
import GRDB

/// The municipal registry (roadmap items 2.3 and 2.4 of the order): every accepted snapshot of every
/// school's datasets, with the run that brought it and the run that replaced it. The current state
/// is a query over snapshots not yet replaced, never a copy.
public final class Registry: Sendable {
    let queue: DatabaseQueue

    /// Opens (creating if needed) the registry file and brings its schema up to date.
    public init(path: String, readOnly: Bool = false) throws {
        var configuration = GRDB.Configuration()
        configuration.readonly = readOnly
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MB of pages instead of SQLite's 2 MB: a country's night looks up hundreds of
            // thousands of files and rows, and each miss is a read from the file.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        if !readOnly {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        if !readOnly { try Self.migrator.migrate(queue) }
    }

    /// A number that changes whenever another connection has committed since this one last read
    /// (SQLite's `data_version`): how a reader that keeps what it read knows it is still current.
    public func dataVersion() throws -> Int64 {
        try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// A registry in memory, for tests.
    public init(inMemory: Void = ()) throws {
        queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
    }

    /// Versioned migrations; a shipped migration is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, files, snapshots, rows") { db in
            try db.execute(sql: Schema.v1)
        }
        migrator.registerMigration("v2: every run accounted for; files as found on disk; finding counts; strays") { db in
            try db.execute(sql: Schema.v2)
        }
        migrator.registerMigration("v3: what each kept output was written from") { db in
            try db.execute(sql: Schema.v3)
        }
        migrator.registerMigration("v4: a school's latest files read from one index") { db in
            try db.execute(sql: Schema.v4)
        }
        migrator.registerMigration("v5: a workbook's sheets judged one by one") { db in
            try db.execute(sql: Schema.v5)
        }
        migrator.registerMigration("v6: past half-years' figures kept") { db in
            try db.execute(sql: Schema.v6)
        }
        migrator.registerMigration("v7: packages of units, approvals of this level's") { db in
            try db.execute(sql: Schema.v7)
        }
        migrator.registerMigration("v8: enumerations kept by their codes, not their wording") { db in
            try Schema.v8(db)
        }
        migrator.registerMigration("v9: the schools' staff lists") { db in
            try db.execute(sql: Schema.v9)
        }
        return migrator
    }
}

extension Schema {
    /// An enumeration's stored values from its wording (`высшая`) to its code (`highest`): a
    /// wording may change, its code does not (`Vocabulary.code`); a programme's directions one by
    /// one.
    static func v8(_ db: Database) throws {
        func recode<V: Vocabulary>(_ table: String, _ column: String, _: V.Type) throws {
            let cases = V.allCases.map { "WHEN \(quoted($0.rawValue)) THEN \(quoted($0.code))" }.joined(separator: " ")
            try db.execute(sql: "UPDATE \(table) SET \(column) = CASE \(column) \(cases) ELSE \(column) END")
        }
        try recode("mentor_row", "category", QualificationCategory.self)
        try recode("program_row", "form", MentoringForm.self)
        try recode("program_row", "model", MentoringModel.self)
        try recode("program_row", "mode", WorkMode.self)
        try recode("program_row", "status", ProgramStatus.self)
        try recode("program_row", "close_reason", CloseReason.self)
        let byWording = Dictionary(Direction.allCases.map { ($0.rawValue, $0.code) }, uniquingKeysWith: { a, _ in a })
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT directions FROM program_row") {
            let wording: String = row[0]
            let codes = wording.split(separator: "; ").map { byWording[String($0)] ?? String($0) }.joined(separator: "; ")
            try db.execute(sql: "UPDATE program_row SET directions = ? WHERE directions = ?", arguments: [codes, wording])
        }
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

/// The tables. People are keyed by СНИЛС (an 11-digit integer) across schools; every data row
/// belongs to a snapshot, which belongs to the file (name, SHA-256) it came from, with its row.
enum Schema {
    static let v1 = """
        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            as_of TEXT NOT NULL,
            period TEXT,
            exit_code INTEGER
        );
        -- Every file a run took from the inbox, whatever its verdict.
        CREATE TABLE source_file (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES run(id),
            folder TEXT NOT NULL,
            name TEXT NOT NULL,
            dataset TEXT,
            sha256 TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('принят', 'отклонён', 'повтор')),
            row_count INTEGER NOT NULL,
            inbox_path TEXT NOT NULL,
            stored_path TEXT NOT NULL,
            moved INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX source_file_pending ON source_file(moved) WHERE moved = 0;
        CREATE TABLE finding (
            file_id INTEGER NOT NULL REFERENCES source_file(id),
            seq INTEGER NOT NULL,
            severity TEXT NOT NULL,
            row INTEGER,
            column_name TEXT,
            value TEXT,
            message TEXT NOT NULL,
            PRIMARY KEY (file_id, seq)
        );
        -- An accepted file's content, current until a later run replaces it.
        CREATE TABLE snapshot (
            id INTEGER PRIMARY KEY,
            school TEXT NOT NULL,
            dataset TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES source_file(id),
            run_id INTEGER NOT NULL REFERENCES run(id),
            replaced_by_run INTEGER REFERENCES run(id)
        );
        CREATE UNIQUE INDEX snapshot_current ON snapshot(school, dataset) WHERE replaced_by_run IS NULL;

        CREATE TABLE profile_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            teachers_total INTEGER NOT NULL, teachers_under_35 INTEGER NOT NULL,
            young_specialists INTEGER NOT NULL, site_url TEXT,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE TABLE curator_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            snils INTEGER NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, middle_name TEXT,
            position TEXT NOT NULL, order_number TEXT NOT NULL, order_date TEXT NOT NULL,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE TABLE mentor_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            snils INTEGER NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, middle_name TEXT,
            birth_date TEXT, position TEXT NOT NULL, subject TEXT NOT NULL, experience_years REAL NOT NULL,
            category TEXT NOT NULL, training_date TEXT, publish_consent INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE INDEX mentor_snils ON mentor_row(snils);
        CREATE TABLE mentee_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            snils INTEGER NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, middle_name TEXT,
            birth_date TEXT NOT NULL, position TEXT NOT NULL, subject TEXT NOT NULL,
            experience_years REAL NOT NULL, deficits TEXT, publish_consent INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE INDEX mentee_snils ON mentee_row(snils);
        CREATE TABLE program_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            number TEXT NOT NULL, mentor_snils INTEGER NOT NULL,
            mentee_snils TEXT NOT NULL, -- 11-digit numbers separated by ','
            form TEXT NOT NULL, model TEXT NOT NULL,
            directions TEXT NOT NULL, -- canonical wording separated by '; '
            mode TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, pair_order TEXT NOT NULL,
            status TEXT NOT NULL, closed_date TEXT, close_reason TEXT, results_url TEXT,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE TABLE roadmap_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            item TEXT NOT NULL, done_date TEXT NOT NULL, document TEXT NOT NULL, note TEXT,
            PRIMARY KEY (snapshot_id, row)
        );
        """

    /// Receipts and journals are owed by a run until written (by it, or by a later run when it died
    /// first); a file records how it lay in the inbox (its name's bytes when they are not UTF-8,
    /// size and time) so that an interrupted move finds it without reading it; a file's findings
    /// are counted in full and kept up to a limit; strays are recorded before they are moved.
    static let v2 = """
        ALTER TABLE run ADD COLUMN receipts_written INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE run ADD COLUMN journal_written INTEGER NOT NULL DEFAULT 0;
        UPDATE run SET receipts_written = 1, journal_written = 1 WHERE finished_at IS NOT NULL;
        ALTER TABLE source_file ADD COLUMN inbox_raw BLOB;
        ALTER TABLE source_file ADD COLUMN size INTEGER;
        ALTER TABLE source_file ADD COLUMN modified_ns INTEGER;
        ALTER TABLE source_file ADD COLUMN error_count INTEGER;
        ALTER TABLE source_file ADD COLUMN warning_count INTEGER;
        CREATE INDEX source_file_run ON source_file(run_id);
        CREATE INDEX source_file_latest ON source_file(folder, dataset, id);
        CREATE TABLE stray (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES run(id),
            folder TEXT NOT NULL,
            name TEXT NOT NULL,
            reason TEXT NOT NULL,
            inbox_path TEXT NOT NULL,
            inbox_raw BLOB,
            stored_path TEXT NOT NULL,
            moved INTEGER NOT NULL DEFAULT 0
        );
        """

    /// Outputs a night need not rewrite when what they show has not changed (a school's public
    /// extract, the registry workbook): the fingerprint of their content and the file written.
    static let v3 = """
        CREATE TABLE output_stamp (
            name TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            path TEXT NOT NULL
        );
        """

    /// What the monitoring workbook says about each school's intake (its latest files' verdicts,
    /// when a file was last accepted) read from the index alone: a country's registry has hundreds
    /// of thousands of files, and looking each up in the table is a random read.
    static let v4 = """
        DROP INDEX source_file_latest;
        CREATE INDEX source_file_latest ON source_file(folder, dataset, id, verdict, run_id);
        """

    /// Each dataset sheet of a workbook is recorded as a file of its own, naming its sheet; they
    /// share the workbook's paths, and until the last of them is recorded their `stored_path` is
    /// empty (the workbook stays in the inbox if the run dies before).
    static let v5 = """
        ALTER TABLE source_file ADD COLUMN sheet TEXT;
        """

    /// Figures computed from the registry's history, by what they were computed from (a past
    /// half-year and the last run recorded for it): worked out once, not every night.
    static let v6 = """
        CREATE TABLE figures_cache (
            key TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );
        """

    /// Levels: a unit's packages by half-year (the current one not replaced; a newer one for the
    /// same half-year replaces it; a returned one stays current, marked, until then), and this
    /// level's approvals of its own package (the figures as approved; a withdrawal reopens).
    static let v7 = """
        CREATE TABLE package (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES source_file(id),
            run_id INTEGER NOT NULL REFERENCES run(id),
            folder TEXT NOT NULL,
            period TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            replaced_by_run INTEGER REFERENCES run(id),
            returned_on TEXT,
            return_reason TEXT
        );
        CREATE INDEX package_current ON package(folder, period) WHERE replaced_by_run IS NULL;
        CREATE TABLE approval (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            approved_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            content BLOB NOT NULL,
            withdrawn_at TEXT,
            withdraw_reason TEXT
        );
        """

    /// Written out, not made from `Declarations.staff`: a shipped migration never changes, whatever
    /// the declaration becomes (`RegistryColumnsTests` holds them to each other).
    static let v9 = """
        CREATE TABLE staff_row (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id), row INTEGER NOT NULL,
            snils INTEGER NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL, middle_name TEXT,
            birth_date TEXT NOT NULL, position TEXT NOT NULL, teaching_since TEXT NOT NULL, hired_on TEXT NOT NULL,
            dismissed_on TEXT, dismissal_reason TEXT,
            PRIMARY KEY (snapshot_id, row)
        );
        CREATE INDEX staff_snils ON staff_row(snils);
        """
}
