import Domain
import Foundation
import GRDB

extension Registry {
    /// The registry before tonight's files: current snapshots' SHA-256, mentors and mentees by СНИЛС
    /// (read once, a few bytes each), and a look-up of the people with given СНИЛС for the
    /// spelling check (a query for the few numbers it asks about; its failure is the judge's).
    public func baseline() throws -> Baseline {
        try queue.read { db in
            var files: [String: [Dataset: String]] = [:]
            var folders = TextCache()
            // The files looked up in the order they were stored (as for the snapshot).
            try SQLiteRows.each(
                db,
                "SELECT folder, dataset, sha256 FROM source_file WHERE id IN (SELECT file_id FROM snapshot WHERE replaced_by_run IS NULL)"
            ) { row in
                guard let dataset = Dataset(rawValue: row.plainText(1)) else { return }
                files[folders.string(row.bytes(0)), default: [:]][dataset] = row.plainText(2)
            }
            func index(_ table: String) throws -> SnilsIndex {
                var entries: [(snils: Snils, folder: String)] = []
                try SQLiteRows.each(
                    db, "SELECT s.school, r.snils FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id WHERE s.replaced_by_run IS NULL"
                ) { row in entries.append((row.snils(1), folders.string(row.bytes(0)))) }
                return SnilsIndex(entries)
            }
            var packages: [String: [String: CurrentPackage]] = [:]
            try SQLiteRows.each(
                db,
                "SELECT folder, period, sha256, json_extract(CAST(content AS TEXT), '$.dataOn') FROM package WHERE replaced_by_run IS NULL"
            ) { row in
                packages[row.plainText(0), default: [:]][row.plainText(1)] = CurrentPackage(
                    identity: row.plainText(2), dataOn: CivilDate(iso: row.plainText(3)))
            }
            let queue = self.queue
            return Baseline(
                currentFiles: files, mentors: try index("mentor_row"), mentees: try index("mentee_row"),
                peopleWithSnils: { snils in try Self.people(withSnils: snils, queue: queue) },
                staffWithSnils: { snils in try Self.staff(withSnils: snils, queue: queue) }, currentPackages: packages)
        }
    }

    /// Current staff lists' rows with these СНИЛС, by folder, in row order.
    static func staff(withSnils snils: Set<Snils>, queue: DatabaseQueue) throws -> [String: [StaffRecord]] {
        guard !snils.isEmpty else { return [:] }
        let list = snils.map { String($0.value) }.joined(separator: ",")
        return try queue.read { db in
            try SnapshotReader.read(
                Declarations.staff, db: db, current: "s.replaced_by_run IS NULL AND r.snils IN (SELECT value FROM json_each('[\(list)]'))"
            )
            .mapValues(\.staff)
        }
    }

    /// Current curators, mentors and mentees with these СНИЛС, in school, dataset and row order.
    static func people(withSnils snils: Set<Snils>, queue: DatabaseQueue) throws -> [PersonEntry] {
        guard !snils.isEmpty else { return [] }
        let list = "[" + snils.map { String($0.value) }.joined(separator: ",") + "]"
        return try queue.read { db in
            var people: [PersonEntry] = []
            for (table, dataset) in [("curator_row", Dataset.curators), ("mentor_row", .mentors), ("mentee_row", .mentees)] {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.school, r.snils, r.last_name, r.first_name, r.middle_name, r.row
                        FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id
                        WHERE s.replaced_by_run IS NULL AND r.snils IN (SELECT value FROM json_each(?))
                        """, arguments: [list])
                {
                    people.append(
                        PersonEntry(
                            school: row[0], dataset: dataset, snils: Snils(value: UInt64(row[1] as Int64)),
                            name: PersonName(last: row[2], first: row[3], middle: row[4]), row: row[5]))
                }
            }
            return people.sorted { ($0.school, $0.dataset, $0.row) < ($1.school, $1.dataset, $1.row) }
        }
    }
}
