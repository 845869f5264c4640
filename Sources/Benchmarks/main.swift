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

// Reads and validates a large generated `mentors` file, as the nightly run does, and prints MB/s.
//
//   swift run -c release nastavnik-bench [--megabytes N] [--runs N] [--encoding cp1251|utf8]
//       [--surnames common|unique]   (unique: no two rows share a surname)
//   swift run -c release nastavnik-bench nightly-run [--schools N] [--rows N]
//     the whole nightly job on N schools sending a Windows-1251 mentors file of N rows each
//     (default 100 × 10,000), in a fresh installation in the temp folder: validation, registry,
//     deadlines and every workbook.
//   swift run -c release nastavnik-bench scale [--sizes 20,1400,5600,40000] [--runs 3] [--no-baseline] [--vs BINARY] [--staff]
//     the nightly job (release binary) at each size: first, quiet and typical nights, and the
//     shared Python baseline on the same inbox (`--staff`: each school also sends a staff list, made
//     by scripts/bench-staff.py; the baseline keeps the generator's inbox); see ScaleBench.swift.
//   swift run -c release nastavnik-bench workbook-reading [--runs N]
//     `.xlsx` input: a school's six-sheet workbook read and validated (ms), and a 100,000-row
//     mentors sheet (MB/s of sheet XML, peak memory).
//   swift run -c release nastavnik-bench levels [--districts 45] [--schools 40] [--runs 3]
//     a region's night on that many district packages; see LevelsBench.swift.
//   swift run -c release nastavnik-bench serve [--seconds 10] [--runs 3] [--vs BINARY]
//     the curators' page under load from wrk (release `nastavnik serve`); see ServeBench.swift.
//   swift run -c release nastavnik-bench workbook-floor [--runs N]
//     a school's receipt as the night writes it against the same workbook written with
//     libxlsxwriter's C calls only (ms per workbook, ratio); see WorkbookFloorBench.swift.
//   swift run -c release nastavnik-bench registry-workbook [--rows N]
//     writes outbox/registry-DATE.xlsx for a registry of N current mentors (default 1,000,000),
//     built once in the temp folder; prints the time and this process's peak memory.
//
// The file is generated once into the temporary folder (and kept for later runs), then read from
// disk and validated `runs` times; every run and the median are printed.

struct Options {
    /// Which benchmark: nil for reading a large CSV file.
    enum Benchmark: String {
        case registryWorkbook = "registry-workbook"
        case nightlyRun = "nightly-run"
        case scale
        case workbookReading = "workbook-reading"
        case levels
        case serve
        case workbookFloor = "workbook-floor"
    }

    var benchmark: Benchmark?
    var megabytes = 120
    var runs = 5
    var encoding = "cp1251"
    var rows = 1_000_000
    var schools = 100
    var uniqueSurnames = false
    var sizes = [20, 1_400, 5_600, 40_000]
    var skipBaseline = false
    /// Every school of the scale inboxes also sends a staff list.
    var staff = false
    var versus: String?
    var districts = 45
    var seconds = 10

    init(_ arguments: [String]) {
        var i = 1
        if arguments.count > 1, let named = Benchmark(rawValue: arguments[1]) {
            benchmark = named
            i = 2
            if named == .scale { runs = 3 }
            if named == .nightlyRun { rows = 10_000 }
            if named == .serve { runs = 3 }
            if named == .levels {
                schools = 40
                runs = 3
            }
        }
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--megabytes": megabytes = Int(value) ?? megabytes
            case "--runs": runs = Int(value) ?? runs
            case "--encoding": encoding = value
            case "--rows": rows = Int(value) ?? rows
            case "--schools": schools = Int(value) ?? schools
            case "--districts": districts = Int(value) ?? districts
            case "--seconds": seconds = Int(value) ?? seconds
            case "--surnames": uniqueSurnames = value == "unique"
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--vs": versus = value
            case "--no-baseline":
                skipBaseline = true
                i -= 1
            case "--staff":
                staff = true
                i -= 1
            default:
                print("usage: nastavnik-bench [--megabytes N] [--runs N] [--encoding cp1251|utf8] [--surnames common|unique]")
                exit(2)
            }
            i += 2
        }
    }
}

let options = Options(CommandLine.arguments)
switch options.benchmark {
case .registryWorkbook: RegistryWorkbookBench.run(rows: options.rows)
case .nightlyRun: NightlyRunBench.run(schools: options.schools, rowsPerSchool: options.rows)
case .scale: ScaleBench.run(options)
case .workbookReading: WorkbookReadingBench.run(runs: options.runs)
case .levels: LevelsBench.run(districts: options.districts, schools: options.schools, runs: options.runs)
case .serve: ServeBench.run(seconds: options.seconds, runs: options.runs, versus: options.versus)
case .workbookFloor: WorkbookFloorBench.run(runs: options.runs)
case nil: ReadingBench.run(options)
}
