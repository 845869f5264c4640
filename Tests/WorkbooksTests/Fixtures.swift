import Configuration
import Domain
import Foundation
import Registry

func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// A hand-built registry: records accepted as the nightly run would record them.
enum RegistryFixture {
    static func make(_ snapshots: [(school: String, rows: DatasetRows)]) throws -> Registry {
        let registry = try Registry(inMemory: ())
        let run = try registry.beginRun(startedAt: Date(timeIntervalSince1970: 0), asOf: day("2026-03-01"), period: nil)
        for (i, snapshot) in snapshots.enumerated() {
            let dataset: Dataset = switch snapshot.rows {
            case .profile: .profile
            case .curators: .curators
            case .mentors: .mentors
            case .mentees: .mentees
            case .programs: .programs
            case .roadmap: .roadmap
            }
            let name = "\(dataset.rawValue).csv"
            try registry.record(
                TakenFile(
                    folder: snapshot.school, name: name, dataset: dataset, sha256: "sha\(i)", verdict: .accepted, rowCount: snapshot.rows.count,
                    inboxPath: "\(snapshot.school)/\(name)", storedPath: "archive/\(snapshot.school)/\(name)", findings: []),
                rows: snapshot.rows, run: run)
        }
        return registry
    }

    static func mentor(_ snils: UInt64, _ last: String, trained: String? = nil, consent: Bool = true, row: Int = 2) -> MentorRecord {
        MentorRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: last, first: "Анна", middle: "Ивановна"), birthDate: day("1970-05-05"),
            position: "Учитель", subject: "Химия", experienceYears: 20, category: .highest, trainingDate: trained.map(day), publishConsent: consent)
    }

    static func mentee(_ snils: UInt64, _ last: String, born: String, years: Double, consent: Bool = true, row: Int = 2) -> MenteeRecord {
        MenteeRecord(
            row: row, snils: Snils(value: snils), name: PersonName(last: last, first: "Олег", middle: nil), birthDate: day(born), position: "Учитель",
            subject: "Химия", experienceYears: years, deficits: "Дисциплина", publishConsent: consent)
    }

    static func program(
        _ number: String, mentor: UInt64, mentees: [UInt64], status: ProgramStatus, form: MentoringForm = .traditional,
        model: MentoringModel = .teacherTeacher, closed: String? = nil, row: Int? = nil
    ) -> ProgramRecord {
        ProgramRecord(
            row: row ?? 1 + (Int(number.filter(\.isNumber)) ?? 1), number: number, mentor: Snils(value: mentor), mentees: mentees.map(Snils.init(value:)), form: form, model: model,
            directions: [.methodical, .subject], mode: .inPerson, startDate: day("2025-09-01"), endDate: day("2026-05-31"),
            pairOrder: "Приказ № 1", status: status, closedDate: closed.map(day), closeReason: closed == nil ? nil : .planDone, resultsURL: nil)
    }

    static func profile(_ school: String, total: Int, under35: Int, young: Int) -> ProfileRecord {
        ProfileRecord(row: 2, schoolCode: school, teachersTotal: total, teachersUnder35: under35, youngSpecialists: young, siteURL: "https://\(school).ru")
    }

    static let schools = SchoolDirectory(schools: [
        School(code: "school-a", name: "МБОУ «Школа А»", shortName: "Школа А", inn: "1638011140"),
        School(code: "school-b", name: "МБОУ «Школа Б»", shortName: "Школа Б", inn: "1638011140"),
        School(code: "school-c", name: "МБОУ «Школа В» (без данных)", shortName: "Школа В", inn: "1638011140"),
        School(code: "school-d", name: "МБДОУ «Детский сад Г»", shortName: "Сад Г", inn: "1638011140"),
    ])

    static func scratch() -> String {
        NSTemporaryDirectory() + "nastavnik-wb-\(UUID().uuidString)"
    }
}
