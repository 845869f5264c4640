import Domain
import Foundation
import GRDB

/// A person of a school's current snapshot, as the reference checks and the name check need them.
public struct PersonEntry: Sendable, Hashable {
    public var school: String
    public var dataset: Dataset
    public var snils: Snils
    public var name: PersonName

    public init(school: String, dataset: Dataset, snils: Snils, name: PersonName) {
        self.school = school
        self.dataset = dataset
        self.snils = snils
        self.name = name
    }
}

extension Registry {
    /// Everyone in the current snapshots of curators, mentors and mentees.
    public func currentPeople() throws -> [PersonEntry] {
        try queue.read { db in
            var people: [PersonEntry] = []
            for (table, dataset) in [("curator_row", Dataset.curators), ("mentor_row", .mentors), ("mentee_row", .mentees)] {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT s.school, r.snils, r.last_name, r.first_name, r.middle_name
                        FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id
                        WHERE s.replaced_by_run IS NULL ORDER BY s.school, r.row
                        """)
                while let row = try rows.next() {
                    people.append(
                        PersonEntry(
                            school: row[0], dataset: dataset, snils: Snils(value: UInt64(row[1] as Int64)),
                            name: PersonName(last: row[2], first: row[3], middle: row[4])))
                }
            }
            return people
        }
    }

    /// Every data table and file record in a stable order, without run times: what "the same
    /// registry content" means for the determinism and crash tests.
    public func contentDump() throws -> String {
        try queue.read { db in
            var out = ""
            let queries = [
                "SELECT folder, name, dataset, sha256, verdict, row_count, stored_path, moved FROM source_file ORDER BY folder, name, sha256, verdict",
                "SELECT f.folder, f.name, fi.seq, fi.severity, fi.row, fi.column_name, fi.value, fi.message FROM finding fi JOIN source_file f ON f.id = fi.file_id ORDER BY f.folder, f.name, f.sha256, fi.seq",
                "SELECT s.school, s.dataset, f.name, f.sha256, s.replaced_by_run IS NULL FROM snapshot s JOIN source_file f ON f.id = s.file_id ORDER BY s.school, s.dataset, f.name, f.sha256",
            ] + ["profile_row", "curator_row", "mentor_row", "mentee_row", "program_row", "roadmap_row"].map {
                "SELECT s.school, f.sha256, r.* FROM \($0) r JOIN snapshot s ON s.id = r.snapshot_id JOIN source_file f ON f.id = s.file_id ORDER BY s.school, f.sha256, r.row"
            }
            for sql in queries {
                out += "# \(sql)\n"
                for row in try Row.fetchAll(db, sql: sql) {
                    out += row.databaseValues.map { $0.isNull ? "∅" : "\($0)" }.joined(separator: " | ")
                        .replacingOccurrences(of: "\n", with: "\\n") + "\n"
                }
            }
            return out
        }
    }

    /// Counts of current rows per school and dataset, for summaries and tests.
    public func currentCounts() throws -> [String: [Dataset: Int]] {
        try queue.read { db in
            var counts: [String: [Dataset: Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.school, s.dataset, f.row_count FROM snapshot s JOIN source_file f ON f.id = s.file_id
                    WHERE s.replaced_by_run IS NULL
                    """)
            {
                counts[row[0], default: [:]][Dataset(rawValue: row[1])!] = row[2]
            }
            return counts
        }
    }
}

extension Registry {
    /// Each folder's current roadmap completions (schools and the district).
    public func currentRoadmap() throws -> [String: [RoadmapCompletionRecord]] {
        try queue.read { db in
            var out: [String: [RoadmapCompletionRecord]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.school, r.row, r.item, r.done_date, r.document, r.note FROM roadmap_row r
                    JOIN snapshot s ON s.id = r.snapshot_id WHERE s.replaced_by_run IS NULL ORDER BY s.school, r.row
                    """)
            {
                out[row[0], default: []].append(
                    RoadmapCompletionRecord(row: row[1], itemCode: row[2], doneDate: CivilDate(iso: row[3])!, document: row[4], note: row[5]))
            }
            return out
        }
    }

    /// Each school's current programmes.
    public func currentPrograms() throws -> [String: [ProgramRecord]] {
        try queue.read { db in
            var out: [String: [ProgramRecord]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.school, r.* FROM program_row r JOIN snapshot s ON s.id = r.snapshot_id
                    WHERE s.replaced_by_run IS NULL ORDER BY s.school, r.row
                    """)
            while let row = try rows.next() {
                let mentees = (row["mentee_snils"] as String).split(separator: ",").compactMap { Snils(digits: String($0)) }
                let directions = (row["directions"] as String).components(separatedBy: "; ").compactMap(Direction.init(rawValue:))
                out[row["school"], default: []].append(
                    ProgramRecord(
                        row: row["row"], number: row["number"], mentor: Snils(value: UInt64(row["mentor_snils"] as Int64)),
                        mentees: mentees, form: MentoringForm(rawValue: row["form"])!, model: MentoringModel(rawValue: row["model"])!,
                        directions: directions, mode: WorkMode(rawValue: row["mode"])!, startDate: CivilDate(iso: row["start_date"])!,
                        endDate: CivilDate(iso: row["end_date"])!, pairOrder: row["pair_order"],
                        status: ProgramStatus(rawValue: row["status"])!, closedDate: (row["closed_date"] as String?).flatMap(CivilDate.init(iso:)),
                        closeReason: (row["close_reason"] as String?).flatMap(CloseReason.init(rawValue:)), resultsURL: row["results_url"]))
            }
            return out
        }
    }
}

extension Registry {
    /// The file behind each folder's current snapshot of each dataset.
    public func currentFiles() throws -> [String: [Dataset: String]] {
        try queue.read { db in
            var out: [String: [Dataset: String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT s.school, s.dataset, f.name FROM snapshot s JOIN source_file f ON f.id = s.file_id WHERE s.replaced_by_run IS NULL")
            {
                out[row[0], default: [:]][Dataset(rawValue: row[1])!] = row[2]
            }
            return out
        }
    }
}
