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

/// The nightly job at the scale of a region: every stage, timed as the administrator would see it.
enum NightlyRunBench {
    static func run(schools count: Int, rowsPerSchool: Int) {
        let root = NSTemporaryDirectory() + "nastavnik-bench-night-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = root + "/config"
        try! FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        var schools = "Код ОО;Наименование ОО;Краткое наименование;ИНН\r\n"
        for k in 1...count { schools += "school-\(k);МБОУ «Средняя общеобразовательная школа № \(k)»;СОШ № \(k);1638011140\r\n" }
        try! schools.write(toFile: config + "/schools.csv", atomically: true, encoding: .utf8)
        try! "min_file_age_seconds = 0\nmax_file_bytes = 1073741824\n".write(
            toFile: config + "/nastavnik.toml", atomically: true, encoding: .utf8)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/roadmap.csv").path
        try! FileManager.default.copyItem(atPath: shipped, toPath: config + "/roadmap.csv")
        var total = 0
        for k in 1...count {
            let folder = root + "/inbox/school-\(k)"
            try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let bytes = MentorsFile.text(rows: rowsPerSchool, first: 1 + (k - 1) * rowsPerSchool).data(using: .windowsCP1251)!
            try! bytes.write(to: URL(fileURLWithPath: folder + "/наставники.csv"))
            total += bytes.count
        }
        let configuration = try! Configuration.load(directory: config)
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let start = DispatchTime.now().uptimeNanoseconds
        let result = NightlyRun.execute(
            configuration: configuration, schedule: try! RoadmapSchedule(configuration.roadmap),
            options: RunOptions(asOf: CivilDate(year: 2026, month: 11, day: 25)!, period: nil), logger: logger)
        let done = DispatchTime.now().uptimeNanoseconds
        precondition(result.end.isCompleted, "\(result.end)")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let megabytes = Double(total) / 1_048_576
        print(
            String(
                format: "nightly run: %d schools × %d mentors (%.0f MB of Windows-1251): total %.1f s; %d accepted; peak memory %.0f MB",
                count, rowsPerSchool, megabytes, Double(done - start) / 1e9,
                result.report!.files.count { $0.verdict == .accepted }, Double(usage.ru_maxrss) / 1024))
    }
}
