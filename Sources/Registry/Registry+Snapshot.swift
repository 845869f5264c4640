import Domain
import Foundation
import GRDB

extension Registry {
    /// Everything current, in one read: every folder's datasets in row order, the file behind each,
    /// and how its intake stands. What the deadlines, the figures and the writers all work from.
    public func snapshot() throws -> RegistrySnapshot {
        try queue.read { db in
            var folders: [String: RegistrySnapshot.Folder] = [:]
            func rows(_ table: String, _ columns: String, _ body: (String, Row) -> Void) throws {
                let cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT s.school, \(columns) FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id
                        WHERE s.replaced_by_run IS NULL ORDER BY s.school, r.row
                        """)
                while let row = try cursor.next() { body(row[0], row) }
            }
            try rows("profile_row", "r.row, r.teachers_total, r.teachers_under_35, r.young_specialists, r.site_url") { school, row in
                folders[school, default: .init()].profile = ProfileRecord(
                    row: row[1], schoolCode: school, teachersTotal: row[2], teachersUnder35: row[3], youngSpecialists: row[4],
                    siteURL: row[5])
            }
            try rows("curator_row", "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.position, r.order_number, r.order_date") {
                school, row in
                folders[school, default: .init()].curators.append(
                    CuratorRecord(
                        row: row[1], snils: Self.snils(row[2]), name: PersonName(last: row[3], first: row[4], middle: row[5]),
                        position: row[6], orderNumber: row[7], orderDate: Self.date(row[8])!))
            }
            try rows(
                "mentor_row",
                "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.birth_date, r.position, r.subject, r.experience_years, "
                    + "r.category, r.training_date, r.publish_consent"
            ) { school, row in
                folders[school, default: .init()].mentors.append(
                    MentorRecord(
                        row: row[1], snils: Self.snils(row[2]), name: PersonName(last: row[3], first: row[4], middle: row[5]),
                        birthDate: Self.date(row[6]), position: row[7], subject: row[8], experienceYears: row[9],
                        category: QualificationCategory(rawValue: row[10])!, trainingDate: Self.date(row[11]), publishConsent: row[12]))
            }
            try rows(
                "mentee_row",
                "r.row, r.snils, r.last_name, r.first_name, r.middle_name, r.birth_date, r.position, r.subject, r.experience_years, "
                    + "r.deficits, r.publish_consent"
            ) { school, row in
                folders[school, default: .init()].mentees.append(
                    MenteeRecord(
                        row: row[1], snils: Self.snils(row[2]), name: PersonName(last: row[3], first: row[4], middle: row[5]),
                        birthDate: Self.date(row[6])!, position: row[7], subject: row[8], experienceYears: row[9], deficits: row[10],
                        publishConsent: row[11]))
            }
            try rows(
                "program_row",
                "r.row, r.number, r.mentor_snils, r.mentee_snils, r.form, r.model, r.directions, r.mode, r.start_date, r.end_date, "
                    + "r.pair_order, r.status, r.closed_date, r.close_reason, r.results_url"
            ) { school, row in
                let mentees = (row[4] as String).split(separator: ",").compactMap { Snils(digits: String($0)) }
                let directions = (row[7] as String).components(separatedBy: "; ").compactMap(Direction.init(rawValue:))
                folders[school, default: .init()].programs.append(
                    ProgramRecord(
                        row: row[1], number: row[2], mentor: Self.snils(row[3]), mentees: mentees, form: MentoringForm(rawValue: row[5])!,
                        model: MentoringModel(rawValue: row[6])!, directions: directions, mode: WorkMode(rawValue: row[8])!,
                        startDate: Self.date(row[9])!, endDate: Self.date(row[10])!, pairOrder: row[11],
                        status: ProgramStatus(rawValue: row[12])!, closedDate: Self.date(row[13]),
                        closeReason: (row[14] as String?).flatMap(CloseReason.init(rawValue:)), resultsURL: row[15]))
            }
            try rows("roadmap_row", "r.row, r.item, r.done_date, r.document, r.note") { school, row in
                folders[school, default: .init()].roadmap.append(
                    RoadmapCompletionRecord(row: row[1], itemCode: row[2], doneDate: Self.date(row[3])!, document: row[4], note: row[5]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.school, s.dataset, f.name FROM snapshot s JOIN source_file f ON f.id = s.file_id
                    WHERE s.replaced_by_run IS NULL
                    """
            ) {
                folders[row[0], default: .init()].files[Dataset(rawValue: row[1])!] = row[2]
            }
            for (folder, intake) in try Self.intake(db) { folders[folder, default: .init()].intake = intake }
            return RegistrySnapshot(folders: folders)
        }
    }

    /// For every folder that ever sent a file: the as-of date of the last run that accepted one,
    /// and the verdict on its latest judged files — the latest file of each dataset, and files of no
    /// recognisable dataset from the folder's latest night. A repeat counts as accepted.
    static func intake(_ db: Database) throws -> [String: SchoolIntake] {
        var lastAccepted: [String: CivilDate] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT f.folder, max(r.as_of) FROM source_file f JOIN run r ON r.id = f.run_id
                WHERE f.verdict = 'принят' GROUP BY f.folder
                """)
        {
            lastAccepted[row[0]] = date(row[1])
        }
        var rejected: [String: Bool] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT f.folder, f.verdict FROM source_file f
                JOIN (SELECT max(id) AS id FROM source_file WHERE dataset IS NOT NULL GROUP BY folder, dataset) l ON l.id = f.id
                UNION ALL
                SELECT f.folder, f.verdict FROM source_file f JOIN run r ON r.id = f.run_id
                WHERE f.dataset IS NULL AND r.as_of = (
                    SELECT max(r2.as_of) FROM source_file g JOIN run r2 ON r2.id = g.run_id WHERE g.folder = f.folder)
                """)
        {
            let folder: String = row[0]
            rejected[folder] = (rejected[folder] ?? false) || (row[1] as String) == Verdict.rejected.rawValue
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
