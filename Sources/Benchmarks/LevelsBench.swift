import Config
import Deadlines
import Domain
import Figures
import Foundation
import Logging
import Pipeline
import Workbooks

/// A region's night: `districts` packages of `schools` schools each, written by the package
/// writer into a fresh region's inbox, then the region's whole night in this process (every
/// package read back and judged, recorded, the region's statform, monitoring, report, page and its
/// own package). Prints each run's wall time and the median.
enum LevelsBench {
    static func run(districts: Int, schools: Int, runs: Int) {
        let root = NSTemporaryDirectory() + "nastavnik-bench-levels-\(districts)x\(schools)"
        let packages = root + "/packages"
        try? FileManager.default.removeItem(atPath: root)
        try! FileManager.default.createDirectory(atPath: packages, withIntermediateDirectories: true)
        let period = ReportingPeriod("2026-H1")!
        let asOf = CivilDate(year: 2026, month: 6, day: 30)!
        var directory = "Код МО;Наименование МО\n"
        for d in 1...districts {
            let code = "district-\(d)"
            directory += "\(code);Муниципальный район \(d)\n"
            let rows = (1...schools).map { s -> PackageRow in
                var counts = StatformRow(code: "\(code)-school-\(s)", name: "Школа \(s) района \(d)")
                counts.teachersTotal = 30 + (s * 7 + d) % 40
                counts.teachersUnder35 = 5 + s % 9
                counts.youngSpecialists = 2 + s % 4
                counts.mentors = 3 + s % 5
                counts.mentorsTrained = 1 + s % 3
                counts.mentees = 4 + s % 6
                counts.menteesYoungSpecialists = 1 + s % 3
                counts.menteesUnder35 = 3 + s % 5
                counts.programsActive = 2 + s % 4
                counts.byForm[.traditional] = counts.programsActive
                counts.byModel[.teacherTeacher] = counts.programsActive
                var row = PackageRow(statform: counts)
                row.schoolsListed = 1
                row.schoolsWithData = 1
                row.schoolsWithCurator = 1
                row.schoolsWithSite = s % 2
                row.state = "принято"
                row.received = asOf
                return row
            }
            let lines = rows.map { row -> SchoolLine in
                var line = SchoolLine(row: row.statform)
                line.districtCode = code
                line.districtName = "Муниципальный район \(d)"
                return line
            }
            let package = Package(
                level: "МО", code: code, name: "Муниципальный район \(d)", period: period, dataOn: asOf, units: .school, rows: rows,
                total: PackageRow.total(of: rows, code: "Итого", name: "Всего по \(schools) ОО"), schools: lines)
            let path = try! PackageWorkbook.write(package, place: OutputPlace(outbox: packages + "/\(code)", asOf: asOf))
            try! FileManager.default.createDirectory(atPath: packages + "/inbox/\(code)", withIntermediateDirectories: true)
            try! FileManager.default.moveItem(atPath: path, toPath: packages + "/inbox/\(code)/пакет.xlsx")
        }
        var times: [Double] = []
        for run in 1...max(runs, 1) {
            let home = root + "/run\(run)"
            try! FileManager.default.createDirectory(atPath: home + "/config", withIntermediateDirectories: true)
            try! FileManager.default.copyItem(atPath: packages + "/inbox", toPath: home + "/inbox")
            try! directory.write(toFile: home + "/config/districts.csv", atomically: true, encoding: .utf8)
            try! "Код;Мероприятие;Срок;Уровень\nР1;Мониторинг районов;1 раз в полугодие;район\n".write(
                toFile: home + "/config/roadmap.csv", atomically: true, encoding: .utf8)
            try! "level = \"region\"\nregion_code = \"region\"\nregion_name = \"Регион\"\nmin_file_age_seconds = 0\n".write(
                toFile: home + "/config/nastavnik.toml", atomically: true, encoding: .utf8)
            let configuration = try! Configuration.load(directory: home + "/config")
            var logger = Logger(label: "bench")
            logger.logLevel = .error
            let start = DispatchTime.now().uptimeNanoseconds
            let result = NightlyRun.execute(
                configuration: configuration, schedule: try! RoadmapSchedule(configuration.roadmap),
                options: RunOptions(asOf: asOf, period: nil), logger: logger)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            precondition(result.end.isCompleted && result.report?.files.allSatisfy { $0.verdict == .accepted } == true, "\(result.end)")
            times.append(seconds)
            print(String(format: "run %d: %.2f s, %d packages accepted", run, seconds, result.report?.files.count ?? 0))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(
            String(
                format: "region night: %d district packages of %d schools: median %.2f s (%d runs); peak memory %.0f MB", districts,
                schools,
                times.sorted()[times.count / 2], times.count, Double(usage.ru_maxrss) / 1024))
    }
}
