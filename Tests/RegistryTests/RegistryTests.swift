import Domain
import Foundation
import GRDB
import Testing

@testable import Registry

struct RegistryTests {
    let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    func mentor(_ snils: UInt64, _ last: String, row: Int = 2) -> MentorRecord {
        MentorRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: last, first: "Анна", middle: nil), birthDate: nil,
            position: "Учитель", subject: "Физика", experienceYears: 10, category: .first, trainingDate: nil, publishConsent: true)
    }

    func file(_ name: String, _ verdict: Verdict, sha: String) -> TakenFile {
        TakenFile(
            folder: "school-a", name: name, dataset: .mentors, sha256: sha, verdict: verdict, rowCount: 1,
            inboxPath: "school-a/\(name)", storedPath: "archive/school-a/2026-03-01/\(name)",
            findings: verdict == .rejected ? [Finding(.error, file: name, row: 2, message: "плохо")] : [])
    }

    @Test func snapshotsReplaceButNeverDelete() throws {
        let registry = try Registry(inMemory: ())
        let run1 = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        try registry.record([(file("mentors.csv", .accepted, sha: "aa"), .mentors([mentor(11_223_344_595, "Иванова")]))], run: run1)
        let run2 = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        try registry.record([(file("mentors.csv", .rejected, sha: "bb"), nil)], run: run2)
        #expect(try registry.baseline().currentSHA(folder: "school-a", dataset: .mentors) == "aa")
        try registry.record(
            [
                (
                    file("mentors.csv", .accepted, sha: "cc"),
                    .mentors([mentor(14_527_450_962, "Петрова"), mentor(11_223_344_595, "Иванова", row: 3)])
                )
            ],
            run: run2)
        #expect(try registry.baseline().currentSHA(folder: "school-a", dataset: .mentors) == "cc")
        #expect(try registry.snapshot()["school-a"].mentors.map(\.name.last) == ["Петрова", "Иванова"])

        let history = try registry.queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.run_id, s.replaced_by_run, count(r.row) FROM snapshot s JOIN mentor_row r ON r.snapshot_id = s.id
                    GROUP BY s.id ORDER BY s.id
                    """
            )
            .map { [$0[0] as Int64, ($0[1] as Int64?) ?? 0, $0[2] as Int64] }
        }
        #expect(history == [[run1, run2, 1], [run2, 0, 2]])
        let findings = try registry.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") }
        #expect(findings == 1)
    }

    @Test func aFailedTransactionLeavesNoTrace() throws {
        let registry = try Registry(inMemory: ())
        let run = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try registry.queue.write { db in
                try db.execute(
                    sql:
                        """
                        INSERT INTO source_file (run_id, folder, name, sha256, verdict, row_count, inbox_path, stored_path)
                        VALUES (?, 'a', 'm.csv', 'x', 'принят', 1, 'a/m.csv', 'archive/a/m.csv')
                        """,
                    arguments: [run])
                try db.execute(
                    sql: "INSERT INTO snapshot (school, dataset, file_id, run_id) VALUES ('a', 'mentors', ?, ?)",
                    arguments: [db.lastInsertedRowID, run])
                try RowWriter.insert(.mentors([mentor(11_223_344_595, "Иванова")]), snapshot: db.lastInsertedRowID, db: db)
                throw Boom()
            }
        }
        #expect(try registry.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM mentor_row") } == 0)
    }

    @Test func reopeningMigratesNothingTwice() throws {
        let path = NSTemporaryDirectory() + "nastavnik-registry-\(UUID().uuidString)/registry.sqlite"
        _ = try Registry(path: path)
        let again = try Registry(path: path)
        #expect(try again.pendingMoves().isEmpty)
        let readOnly = try Registry(path: path, readOnly: true)
        #expect(try readOnly.snapshot().folders.isEmpty)
    }

    /// A migration's table is written out once; the declaration may change after it. Each
    /// declaration's stored columns must be its table's, in kind and in whether they may be empty.
    @Test func everyDeclarationMatchesItsTable() throws {
        let registry = try Registry(inMemory: ())
        struct Expected: DeclarationVisitor {
            func visit<R>(_ d: DatasetDeclaration<R>) -> (String, [String: String]) {
                let types: [Stored.Kind: String] = [.integer: "INTEGER", .real: "REAL", .text: "TEXT", .date: "TEXT", .snilsList: "TEXT"]
                var columns = ["snapshot_id": "INTEGER NOT NULL", "row": "INTEGER NOT NULL"]
                for field in d.storedFields {
                    columns[field.stored!] = types[field.kind]! + (field.column.optional ? "" : " NOT NULL")
                }
                return (d.table, columns)
            }
        }
        for dataset in Dataset.allCases {
            let (table, expected) = dataset.declared(Expected())
            let actual = try registry.queue.read { db in
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row -> (String, String) in
                        (row["name"], (row["type"] as String) + ((row["notnull"] as Int) == 1 ? " NOT NULL" : ""))
                    })
            }
            #expect(actual == expected, "\(dataset)")
        }
    }

    @Test func aStaffListIsKeptAndReadBack() throws {
        let registry = try Registry(inMemory: ())
        let run = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        let teacher = StaffRecord(
            row: 2, snils: Snils(value: 11_223_344_595), name: PersonName(last: "Иванова", first: "Анна", middle: "Петровна"),
            birthDate: CivilDate(year: 1998, month: 3, day: 12)!, position: "учитель",
            teachingSince: CivilDate(year: 2021, month: 9, day: 1)!,
            hiredOn: CivilDate(year: 2021, month: 9, day: 1)!, dismissedOn: CivilDate(year: 2025, month: 8, day: 31)!,
            dismissalReason: .transfer)
        var still = teacher
        (still.row, still.dismissedOn, still.dismissalReason) = (3, nil, nil)
        var taken = file("staff.csv", .accepted, sha: "aa")
        taken.dataset = .staff
        try registry.record([(taken, .staff([teacher, still]))], run: run)
        #expect(try registry.snapshot()["school-a"].staff == [teacher, still])
        #expect(
            try registry.queue.read { db in try String.fetchOne(db, sql: "SELECT dismissal_reason FROM staff_row WHERE row = 2") }
                == "transfer")
        #expect(try registry.baseline().staffWithSnils([Snils(value: 11_223_344_595)]) == ["school-a": [teacher, still]])
        #expect(try registry.baseline().staffWithSnils([Snils(value: 14_527_450_962)]).isEmpty)
    }
}

struct BaselineTests {
    let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    @Test func theRegistryBeforeTonight() throws {
        let registry = try Registry(inMemory: ())
        let run = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        let t = RegistryTests()
        var mentors = t.file("mentors.csv", .accepted, sha: "aa")
        mentors.folder = "school-b"
        try registry.record([(mentors, .mentors([t.mentor(11_223_344_595, "Иванова")]))], run: run)
        let baseline = try registry.baseline()
        #expect(baseline.currentSHA(folder: "school-b", dataset: .mentors) == "aa")
        #expect(baseline.mentors.folders(of: Snils(value: 11_223_344_595)) == ["school-b"])
        #expect(baseline.mentees.count == 0)
        let people = try baseline.peopleWithSnils([Snils(value: 11_223_344_595), Snils(value: 1)])
        #expect(people.map(\.name.last) == ["Иванова"])
        #expect(people.first?.row == 2 && people.first?.school == "school-b")
    }
}

struct IntakeTests {
    let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    /// The state of a school's data follows its latest judged file of each dataset, across runs:
    /// a later run that takes only other files does not hide a rejection.
    @Test func stateFollowsTheLatestFileOfEachDataset() throws {
        let registry = try Registry(inMemory: ())
        let t = RegistryTests()
        let run1 = try registry.beginRun(startedAt: Date(), asOf: asOf, period: nil)
        try registry.record([(t.file("mentors.csv", .rejected, sha: "bb"), nil)], run: run1)
        let run2 = try registry.beginRun(startedAt: Date(), asOf: asOf.adding(days: 1), period: nil)
        var profile = t.file("profile.csv", .accepted, sha: "pp")
        profile.dataset = .profile
        try registry.record(
            [
                (
                    profile,
                    .profile([
                        ProfileRecord(
                            row: 2, schoolCode: "school-a", teachersTotal: 1, teachersUnder35: 0, youngSpecialists: 0, siteURL: nil)
                    ])
                )
            ],
            run: run2)
        #expect(try registry.snapshot()["school-a"].intake == SchoolIntake(lastAccepted: asOf.adding(days: 1), state: .rejected))
        let run3 = try registry.beginRun(startedAt: Date(), asOf: asOf.adding(days: 2), period: nil)
        try registry.record([(t.file("mentors.csv", .accepted, sha: "cc"), .mentors([t.mentor(11_223_344_595, "Иванова")]))], run: run3)
        #expect(try registry.snapshot()["school-a"].intake == SchoolIntake(lastAccepted: asOf.adding(days: 2), state: .accepted))
        #expect(try registry.snapshot()["school-z"].intake.state == .none)
    }
}
