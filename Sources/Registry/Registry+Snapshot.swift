import Domain
import Foundation
import GRDB

extension Registry {
    /// Everything current, in one read: every folder's datasets in row order, the file behind each,
    /// and how its intake stands. What the deadlines, the figures and the writers all work from.
    /// `asOf`: the registry as it stood after the last run on or before that day (its history:
    /// snapshots are replaced, never deleted), without the intake; empty before the first run.
    public func snapshot(asOf: CivilDate? = nil) throws -> RegistrySnapshot {
        try queue.read { db in
            let current: String
            if let asOf {
                guard let run = try Int64.fetchOne(db, sql: "SELECT max(id) FROM run WHERE as_of <= ?", arguments: [asOf.iso]) else {
                    return RegistrySnapshot(folders: [:])
                }
                current = "s.run_id <= \(run) AND (s.replaced_by_run IS NULL OR s.replaced_by_run > \(run))"
            } else {
                current = "s.replaced_by_run IS NULL"
            }
            let reader = SnapshotReader(db: db, current: current)
            for dataset in Dataset.allCases { try dataset.declared(reader).get() }
            var folders = reader.folders
            var schools = reader.schools
            try SQLiteRows.each(
                db,
                // The files looked up in the order they were stored (a snapshot's school and dataset
                // are its file's), so that the table's pages are read in order, not at random.
                "SELECT folder, dataset, name, sheet FROM source_file WHERE id IN (SELECT s.file_id FROM snapshot s WHERE \(current))"
            ) { row in
                guard let dataset = Dataset(rawValue: row.plainText(1)) else { return }
                folders[schools.string(row.bytes(0)), default: .init()].files[dataset] = SourceLabel.of(
                    file: row.plainText(2), sheet: row.optionalPlainText(3))
            }
            if asOf == nil {
                for (folder, intake) in try Self.intake(db) { folders[folder, default: .init()].intake = intake }
            }
            // Each folder's rows of a dataset come from one snapshot, in its key's order
            // (snapshot, row): sorting the result in SQL cost more than reading it. Sorted here
            // only in case they did not.
            return RegistrySnapshot(folders: folders)
        }
    }

    /// The folders that sent files (read or not) to runs of as-of dates from `start` to `end`.
    public func sendingFolders(from start: CivilDate, to end: CivilDate) throws -> Set<String> {
        try queue.read { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT f.folder FROM source_file f JOIN run r ON r.id = f.run_id WHERE r.as_of BETWEEN ? AND ?",
                    arguments: [start.iso, end.iso]))
        }
    }

    /// For every folder that ever sent a file: the as-of date of the last run that accepted one,
    /// and the verdict on its latest judged files — the latest file of each dataset, and files of no
    /// recognisable dataset from the folder's latest night. A repeat counts as accepted.
    static func intake(_ db: Database) throws -> [String: SchoolIntake] {
        var folders = TextCache()
        var lastAccepted: [String: CivilDate] = [:]
        try SQLiteRows.each(
            db,
            """
            SELECT f.folder, max(r.as_of) FROM source_file f INDEXED BY source_file_latest JOIN run r ON r.id = f.run_id
            WHERE f.verdict = '\(Verdict.accepted.rawValue)' GROUP BY f.folder
            """
        ) { row in lastAccepted[folders.string(row.bytes(0))] = row.date(1) }
        var rejected: [String: Bool] = [:]
        try SQLiteRows.each(
            db,
            """
            SELECT folder, verdict = '\(Verdict.rejected.rawValue)', max(id) FROM source_file INDEXED BY source_file_latest
            WHERE dataset IS NOT NULL GROUP BY folder, dataset
            UNION ALL
            SELECT f.folder, f.verdict = '\(Verdict.rejected.rawValue)', f.id FROM source_file f INDEXED BY source_file_latest
            JOIN run r ON r.id = f.run_id
            WHERE f.dataset IS NULL AND r.as_of = (
                SELECT max(r2.as_of) FROM source_file g INDEXED BY source_file_latest JOIN run r2 ON r2.id = g.run_id WHERE g.folder = f.folder)
            """
        ) { row in
            let folder = folders.string(row.bytes(0))
            rejected[folder] = (rejected[folder] ?? false) || row.bool(1)
        }
        var out: [String: SchoolIntake] = [:]
        for (folder, anyRejected) in rejected {
            out[folder] = SchoolIntake(lastAccepted: lastAccepted[folder], state: anyRejected ? .rejected : .accepted)
        }
        return out
    }

    static func snils(_ value: Int64) -> Snils { Snils(value: UInt64(value)) }
    static func date(_ text: String?) -> CivilDate? { text.flatMap(CivilDate.init(iso:)) }
}

/// Every dataset's current rows, read by the columns its declaration names, into the folders of
/// the snapshot. Each folder's rows of a dataset come from one snapshot, in its key's order
/// (snapshot, row): sorting the result in SQL cost more than reading it; sorted here only in case
/// they did not.
final class SnapshotReader: DeclarationVisitor {
    let db: Database
    /// Which snapshots: the current ones, or those current after a given run.
    let current: String
    var folders: [String: RegistrySnapshot.Folder] = [:]
    var schools = TextCache()

    init(db: Database, current: String) {
        self.db = db
        self.current = current
    }

    /// One dataset's rows of the snapshots `current` chooses (a condition on `s`, the snapshot, and
    /// `r`, the row), by folder.
    static func read<Record>(_ declaration: DatasetDeclaration<Record>, db: Database, current: String) throws
        -> [String: RegistrySnapshot.Folder]
    {
        let reader = SnapshotReader(db: db, current: current)
        try reader.visit(declaration).get()
        return reader.folders
    }

    func visit<Record>(_ declaration: DatasetDeclaration<Record>) -> Result<Void, any Error> {
        Result {
            let fields = declaration.storedFields
            // Taken out of the fields once: a row's values are then set without copying a field
            // or asking for the metadata of its generic iterator, row after row.
            let restores = fields.map(\.restore)
            let kinds = fields.map(\.kind)
            let columns = (["row"] + fields.map { $0.stored! }).map { "r." + $0 }.joined(separator: ", ")
            // A school's rows come one after another: gathered here and given to its folder once,
            // not appended to the folder in the dictionary row by row.
            var lists: [String: [Record]] = [:]
            var school = ""
            var list: [Record] = []
            var lastRow = Int.min
            // Schools whose rows did not come in row order (none, as SQLite reads them).
            var unordered: Set<String> = []
            func flush() {
                guard !list.isEmpty else { return }
                if lists[school] != nil { unordered.insert(school) }
                lists[school, default: []].append(contentsOf: list)
                list.removeAll(keepingCapacity: true)
            }
            try SQLiteRows.each(
                db, "SELECT s.school, \(columns) FROM \(declaration.table) r JOIN snapshot s ON s.id = r.snapshot_id WHERE \(current)"
            ) { row in
                let code = schools.string(row.bytes(0))
                if code != school {
                    flush()
                    school = code
                    lastRow = Int.min
                }
                let number = row.int(1)
                if number < lastRow { unordered.insert(school) }
                lastRow = number
                var record = declaration.blank
                record[keyPath: declaration.row] = number
                if let folder = declaration.folder { record[keyPath: folder] = school }
                for i in 0..<restores.count { restores[i](&record, row.stored(Int32(i + 2), kinds[i])) }
                list.append(record)
            }
            flush()
            for (school, var rows) in lists {
                if unordered.contains(school) { rows.sort { $0[keyPath: declaration.row] < $1[keyPath: declaration.row] } }
                folders[school, default: .init()][keyPath: declaration.current] = rows
            }
        }
    }
}
