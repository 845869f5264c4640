import Config
import Domain
import Foundation

public func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// Records as a school would send them, and a small district where every number of the statform
/// is known in advance (as of 2026-03-01, period 2026-H1).
public enum Records {
    public static func mentor(_ snils: UInt64, _ last: String, trained: String? = nil, consent: Bool = true, row: Int = 2) -> MentorRecord {
        MentorRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: last, first: "Анна", middle: "Ивановна"),
            birthDate: day("1970-05-05"),
            position: "Учитель", subject: "Химия", experienceYears: 20, category: .highest, trainingDate: trained.map(day),
            publishConsent: consent)
    }

    public static func mentee(_ snils: UInt64, _ last: String, born: String, years: Double, consent: Bool = true, row: Int = 2)
        -> MenteeRecord
    {
        MenteeRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: last, first: "Олег", middle: nil), birthDate: day(born),
            position: "Учитель",
            subject: "Химия", experienceYears: years, deficits: "Дисциплина", publishConsent: consent)
    }

    public static func program(
        _ number: String, mentor: UInt64, mentees: [UInt64], status: ProgramStatus, form: MentoringForm = .traditional,
        model: MentoringModel = .teacherTeacher, closed: String? = nil, row: Int? = nil
    ) -> ProgramRecord {
        ProgramRecord(
            row: row ?? 1 + (Int(number.filter(\.isNumber)) ?? 1), number: number, mentor: Snils(value: mentor),
            mentees: mentees.map(Snils.init(value:)),
            form: form, model: model, directions: [.methodical, .subject], mode: .inPerson, startDate: day("2025-09-01"),
            endDate: day("2026-05-31"),
            pairOrder: "Приказ № 1", status: status, closedDate: closed.map(day), closeReason: closed == nil ? nil : .planDone,
            resultsURL: nil)
    }

    public static func profile(_ school: String, total: Int, under35: Int, young: Int) -> ProfileRecord {
        ProfileRecord(
            row: 2, schoolCode: school, teachersTotal: total, teachersUnder35: under35, youngSpecialists: young,
            siteURL: "https://\(school).ru")
    }

    public static let schools = SchoolDirectory(schools: [
        School(code: "school-a", name: "МБОУ «Школа А»", shortName: "Школа А", inn: "1638011140"),
        School(code: "school-b", name: "МБОУ «Школа Б»", shortName: "Школа Б", inn: "1638011140"),
        School(code: "school-c", name: "МБОУ «Школа В» (без данных)", shortName: "Школа В", inn: "1638011140"),
        School(code: "school-d", name: "МБДОУ «Детский сад Г»", shortName: "Сад Г", inn: "1638011140"),
    ])

    /// The district whose statform is known: see `StatformFiguresTests` for every number.
    public static let knownDistrict: [(school: String, rows: DatasetRows)] = [
        ("school-a", .profile([profile("school-a", total: 40, under35: 10, young: 4)])),
        (
            "school-a",
            .mentors([
                mentor(11_223_344_595, "Андреева", trained: "2025-10-01"), mentor(14_527_450_962, "Белова", trained: "2026-05-01", row: 3),
                mentor(3_263_353_97, "Сорокина", row: 4),
            ])
        ),
        (
            "school-a",
            .mentees([
                mentee(14_100_840_800, "Петров", born: "2000-03-02", years: 1),  // 25: under 35, young
                mentee(20_513_205_900, "Орлов", born: "1991-03-01", years: 5, row: 3),  // 35 that day: not under 35
                mentee(95_253_007_700, "Лаптев", born: "1991-03-02", years: 2.5, row: 4),  // 34, young
            ])
        ),
        (
            "school-a",
            .programs([
                program("1", mentor: 11_223_344_595, mentees: [14_100_840_800], status: .running),
                program(
                    "2", mentor: 14_527_450_962, mentees: [20_513_205_900, 95_253_007_700], status: .extended, form: .group,
                    model: .headTeacher),
                program("3", mentor: 11_223_344_595, mentees: [20_513_205_900], status: .completed, closed: "2026-02-01"),
                program("4", mentor: 11_223_344_595, mentees: [20_513_205_900], status: .terminated, closed: "2025-12-20"),
                program("5", mentor: 11_223_344_595, mentees: [95_253_007_700], status: .completed, closed: "2026-01-15"),
            ])
        ),
        ("school-b", .profile([profile("school-b", total: 20, under35: 0, young: 1)])),
        ("school-b", .mentors([mentor(55_555_555_555, "Иванов", trained: "2024-01-01")])),
        ("school-b", .programs([program("Б-1", mentor: 55_555_555_555, mentees: [1], status: .terminated, closed: "2026-02-10")])),
        ("school-d", .profile([profile("school-d", total: 50, under35: 30, young: 3)])),
    ]

    /// A roadmap of four items: a district one, a one-off, a half-yearly and an ongoing school item.
    public static let roadmap = RoadmapPlan(
        items: [
            RoadmapItem(
                code: "1.1", title: "Положение", term: "Декабрь 2022 г.", level: .district, responsible: "МКУ", result: "Приказ", line: 2),
            RoadmapItem(
                code: "П2.1", title: "Куратор", term: "до 30 января 2023 года", level: .school, responsible: "ОО", result: "Приказ", line: 3
            ),
            RoadmapItem(
                code: "3.1", title: "Анализ", term: "1 раз в полугодие", level: .school, responsible: "ОО", result: "Справка", line: 4),
            RoadmapItem(
                code: "2.8", title: "Постоянно", term: "В течение всего периода", level: .school, responsible: "ОО", result: "", line: 5),
        ], path: "roadmap.csv")

    /// The as-of date of `retentionDistrict`: D0 is 01.03.2025.
    public static let retentionAsOf = day("2026-03-01")

    public static func staffer(
        _ snils: UInt64, born: String, since: String, hired: String, dismissed: String? = nil, reason: DismissalReason? = nil,
        row: Int = 2
    ) -> StaffRecord {
        StaffRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: "Педагог\(snils % 100)", first: "Анна", middle: nil),
            birthDate: day(born), position: "учитель", teachingSince: day(since), hiredOn: day(hired), dismissedOn: dismissed.map(day),
            dismissalReason: reason ?? (dismissed == nil ? nil : .ownWish))
    }

    static func programStarting(_ number: String, mentees: [UInt64], start: String) -> ProgramRecord {
        var program = program(number, mentor: 1, mentees: mentees, status: .running)
        program.startDate = day(start)
        return program
    }

    /// 1 stays in A, mentored since before D0; 2 moves from A to B, mentored only after D0; 3 leaves A,
    /// mentored from D0 itself; 4 is hired by A after D0; 5 works in A and in B part-time; 6 is
    /// neither under 35 nor new; 7 is 45 but new to teaching, dismissed by B on the as-of date
    /// itself (a working day); 8 is dismissed by A on D0 (employed that day); 9 leaves B for a
    /// school of another district, mentored in B.
    public static let retentionDistrict: [(school: String, rows: DatasetRows)] = [
        (
            "school-a",
            .staff(
                rowsInOrder([
                    staffer(1, born: "2000-05-01", since: "2023-09-01", hired: "2023-09-01"),
                    staffer(2, born: "1998-05-01", since: "2022-09-01", hired: "2022-09-01", dismissed: "2025-08-31", reason: .transfer),
                    staffer(3, born: "1995-05-01", since: "2019-09-01", hired: "2019-09-01", dismissed: "2025-12-31"),
                    staffer(4, born: "2001-05-01", since: "2025-03-02", hired: "2025-03-02"),
                    staffer(5, born: "1999-05-01", since: "2021-09-01", hired: "2021-09-01"),
                    staffer(6, born: "1970-05-01", since: "1995-09-01", hired: "1995-09-01"),
                    staffer(8, born: "2000-01-01", since: "2022-09-01", hired: "2022-09-01", dismissed: "2025-03-01"),
                ]))
        ),
        (
            "school-a",
            .programs([
                programStarting("1", mentees: [1], start: "2024-09-01"), programStarting("2", mentees: [2], start: "2025-09-01"),
                programStarting("3", mentees: [3], start: "2025-03-01"),
            ])
        ),
        (
            "school-b",
            .staff(
                rowsInOrder([
                    staffer(2, born: "1998-05-01", since: "2022-09-01", hired: "2025-09-01"),
                    staffer(5, born: "1999-05-01", since: "2021-09-01", hired: "2022-09-01"),
                    staffer(7, born: "1980-05-01", since: "2023-09-01", hired: "2023-09-01", dismissed: "2026-03-01"),
                    staffer(9, born: "2002-05-01", since: "2024-09-01", hired: "2024-09-01", dismissed: "2026-01-31", reason: .transfer),
                ]))
        ),
        ("school-b", .programs([programStarting("Б-1", mentees: [9], start: "2024-10-01")])),
    ]

    /// Each record in the file's row after the one before, from 2.
    static func rowsInOrder(_ list: [StaffRecord]) -> [StaffRecord] {
        list.enumerated().map { i, record in
            var record = record
            record.row = i + 2
            return record
        }
    }

    /// The same data as a snapshot held in memory, as if the registry had just been read.
    public static func snapshot(_ data: [(school: String, rows: DatasetRows)]) -> RegistrySnapshot {
        var folders: [String: RegistrySnapshot.Folder] = [:]
        for (school, rows) in data {
            var folder = folders[school] ?? .init()
            switch rows {
            case .profile(let list): folder.profile = list.first
            case .curators(let list): folder.curators = list
            case .mentors(let list): folder.mentors = list
            case .mentees(let list): folder.mentees = list
            case .programs(let list): folder.programs = list
            case .roadmap(let list): folder.roadmap = list
            case .staff(let list): folder.staff = list
            case .package: continue
            }
            if let dataset = rows.dataset { folder.files[dataset] = "\(dataset.rawValue).csv" }
            folder.intake = SchoolIntake(lastAccepted: day("2026-03-01"), state: .accepted)
            folders[school] = folder
        }
        return RegistrySnapshot(folders: folders)
    }
}
