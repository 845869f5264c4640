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
            var folders: [String: RegistrySnapshot.Folder] = [:]
            var schools = TextCache()
            var directionLists = ParsedCache<[Direction]>()
            func rows(_ table: String, _ columns: String, _ body: (String, inout SQLiteRows) -> Void) throws {
                try SQLiteRows.each(
                    db,
                    """
                    SELECT s.school, \(columns) FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id
                    WHERE \(current)
                    """
                ) { row in body(schools.string(row.bytes(0)), &row) }
            }
            try rows("profile_row", "r.row, r.teachers_total, r.teachers_under_35, r.young_specialists, r.site_url") { school, row in
                folders[school, default: .init()].profile = ProfileRecord(
                    row: row.int(1), schoolCode: school, teachersTotal: row.int(2), teachersUnder35: row.int(3),
                    youngSpecialists: row.int(4),
                    siteURL: row.optionalPlainText(5))
            }
            try rows("curator_row", "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.position, r.order_number, r.order_date") {
                school, row in
                folders[school, default: .init()].curators.append(
                    CuratorRecord(
                        row: row.int(1), snils: row.snils(2),
                        name: PersonName(last: row.text(3), first: row.text(4), middle: row.optionalText(5)),
                        position: row.text(6), orderNumber: row.plainText(7), orderDate: row.date(8)!))
            }
            try rows(
                "mentor_row",
                "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.birth_date, r.position, r.subject, r.experience_years, "
                    + "r.category, r.training_date, r.publish_consent"
            ) { school, row in
                folders[school, default: .init()].mentors.append(
                    MentorRecord(
                        row: row.int(1), snils: row.snils(2),
                        name: PersonName(last: row.text(3), first: row.text(4), middle: row.optionalText(5)),
                        birthDate: row.date(6), position: row.text(7), subject: row.text(8), experienceYears: row.double(9),
                        category: QualificationCategory(rawValue: row.text(10))!, trainingDate: row.date(11), publishConsent: row.bool(12)))
            }
            try rows(
                "mentee_row",
                "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.birth_date, r.position, r.subject, r.experience_years, "
                    + "r.deficits, r.publish_consent"
            ) { school, row in
                folders[school, default: .init()].mentees.append(
                    MenteeRecord(
                        row: row.int(1), snils: row.snils(2),
                        name: PersonName(last: row.text(3), first: row.text(4), middle: row.optionalText(5)),
                        birthDate: row.date(6)!, position: row.text(7), subject: row.text(8), experienceYears: row.double(9),
                        deficits: row.optionalPlainText(10), publishConsent: row.bool(11)))
            }
            try rows(
                "program_row",
                "r.row, r.number, r.mentor_snils, r.mentee_snils, r.form, r.model, r.directions, r.mode, r.start_date, r.end_date, "
                    + "r.pair_order, r.status, r.closed_date, r.close_reason, r.results_url"
            ) { school, row in
                let mentees = row.snilsList(4)
                let directions = directionLists.value(row.bytes(7)) { bytes in
                    String(decoding: bytes, as: UTF8.self).split(separator: "; ").compactMap { Direction(rawValue: String($0)) }
                }
                folders[school, default: .init()].programs.append(
                    ProgramRecord(
                        row: row.int(1), number: row.plainText(2), mentor: row.snils(3), mentees: mentees,
                        form: MentoringForm(rawValue: row.text(5))!, model: MentoringModel(rawValue: row.text(6))!, directions: directions,
                        mode: WorkMode(rawValue: row.text(8))!, startDate: row.date(9)!, endDate: row.date(10)!,
                        pairOrder: row.plainText(11),
                        status: ProgramStatus(rawValue: row.text(12))!, closedDate: row.date(13),
                        closeReason: row.optionalText(14).flatMap(CloseReason.init(rawValue:)), resultsURL: row.optionalPlainText(15)))
            }
            try rows("roadmap_row", "r.row, r.item, r.done_date, r.document, r.note") { school, row in
                folders[school, default: .init()].roadmap.append(
                    RoadmapCompletionRecord(
                        row: row.int(1), itemCode: row.text(2), doneDate: row.date(3)!, document: row.plainText(4),
                        note: row.optionalPlainText(5)))
            }
            try SQLiteRows.each(
                db,
                // The files looked up in the order they were stored (a snapshot's school and dataset
                // are its file's), so that the table's pages are read in order, not at random.
                "SELECT folder, dataset, name, sheet FROM source_file WHERE id IN (SELECT s.file_id FROM snapshot s WHERE \(current))"
            ) { row in
                folders[schools.string(row.bytes(0)), default: .init()].files[Dataset(rawValue: row.plainText(1))!] = SourceLabel.of(
                    file: row.plainText(2), sheet: row.optionalPlainText(3))
            }
            if asOf == nil {
                for (folder, intake) in try Self.intake(db) { folders[folder, default: .init()].intake = intake }
            }
            // Each folder's rows of a dataset come from one snapshot, in its key's order
            // (snapshot, row): sorting the result in SQL cost more than reading it. Sorted here
            // only in case they did not.
            for key in folders.keys {
                folders[key]!.curators.sortByRow(\.row)
                folders[key]!.mentors.sortByRow(\.row)
                folders[key]!.mentees.sortByRow(\.row)
                folders[key]!.programs.sortByRow(\.row)
                folders[key]!.roadmap.sortByRow(\.row)
            }
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

extension Array {
    fileprivate mutating func sortByRow(_ row: (Element) -> Int) {
        guard !zip(self, dropFirst()).allSatisfy({ row($0) < row($1) }) else { return }
        sort { row($0) < row($1) }
    }
}
