import Domain
import Foundation
import GRDB

/// A current record with the file it came from: each row of a workbook can be traced back.
public struct Sourced<Record: Sendable>: Sendable {
    public var school: String
    public var file: String
    public var record: Record
}

/// How a school's data stands: when a file of it was last accepted, and the verdict on its most
/// recent files (SPEC §7, `Мониторинг`).
public struct SchoolIntake: Sendable, Equatable {
    public enum State: String, Sendable {
        case accepted = "принято"
        case rejected = "отклонено"
        case none = "нет данных"
    }
    public var lastAccepted: CivilDate?
    public var state: State
}

extension Registry {
    /// Streams a school's current mentors in row order (a million rows need no array).
    public func forEachCurrentMentor(school: String, _ body: (Sourced<MentorRecord>) throws -> Void) throws {
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: Self.currentRows("mentor_row"), arguments: [school])
            while let row = try rows.next() {
                try body(
                    Sourced(
                        school: school, file: row["file"],
                        record: MentorRecord(
                            row: row["row"], snils: Snils(value: UInt64(row["snils"] as Int64)), name: Self.name(row),
                            birthDate: Self.date(row["birth_date"]), position: row["position"], subject: row["subject"],
                            experienceYears: row["experience_years"], category: QualificationCategory(rawValue: row["category"])!,
                            trainingDate: Self.date(row["training_date"]), publishConsent: row["publish_consent"])))
            }
        }
    }

    public func currentMentees(school: String) throws -> [Sourced<MenteeRecord>] {
        try queue.read { db in
            try Row.fetchAll(db, sql: Self.currentRows("mentee_row"), arguments: [school]).map { row in
                Sourced(
                    school: school, file: row["file"],
                    record: MenteeRecord(
                        row: row["row"], snils: Snils(value: UInt64(row["snils"] as Int64)), name: Self.name(row),
                        birthDate: Self.date(row["birth_date"])!, position: row["position"], subject: row["subject"],
                        experienceYears: row["experience_years"], deficits: row["deficits"], publishConsent: row["publish_consent"]))
            }
        }
    }

    public func currentCurators(school: String) throws -> [Sourced<CuratorRecord>] {
        try queue.read { db in
            try Row.fetchAll(db, sql: Self.currentRows("curator_row"), arguments: [school]).map { row in
                Sourced(
                    school: school, file: row["file"],
                    record: CuratorRecord(
                        row: row["row"], snils: Snils(value: UInt64(row["snils"] as Int64)), name: Self.name(row), position: row["position"],
                        orderNumber: row["order_number"], orderDate: Self.date(row["order_date"])!))
            }
        }
    }

    public func currentProfile(school: String) throws -> ProfileRecord? {
        try queue.read { db in
            try Row.fetchOne(db, sql: Self.currentRows("profile_row"), arguments: [school]).map { row in
                ProfileRecord(
                    row: row["row"], schoolCode: school, teachersTotal: row["teachers_total"], teachersUnder35: row["teachers_under_35"],
                    youngSpecialists: row["young_specialists"], siteURL: row["site_url"])
            }
        }
    }

    /// Current mentors of a school, counted without reading them.
    public func currentMentorCount(school: String) throws -> Int {
        try queue.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM mentor_row r JOIN snapshot s ON s.id = r.snapshot_id WHERE s.school = ? AND s.replaced_by_run IS NULL",
                arguments: [school]) ?? 0
        }
    }

    /// For every folder that ever sent a file: the last acceptance, and the verdict on the files of
    /// the latest run that took any (a repeat counts as accepted).
    public func intake() throws -> [String: SchoolIntake] {
        try queue.read { db in
            var out: [String: SchoolIntake] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.folder,
                        (SELECT max(r.as_of) FROM source_file g JOIN run r ON r.id = g.run_id
                         WHERE g.folder = f.folder AND g.verdict = 'принят') AS last_accepted,
                        max(CASE WHEN f.verdict = 'отклонён' THEN 1 ELSE 0 END) AS any_rejected
                    FROM source_file f
                    WHERE f.run_id = (SELECT max(run_id) FROM source_file WHERE folder = f.folder)
                    GROUP BY f.folder
                    """)
            {
                out[row["folder"]] = SchoolIntake(
                    lastAccepted: Self.date(row["last_accepted"]), state: (row["any_rejected"] as Int) == 1 ? .rejected : .accepted)
            }
            return out
        }
    }

    static func currentRows(_ table: String) -> String {
        """
        SELECT r.*, f.name AS file FROM \(table) r JOIN snapshot s ON s.id = r.snapshot_id JOIN source_file f ON f.id = s.file_id
        WHERE s.school = ? AND s.replaced_by_run IS NULL ORDER BY r.row
        """
    }

    static func name(_ row: Row) -> PersonName {
        PersonName(last: row["last_name"], first: row["first_name"], middle: row["middle_name"])
    }

    static func date(_ text: String?) -> CivilDate? { text.flatMap(CivilDate.init(iso:)) }
}
