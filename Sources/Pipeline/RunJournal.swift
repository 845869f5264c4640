import Domain
import Foundation
import Registry

/// One JSON document per run under `var/runs/<date>-run<N>.json`: what the administrator reads
/// after a night. A run that died before writing its own gets one from the next run, built from
/// what the registry recorded of it (`written_by_run`).
enum RunJournal {
    struct Document: Encodable {
        struct Stray: Encodable {
            let name: String
            let reason: String
            let storedPath: String
        }
        struct Note: Encodable {
            let path: String
            let reason: String
        }
        struct Problem: Encodable {
            let folder: String
            let message: String
        }
        let run: Int64
        let startedAt: String
        let finishedAt: String?
        let asOf: String
        let period: String?
        let exitCode: Int32?
        var recovered: [String] = []
        var interruptedRuns: [Int64] = []
        /// A judged file's one shape (`JudgedFile`), a line each.
        var files: [JudgedFile]
        let quarantinedUnread: [Stray]
        var leftForNextRun: [Note] = []
        var unreadableFolders: [Problem] = []
        /// What went wrong with the run itself.
        var problems: [String] = []
        var writtenByRun: Int64?
        /// Seconds per stage, and the process's peak memory (MB) after each.
        var timings: [String: Double]?
        var peakMegabytes: [String: Double]?
    }

    /// Writes a run's own journal; returns its path.
    @discardableResult
    static func write(_ report: RunReport, exitCode: Int32, state: String) throws -> String {
        var document = Document(
            run: report.runID, startedAt: Timestamp.text(report.startedAt), finishedAt: Timestamp.text(report.finishedAt),
            asOf: report.asOf.iso, period: report.period, exitCode: exitCode, files: report.files.map(JudgedFile.init),
            quarantinedUnread: report.strays.map { Document.Stray(name: $0.name, reason: $0.reason, storedPath: $0.storedPath) })
        document.recovered = report.recovered
        document.interruptedRuns = report.interruptedRuns
        document.leftForNextRun = report.leftAlone.map { Document.Note(path: $0.path, reason: $0.reason) }
        document.unreadableFolders = report.folderProblems.map { Document.Problem(folder: $0.folder, message: $0.message) }
        document.problems = report.problems.map(\.description)
        document.timings = Dictionary(report.timings.map { ($0.name, ($0.seconds * 1000).rounded() / 1000) }, uniquingKeysWith: +)
        document.peakMegabytes = Dictionary(report.peaks.map { ($0.name, $0.megabytes.rounded()) }, uniquingKeysWith: max)
        return try write(document, asOf: report.asOf, state: state)
    }

    /// The journal of a run that died before writing it, from the registry's records of it.
    @discardableResult
    static func write(_ run: RunRecord, files: [TakenFile], strays: [StrayRecord], writtenBy: Int64, state: String) throws -> String {
        var document = Document(
            run: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, asOf: run.asOf.iso, period: run.period,
            exitCode: run.exitCode,
            files: files.map(JudgedFile.init),
            quarantinedUnread: strays.map { Document.Stray(name: $0.name, reason: $0.reason, storedPath: $0.storedPath) })
        document.writtenByRun = writtenBy
        return try write(document, asOf: run.asOf, state: state)
    }

    private static func write(_ document: Document, asOf: CivilDate, state: String) throws -> String {
        let path = "\(state)/runs/\(asOf.iso)-run\(document.run).json"
        try AtomicWrite.write(try encoded(document), to: path)
        guard chmod(path, 0o640) == 0 else { throw RunProblem.fileSystem(.setPermissions, path) }
        guard chmod(state + "/runs", 0o750) == 0 else { throw RunProblem.fileSystem(.setPermissions, state + "/runs") }
        return path
    }

    /// The document, pretty-printed, with one line per file: a country's night takes 240,000
    /// files, whose tree of values in one encoder would cost more memory than the night's outputs,
    /// and a line per file can be searched with grep.
    static func encoded(_ document: Document) throws -> Data {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        pretty.keyEncodingStrategy = .convertToSnakeCase
        var head = document
        head.files = []
        var json = try pretty.encode(head)
        guard !document.files.isEmpty else { return json }
        // The top-level key, indented by two (a quote inside a value is escaped), and its empty array.
        guard let key = json.range(of: Data("\n  \"files\" : [".utf8)),
            let close = json[key.upperBound...].firstIndex(of: UInt8(ascii: "]"))
        else { return try pretty.encode(document) }
        let line = JudgedFile.encoder
        var files = Data()
        for (i, file) in document.files.enumerated() {
            files.append(contentsOf: Array((i == 0 ? "\n    " : ",\n    ").utf8))
            files.append(try line.encode(file))
        }
        files.append(contentsOf: Array("\n  ".utf8))
        json.replaceSubrange(key.upperBound..<close, with: files)
        return json
    }
}
