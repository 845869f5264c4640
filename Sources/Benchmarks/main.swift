import Configuration
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

// Reads and validates a large generated `mentors` file, as the nightly run does, and prints MB/s.
//
//   swift run -c release nastavnik-bench [--megabytes N] [--runs N] [--encoding cp1251|utf8]
//       [--surnames common|unique]   (unique: no two rows share a surname)
//   swift run -c release nastavnik-bench nightly-run [--schools N] [--rows N]
//     the whole nightly job on N schools sending a Windows-1251 mentors file of N rows each
//     (default 100 × 10,000), in a fresh installation in the temp folder: validation, registry,
//     deadlines and every workbook.
//   swift run -c release nastavnik-bench registry-workbook [--rows N]
//     writes outbox/registry-DATE.xlsx for a registry of N current mentors (default 1,000,000),
//     built once in the temp folder; prints the time and this process's peak memory.
//
// The file is generated once into the temporary folder (and kept for later runs), then read from
// disk and validated `runs` times; every run and the median are printed.

struct Options {
    var megabytes = 120
    var runs = 5
    var encoding = "cp1251"
    var registryWorkbook = false
    var nightlyRun = false
    var rows = 1_000_000
    var schools = 100
    var uniqueSurnames = false

    init(_ arguments: [String]) {
        var i = 1
        if arguments.count > 1 && arguments[1] == "registry-workbook" {
            registryWorkbook = true
            i = 2
        }
        if arguments.count > 1 && arguments[1] == "nightly-run" {
            nightlyRun = true
            rows = 10_000
            i = 2
        }
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--megabytes": megabytes = Int(value) ?? megabytes
            case "--runs": runs = Int(value) ?? runs
            case "--encoding": encoding = value
            case "--rows": rows = Int(value) ?? rows
            case "--schools": schools = Int(value) ?? schools
            case "--surnames": uniqueSurnames = value == "unique"
            default:
                print("usage: nastavnik-bench [--megabytes N] [--runs N] [--encoding cp1251|utf8] [--surnames common|unique]")
                exit(2)
            }
            i += 2
        }
    }
}

/// A plausible mentors file: valid СНИЛС, Cyrillic names, every column filled as schools fill it.
enum MentorsFile {
    static let lastNames = [
        "Андреева", "Хабибуллин", "Сорокина", "Зарипова", "Фёдорова", "Кузнецов", "Шарафутдинова", "Яруллина", "Белов", "Захарова",
    ]
    static let firstNames = ["Галина", "Ильдар", "Елена", "Гульнара", "Нина", "Андрей", "Эльвира", "Резеда", "Сергей", "Валентина"]
    static let middleNames = [
        "Петровна", "Ринатович", "Викторовна", "Ильдусовна", "Алексеевна", "Николаевич", "Фаритовна", "Шамилевна", "Павлович", "Ивановна",
    ]
    static let subjects = [
        "Русский язык и литература", "Математика", "Начальные классы", "Химия", "Физика", "Татарский язык", "История", "Информатика",
    ]
    static let categories = ["высшая", "первая", "соответствие занимаемой должности", "без категории"]

    static func snils(_ n: Int) -> String {
        let nine = String(format: "%09d", 2_000_000 + n * 7 % 997_000_000)
        let digits = nine.compactMap(\.wholeNumberValue)
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (9 - $1) }
        let check = sum < 100 ? sum : (sum == 100 || sum == 101 ? 0 : (sum % 101 == 100 ? 0 : sum % 101))
        let a = Array(nine)
        return "\(String(a[0..<3]))-\(String(a[3..<6]))-\(String(a[6..<9])) \(String(format: "%02d", check))"
    }

    /// A file of exactly `rows` mentors, numbered from `first` (each school has its own people).
    static func text(rows: Int, first: Int = 1) -> String {
        var out = header
        for n in first..<(first + rows) { out += row(n) }
        return out
    }

    static let header =
        "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Должность;Предмет (направление);Педагогический стаж, лет;"
        + "Квалификационная категория;Дата ПК по наставничеству;Согласие на публикацию\r\n"

    static func row(_ n: Int, uniqueSurname: Bool = false) -> String {
        let surname = uniqueSurname ? Self.uniqueSurname(n) : lastNames[n % 10]
        let birth = String(format: "%02d.%02d.%d", n % 28 + 1, n % 12 + 1, 1960 + n % 40)
        let training = n % 3 == 0 ? "" : String(format: "%02d.%02d.%d", n % 27 + 1, n % 12 + 1, 2020 + n % 5)
        return "\(snils(n));\(surname);\(firstNames[n / 10 % 10]);\(middleNames[n / 100 % 10]);\(birth);Учитель;"
            + "\(subjects[n % 8]);\(n % 40),\(n % 10);\(categories[n % 4]);\(training);\(n % 2 == 0 ? "да" : "нет")\r\n"
    }

    /// At least `megabytes` of Windows-1251 (Cyrillic is two bytes in UTF-8 and one in Windows-1251,
    /// so the UTF-8 text is sized at 1.8×).
    static func text(megabytes: Int, uniqueSurnames: Bool) -> String {
        var out = header
        var n = 0
        while out.utf8.count < megabytes * 1_048_576 * 18 / 10 {
            n += 1
            out += row(n, uniqueSurname: uniqueSurnames)
        }
        return out
    }

    /// A surname no other row has (the worst case for sharing repeated values): «Андреева-вгдб».
    static func uniqueSurname(_ n: Int) -> String {
        let letters = Array("абвгдежзик")
        return lastNames[n % 10] + "-" + String(String(n).map { letters[$0.wholeNumberValue!] })
    }
}

let options = Options(CommandLine.arguments)
if options.registryWorkbook {
    RegistryWorkbookBench.run(rows: options.rows)
    exit(0)
}
if options.nightlyRun {
    NightlyRunBench.run(schools: options.schools, rowsPerSchool: options.rows)
    exit(0)
}
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
        format: "file: %.1f MB (%@%@), %d runs", megabytes, options.encoding, options.uniqueSurnames ? ", every surname unique" : "",
        options.runs))

/// Nobody beyond the file: the mentors file refers to no one.
struct NoPeople: PeopleDirectory {
    func schoolsWithMentor(_ snils: Snils) -> Set<String> { [] }
    func isMentee(_ snils: Snils, of school: String) -> Bool { false }
}
let context = ValidationContext(school: "bench", asOf: CivilDate(year: 2026, month: 11, day: 25)!, roadmapCodes: [], people: NoPeople())
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
            format: "run %d: %.2f s, %.0f MB/s, %d rows, %@", run, seconds, megabytes / seconds, result.rowCount, result.encoding!.rawValue)
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
        precondition(result.end == .completed, "\(result.end)")
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
