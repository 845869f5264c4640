import Configuration
import Crypto
import Deadlines
import Domain
import Foundation
import Logging
import Reading
import Registry
import Validation

/// The options of one `nastavnik run`.
public struct RunOptions: Sendable {
    public var asOf: CivilDate
    /// `2023-H1` or `2023-H2`; nil: the half-year holding `asOf`.
    public var period: String?
    public var now: Date
    /// Called after each file with its number, the number of files, and what became of it.
    public var progress: (@Sendable (Int, Int, TakenFile) -> Void)?

    public init(asOf: CivilDate, period: String?, now: Date = Date(), progress: (@Sendable (Int, Int, TakenFile) -> Void)? = nil) {
        self.asOf = asOf
        self.period = period
        self.now = now
        self.progress = progress
    }
}

/// Everything one run did, for the summary, the receipts and the journal.
public struct RunReport: Sendable {
    public var runID: Int64
    public var startedAt: Date
    public var finishedAt: Date
    public var asOf: CivilDate
    public var period: String?
    public var files: [TakenFile] = []
    /// Things quarantined unread: unknown folders, files at the inbox root, links.
    public var strays: [(name: String, reason: String, storedPath: String)] = []
    public var leftAlone: [(path: String, reason: String)] = []
    /// Moves a previous, interrupted run committed but did not finish.
    public var recovered: [String] = []
    /// Runs that died before finishing; their files are reported (receipts) with this run's.
    public var interruptedRuns: [Int64] = []
    /// Every deadline as of the run's date, from the registry after the run.
    public var deadlines: DeadlineReport?
}

/// The nightly job (SPEC §5): every school's files validated and applied in dataset order across
/// all schools, each file all or nothing, then moved to the archive or the quarantine.
public struct NightlyRun {
    public enum Failure: Error {
        /// Another run holds the lock (exit 3).
        case locked
    }

    let configuration: Configuration
    let options: RunOptions
    let logger: Logger
    let registry: Registry
    let store: FileStore
    let schedule: RoadmapSchedule

    /// Takes the lock and runs; the report is complete when this returns. `schedule` is the roadmap
    /// read beforehand, so that a bad `Срок` stops the run before anything is touched.
    public static func execute(
        configuration: Configuration, schedule: RoadmapSchedule, options: RunOptions, logger: Logger
    ) throws -> RunReport {
        guard let lock = try RunLock(path: configuration.state + "/nastavnik.lock") else { throw Failure.locked }
        defer { withExtendedLifetime(lock) {} }
        TestHooks.reach("locked")
        let registry = try Registry(path: configuration.database)
        let run = NightlyRun(
            configuration: configuration, options: options, logger: logger, registry: registry,
            store: FileStore(state: configuration.state), schedule: schedule)
        return try run.run()
    }

    private func run() throws -> RunReport {
        let recovered = try recoverInterruptedMoves()
        let runID = try registry.beginRun(startedAt: options.now, asOf: options.asOf, period: options.period)
        do {
            return try run(runID, recovered: recovered)
        } catch {
            try? registry.finishRun(runID, exitCode: 1, finishedAt: Date())
            throw error
        }
    }

    /// Exit code recorded for a run that died without finishing (as a shell reports SIGKILL).
    static let killed: Int32 = 137

    private func run(_ runID: Int64, recovered: [String]) throws -> RunReport {
        var report = RunReport(runID: runID, startedAt: options.now, finishedAt: options.now, asOf: options.asOf, period: options.period)
        report.recovered = recovered
        // Files a killed run applied still get their receipts, now.
        for earlier in try registry.interruptedRuns(before: runID) {
            report.files += try registry.files(ofRun: earlier)
            report.interruptedRuns.append(earlier)
            try registry.finishRun(earlier, exitCode: Self.killed, finishedAt: options.now)
            logger.warning("запуск \(earlier) был прерван: его файлы войдут в квитанции этого запуска")
        }

        let folders = Set(configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder])
        let scan = try InboxScan(
            inbox: configuration.inbox, folders: folders, minAge: TimeInterval(configuration.settings.minFileAgeSeconds),
            now: options.now)
        report.leftAlone = scan.leftAlone
        for (path, reason) in scan.leftAlone { logger.info("оставлен до следующего запуска: \(path) — \(reason)") }
        for stray in scan.strays {
            let destination = store.destination(accepted: false, folder: stray.folder, date: options.asOf, name: stray.name)
            try store.move(stray.path, to: destination)
            logger.warning("в карантин без чтения: \(stray.path) — \(stray.reason)")
            report.strays.append((stray.name, stray.reason, destination))
        }

        var people = PeopleBook(try registry.currentPeople())
        var rejected: [String: [Dataset: [String]]] = [:]
        let planned = plan(scan.files)
        for (index, file) in planned.enumerated() {
            let outcome = try process(file, run: runID, people: &people, rejected: rejected[file.entry.folder] ?? [:])
            options.progress?(index + 1, planned.count, outcome)
            if outcome.verdict == .rejected, let dataset = outcome.dataset {
                rejected[file.entry.folder, default: [:]][dataset, default: []].append(outcome.name)
            }
            report.files.append(outcome)
        }
        report.deadlines = try deadlines()
        report.finishedAt = Date()
        return report
    }

    /// SPEC §6 on the registry as the run leaves it.
    private func deadlines() throws -> DeadlineReport {
        DeadlineReport(
            schedule: schedule, schools: configuration.schools.schools.map(\.code), completions: try registry.currentRoadmap(),
            programs: try registry.currentPrograms(),
            rules: DeadlineRules(
                asOf: options.asOf, modelStart: configuration.settings.modelStartDate, dueSoonDays: configuration.settings.dueSoonDays),
            districtFolder: SchoolDirectory.districtFolder)
    }

    // MARK: order

    struct PlannedFile {
        var entry: InboxScan.Entry
        var dataset: Dataset?
    }

    /// Datasets in SPEC order across all schools (every school's mentors before anyone's
    /// programmes), schools in config/schools.csv order, the district last; unrecognised files at
    /// the very end.
    func plan(_ entries: [InboxScan.Entry]) -> [PlannedFile] {
        let folderOrder = configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder]
        let planned = entries.map { PlannedFile(entry: $0, dataset: recognise($0)) }
        func rank(_ file: PlannedFile) -> (Int, Int, String) {
            (
                file.dataset.map { Dataset.allCases.firstIndex(of: $0)! } ?? Dataset.allCases.count,
                folderOrder.firstIndex(of: file.entry.folder) ?? folderOrder.count, file.entry.name
            )
        }
        return planned.sorted { rank($0) < rank($1) }
    }

    /// By file name, else by the header (read for that alone).
    private func recognise(_ entry: InboxScan.Entry) -> Dataset? {
        if let dataset = DatasetRecognition.fromFileName(entry.name) { return dataset }
        guard let document = try? CSVDocument.load(path: entry.path, maxBytes: configuration.settings.maxFileBytes),
            document.table.count > 0
        else { return nil }
        return DatasetRecognition.fromHeader(document.table.record(0))
    }

    // MARK: one file

    private func process(
        _ file: PlannedFile, run: Int64, people: inout PeopleBook, rejected: [Dataset: [String]]
    ) throws -> TakenFile {
        let entry = file.entry
        var outcome = TakenFile(
            folder: entry.folder, name: entry.name, dataset: file.dataset, sha256: "", verdict: .rejected, rowCount: 0,
            inboxPath: "\(entry.folder)/\(entry.name)", storedPath: "", findings: [])
        var rows: DatasetRows?
        var loaded: [UInt8]?
        do {
            loaded = try CSVDocument.loadBytes(path: entry.path, maxBytes: configuration.settings.maxFileBytes)
        } catch {
            outcome.findings = [Finding(.error, file: entry.name, message: error.message)]
            outcome.sha256 = try Self.sha256(path: entry.path)
        }
        // Taken, so that validation gets the only reference and parses the file in its own memory.
        if let bytes = loaded.take() {
            outcome.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            if let dataset = file.dataset, try registry.currentSHA(school: entry.folder, dataset: dataset) == outcome.sha256 {
                outcome.verdict = .duplicate
            } else {
                var context = configuration.validationContext(folder: entry.folder, asOf: options.asOf, people: people)
                context.rejectedFiles = rejected
                let result = FileValidator.validate(name: entry.name, bytes: bytes, context: context)
                outcome.dataset = result.dataset
                outcome.rowCount = result.rowCount
                outcome.findings = result.findings
                if let accepted = result.rows {
                    outcome.findings += spellingWarnings(accepted, school: entry.folder, file: entry.name, people: people)
                    if configuration.settings.strict {
                        for i in outcome.findings.indices { outcome.findings[i].severity = .error }
                    }
                    if !outcome.findings.hasErrors { rows = accepted }
                }
                outcome.verdict = rows == nil ? .rejected : .accepted
            }
        }

        outcome.storedPath = store.destination(
            accepted: outcome.verdict != .rejected, folder: entry.folder, date: options.asOf, name: entry.name)
        let fileID = try registry.record(outcome, rows: rows, run: run) { TestHooks.reach("in-transaction") }
        TestHooks.reach("committed")
        try store.move(entry.path, to: outcome.storedPath)
        TestHooks.reach("moved")
        try registry.markMoved(fileID)
        TestHooks.reach("file-done")

        if let rows, let dataset = outcome.dataset, let list = PeopleBook.people(of: rows, school: entry.folder) {
            people.replace(school: entry.folder, dataset: dataset, with: list)
        }
        logger.info(
            "\(entry.folder)/\(entry.name): \(outcome.verdict.rawValue)",
            metadata: [
                "dataset": "\(outcome.dataset?.rawValue ?? "?")", "rows": "\(outcome.rowCount)",
                "errors": "\(outcome.findings.errorCount)", "warnings": "\(outcome.findings.warningCount)",
            ])
        return outcome
    }

    /// One СНИЛС, two spellings across schools or lists: accepted, with a warning per row.
    private func spellingWarnings(_ rows: DatasetRows, school: String, file: String, people: PeopleBook) -> [Finding] {
        guard let list = PeopleBook.people(of: rows, school: school) else { return [] }
        var findings: [Finding] = []
        for (person, row) in zip(list, PeopleBook.rows(of: rows)) {
            guard let other = people.otherSpellings(of: person).first else { continue }
            let place = other.school == school ? "в вашем списке «\(other.dataset.title.lowercased())»" : "в ОО «\(other.school)» (\(other.dataset.title.lowercased()))"
            findings.append(
                Finding(
                    .warning, file: file, row: row, column: "СНИЛС", value: person.snils.description,
                    message: "Этот СНИЛС \(place) записан на «\(other.name.full)», а здесь — «\(person.name.full)». "
                        + "Проверьте написание ФИО и СНИЛС: у одного человека одно ФИО."))
        }
        return findings
    }

    // MARK: recovery

    /// Finishes the moves of files a killed run had already committed: the registry says where each
    /// belongs, and a file still in the inbox with the same content is moved there now.
    private func recoverInterruptedMoves() throws -> [String] {
        var notes: [String] = []
        for pending in try registry.pendingMoves() {
            let inbox = configuration.inbox + "/" + pending.inboxPath
            if FileManager.default.fileExists(atPath: inbox), (try? Self.sha256(path: inbox)) == pending.sha256 {
                if FileManager.default.fileExists(atPath: store.absolute(pending.storedPath)) {
                    try FileManager.default.removeItem(atPath: inbox)  // copied across file systems before the crash
                } else {
                    try store.move(inbox, to: pending.storedPath)
                }
                notes.append("перемещение завершено после прерванного запуска: \(pending.inboxPath) → \(pending.storedPath)")
            }
            try registry.markMoved(pending.fileID)
        }
        for note in notes { logger.warning("\(note)") }
        return notes
    }

    static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw RunError.io("не удалось прочитать \(path)") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
