import Config
import Deadlines
import Domain
import Figures
import Foundation
import Logging
import Pipeline
import Reading
import Registry
import Validation
import Workbooks

/// Writing the registry workbook for a district (or a country) of `rows` mentors.
enum RegistryWorkbookBench {
    static func run(rows: Int) {
        let dir = NSTemporaryDirectory() + "nastavnik-bench-registry-\(rows)"
        let database = dir + "/registry.sqlite"
        let schools = SchoolDirectory(
            schools: (1...100).map {
                School(
                    code: "school-\($0)", name: "МБОУ «Средняя общеобразовательная школа № \($0)»", shortName: "СОШ № \($0)",
                    inn: "1638011140")
            })
        if !FileManager.default.fileExists(atPath: database) {
            try? FileManager.default.removeItem(atPath: dir)
            let registry = try! Registry(path: database)
            let run = try! registry.beginRun(startedAt: Date(), asOf: CivilDate(year: 2026, month: 11, day: 25)!, period: nil)
            let perSchool = rows / schools.schools.count
            for (k, school) in schools.schools.enumerated() {
                let mentors = (0..<perSchool).map { i -> MentorRecord in
                    let n = k * perSchool + i
                    return MentorRecord(
                        row: i + 2, snils: Snils(value: UInt64(10_000_000_000 + n)),
                        name: PersonName(
                            last: MentorsFile.lastNames[n % 10], first: MentorsFile.firstNames[n / 10 % 10],
                            middle: MentorsFile.middleNames[n / 100 % 10]),
                        birthDate: CivilDate(year: 1960 + n % 40, month: n % 12 + 1, day: n % 28 + 1), position: "Учитель",
                        subject: MentorsFile.subjects[n % 8], experienceYears: Double(n % 40), category: .first,
                        trainingDate: n % 3 == 0 ? nil : CivilDate(year: 2023, month: n % 12 + 1, day: 1), publishConsent: n % 2 == 0)
                }
                try! registry.record(
                    [
                        (
                            TakenFile(
                                folder: school.code, name: "mentors.csv", dataset: .mentors, sha256: "\(k)", verdict: .accepted,
                                rowCount: mentors.count, inboxPath: "\(school.code)/mentors.csv",
                                storedPath: "archive/\(school.code)/mentors.csv",
                                findings: []),
                            .mentors(mentors)
                        )
                    ], run: run)
            }
            print("registry of \(rows) mentors built at \(database)")
            // The workbook is written by a fresh process, so that its peak memory is its own.
            let me = Process()
            me.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            me.arguments = ["registry-workbook", "--rows", "\(rows)"]
            try! me.run()
            me.waitUntilExit()
            return
        }
        let registry = try! Registry(path: database)
        let start = DispatchTime.now().uptimeNanoseconds
        let asOf = CivilDate(year: 2026, month: 11, day: 25)!
        let snapshot = try! registry.snapshot()
        let figures = NightFigures(
            snapshot: snapshot, schools: schools, settings: Settings(), schedule: try! RoadmapSchedule(RoadmapPlan(items: [], path: "")),
            asOf: asOf, period: ReportingPeriod(containing: asOf))
        let path = try! RegistryWorkbook.write(
            snapshot: snapshot, figures: figures, place: OutputPlace(outbox: dir + "/outbox", asOf: asOf))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = (try! FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).doubleValue / 1_048_576
        print(
            String(
                format: "registry workbook: %d mentor rows in %.2f s (%.0f rows/s), file %.1f MB, peak memory %.0f MB",
                rows, seconds, Double(rows) / seconds, size, Double(usage.ru_maxrss) / 1024))
    }
}
