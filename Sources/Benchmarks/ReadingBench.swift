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

/// Reads and validates a large generated `mentors` file, as the nightly run does, and prints MB/s.
enum ReadingBench {
    static func run(_ options: Options) {
        // Generated once per size and encoding, then reused: generating is slower than reading.
        let path =
            NSTemporaryDirectory() + "nastavnik-bench-mentors-\(options.encoding)-\(options.megabytes)"
            + (options.uniqueSurnames ? "-unique" : "") + ".csv"
        if !FileManager.default.fileExists(atPath: path) {
            let text = MentorsFile.text(megabytes: options.megabytes, uniqueSurnames: options.uniqueSurnames)
            let encoding: String.Encoding = options.encoding == "utf8" ? .utf8 : .windowsCP1251
            try! text.data(using: encoding)!.write(to: URL(fileURLWithPath: path + ".tmp"))
            try! FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        }
        let size = (try! FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
        let megabytes = Double(size) / 1_048_576
        print(
            String(
                format: "file: %.1f MB (%@%@), %d runs", megabytes, options.encoding,
                options.uniqueSurnames ? ", every surname unique" : "",
                options.runs))

        let context = ValidationContext(
            school: "bench", asOf: CivilDate(year: 2026, month: 11, day: 25)!, roadmapCodes: [], people: NoPeople())
        var rates: [Double] = []
        for run in 1...options.runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let bytes = try! CSVDocument.loadBytes(path: path, maxBytes: Int.max)
            let result = FileValidator.validate(name: "mentors.csv", dataset: .mentors, bytes: bytes, context: context)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            precondition(result.isAccepted, "the generated file must be valid: \(result.findings.prefix(3))")
            rates.append(megabytes / seconds)
            print(
                String(
                    format: "run %d: %.2f s, %.0f MB/s, %d rows, %@", run, seconds, megabytes / seconds, result.rowCount,
                    result.encoding!.rawValue)
            )
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "median: %.0f MB/s (peak memory %.0f MB)", rates.sorted()[rates.count / 2], Double(usage.ru_maxrss) / 1024))
        if ProcessInfo.processInfo.environment["BENCH_PHASES"] != nil {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let bytes = try! CSVDocument.loadBytes(path: path, maxBytes: Int.max)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let document = try! CSVDocument.parse(bytes)
            let t2 = DispatchTime.now().uptimeNanoseconds
            _ = FileValidator.validate(name: "mentors.csv", dataset: .mentors, document: document, context: context)
            let t3 = DispatchTime.now().uptimeNanoseconds
            print("load \(Double(t1 - t0) / 1e9) s, parse \(Double(t2 - t1) / 1e9) s, validate \(Double(t3 - t2) / 1e9) s")
        }
    }
}

/// Nobody beyond the file: the mentors file refers to no one.
struct NoPeople: PeopleDirectory {
    func schoolsWithMentor(_ snils: Snils) -> Set<String> { [] }
    func isMentee(_ snils: Snils, of school: String) -> Bool { false }
}
