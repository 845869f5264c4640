import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Judgement
import Logging
import Reading
import Registry

/// The nightly job (SPEC §5), stage by stage:
///
///     recover what a dead run left → scan the inbox → judge the night's files (module Judgement)
///     → record each batch and move its files → read the registry once (RegistrySnapshot) → the
///     night's figures and deadlines (module Figures) → workbooks and receipts (module Workbooks)
///     → the journals
///
/// One school's file never stops the others': what goes wrong with it is a finding on its receipt
/// and a line in the journal. Every run, also one that fails or is killed, ends with its receipts
/// and its journal written, by itself or by the next run.
public struct NightlyRun {
    let configuration: Configuration
    let schedule: RoadmapSchedule
    let options: RunOptions
    let logger: Logger
    let registry: Registry
    let store: FileStore
    let faults: FaultPoints

    /// How a run ended, with what it did and the summary lines for the terminal or the log.
    public struct Result: Sendable {
        public var end: RunEnd
        public var report: RunReport?
        public var summary: [String] = []
    }

    /// Takes the lock and runs. `schedule` is the roadmap read beforehand, so that a bad `Срок`
    /// stops the run before anything is touched.
    public static func execute(configuration: Configuration, schedule: RoadmapSchedule, options: RunOptions, logger: Logger) -> Result {
        let faults = FaultPoints.current
        // Everything the run makes is the service's and the district group's (SECURITY.md); only the
        // public folder is opened to everyone, file by file.
        umask(0o027)
        let lock: RunLock
        do {
            guard let held = try RunLock(path: configuration.state + "/nastavnik.lock") else { return Result(end: .locked) }
            lock = held
        } catch {
            return Result(end: .failed("\(error)"))
        }
        defer { withExtendedLifetime(lock) {} }
        faults("locked")
        let store = FileStore(state: configuration.state)
        let registry: Registry
        let recovered: Recovery.Outcome
        let runID: Int64
        do {
            // The state holds the registry and every file schools sent: the service's and the
            // district group's only.
            chmod(configuration.state, 0o750)
            registry = try Registry(path: configuration.database)
            chmod(configuration.database, 0o640)
            recovered = try Recovery(
                registry: registry, store: store, inbox: configuration.inbox, settings: configuration.settings, faults: faults
            )
            .finishInterruptedMoves()
            runID = try registry.beginRun(startedAt: options.now, asOf: options.asOf, period: options.period)
        } catch {
            return Result(end: .failed("\(error)"))
        }
        for note in recovered.notes { logger.warning("\(note)") }
        let run = NightlyRun(
            configuration: configuration, schedule: schedule, options: options, logger: logger, registry: registry, store: store,
            faults: faults)
        var report = RunReport(runID: runID, startedAt: options.now, finishedAt: options.now, asOf: options.asOf, period: options.period)
        report.recovered = recovered.notes
        var result = Result(end: .completed)
        var problems: [String] = []
        do {
            try run.takeFiles(into: &report, waiting: recovered.waiting)
            faults("files-done")
            result.summary = try run.writeOutputs(&report, problems: &problems)
        } catch {
            problems.append("\(error)")
        }
        problems += report.failedMoves
        if !problems.isEmpty {
            for problem in problems { logger.critical("сбой: \(problem)") }
            result.end = .failed(problems.joined(separator: "; "))
        }
        report.finishedAt = Date()
        result.report = report
        do {
            try run.writeEarlierJournals(before: runID)
            let journal = try RunJournal.write(report, exitCode: result.end.exitCode, state: configuration.state)
            faults("journal")
            try registry.finishRun(runID, exitCode: result.end.exitCode, finishedAt: report.finishedAt)
            try registry.markJournalWritten(runID)
            if result.end == .completed { result.summary.append("Журнал запуска: \(journal)") }
        } catch {
            logger.critical("не удалось записать журнал запуска: \(error)")
            result.end = .failed("\(error)")
        }
        return result
    }

    // MARK: the stages

    /// Earlier runs' files without receipts, the inbox scan, the judgement, and the records and
    /// moves of every file taken.
    private func takeFiles(into report: inout RunReport, waiting: Set<DiskPath>) throws {
        var clock = StageTimes()
        defer {
            report.timings += clock.stages
            report.peaks += clock.peaks
        }
        for earlier in try registry.interruptedRuns(before: report.runID) {
            report.interruptedRuns.append(earlier)
            try registry.finishRun(earlier, exitCode: RunEnd.killed.exitCode, finishedAt: options.now)
            logger.warning("запуск \(earlier) был прерван: его файлы войдут в квитанции этого запуска")
        }
        for earlier in try registry.runsOwingReceipts(before: report.runID) {
            report.earlierFiles += try registry.files(ofRun: earlier)
            report.owingReceipts.append(earlier)
        }

        let folders = Set(configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder])
        let scan = try InboxScan(
            inbox: configuration.inbox, folders: folders, minAge: TimeInterval(configuration.settings.minFileAgeSeconds), now: options.now,
            pending: waiting)
        faults("scanned")
        report.leftAlone = scan.leftAlone
        report.folderProblems = scan.problems.map { ($0.folder, $0.message) }
        for (path, reason) in scan.leftAlone { logger.info("оставлен до следующего запуска: \(path) — \(reason)") }
        try quarantine(scan.strays, into: &report)

        let entries = scan.files
        // What each file offers: itself, or each dataset sheet of a workbook.
        let plans = Parallel.map(entries, workers: configuration.settings.threads) { FileReading.parts(name: $0.name, path: $0.path) }
        var submissions: [Submission] = []
        for (i, (entry, parts)) in zip(entries, plans).enumerated() {
            for part in parts {
                submissions.append(
                    Submission(
                        id: submissions.count, file: i, folder: entry.folder, name: entry.name, sheet: part.sheet, dataset: part.dataset))
            }
        }
        clock.lap("scan")
        let judge = NightJudge(
            rules: JudgingRules(configuration: configuration, asOf: options.asOf), baseline: try registry.baseline(),
            workers: configuration.settings.threads)
        var recorder = Recorder(
            registry: registry, store: store, run: report.runID, asOf: options.asOf, inbox: configuration.inbox, faults: faults)
        let stamps = StampBook()
        let maxBytes = configuration.settings.maxFileBytes
        let faults = self.faults
        var recording = 0.0
        let withdrawn = try judge.judge(
            submissions,
            load: { submission in
                faults("read")
                let (content, stamp) = FileReading.read(submission, path: entries[submission.file].path, maxBytes: maxBytes)
                // A workbook is read once for each of its sheets: all of them from the same bytes.
                guard stamps.agree(submission.file, stamp) else {
                    return .withdrawn(reason: "книга изменилась, пока читались её листы — будет принята в следующий раз")
                }
                return content
            },
            deliver: { judgements in
                faults("deliver")
                let (notTaken, seconds) = try StageTimes.measure {
                    var notTaken: Set<Int> = []
                    for judgement in judgements {
                        let file = judgement.submission.file
                        recorder.add(judgement, entry: entries[file], read: stamps[file], parts: plans[file].count)
                        if recorder.isFull { notTaken.formUnion(try recorder.flush()) }
                    }
                    notTaken.formUnion(try recorder.flush())
                    return notTaken
                }
                recording += seconds
                return notTaken
            })
        _ = try recorder.finish()
        clock.lap("judge")
        clock.add("judge", -recording)
        clock.add("record_and_move", recording)
        report.files = recorder.taken
        report.failedMoves += recorder.failedMoves
        for (index, file) in report.files.enumerated() {
            options.progress?(index + 1, report.files.count, file)
            logger.info(
                "\(file.folder)/\(file.name): \(file.verdict.rawValue)",
                metadata: [
                    "dataset": "\(file.dataset?.rawValue ?? "?")", "rows": "\(file.rowCount)",
                    "errors": "\(file.findings.errorCount)", "warnings": "\(file.findings.warningCount)",
                ])
        }
        var seen: Set<DiskPath> = []
        let left = (withdrawn.map { (entries[$0.submission.file], $0.reason) } + recorder.withdrawn).filter {
            seen.insert($0.0.path).inserted
        }
        for (entry, reason) in left {
            report.leftAlone.append((entry.path.description, reason))
            logger.warning("оставлен до следующего запуска: \(entry.path) — \(reason)")
        }
    }

    /// Strays are recorded where they go, then moved: a run killed in between has the next one
    /// finish the move and list them in its journal.
    private func quarantine(_ strays: [InboxScan.Stray], into report: inout RunReport) throws {
        let inbox = DiskPath(configuration.inbox)
        var taken: Set<String> = []
        for stray in strays {
            let destination = store.destination(accepted: false, folder: stray.folder, date: options.asOf, name: stray.name, taken: taken)
            taken.insert(destination)
            let relative = Array(stray.path.bytes.dropFirst(inbox.bytes.count + 1))
            let record = StrayRecord(
                folder: stray.folder, name: stray.name, reason: stray.reason, inboxPath: FileName.display(relative), storedPath: destination
            )
            let id = try registry.recordStray(
                record, source: SourceOnDisk(rawPath: FileName.isUTF8(relative) ? nil : relative), run: report.runID)
            faults("stray-recorded")
            do {
                try store.move(stray.path, to: destination)
                try registry.markStrayMoved(id)
            } catch {
                report.failedMoves.append("\(error)")
                continue
            }
            faults("stray-moved")
            logger.warning("в карантин без чтения: \(stray.path) — \(stray.reason)")
            report.strays.append(record)
        }
    }

    /// The registry read once, the night's figures, and every output; an output that cannot be
    /// written is a problem of the run, and the others are still written.
    private func writeOutputs(_ report: inout RunReport, problems: inout [String]) throws -> [String] {
        var clock = StageTimes()
        defer {
            report.timings += clock.stages
            report.peaks += clock.peaks
        }
        let snapshot = try registry.snapshot()
        faults("snapshot")
        clock.lap("snapshot")
        let period = options.reportingPeriod
        let figures = NightFigures(
            snapshot: snapshot, schools: configuration.schools, settings: configuration.settings, schedule: schedule, asOf: options.asOf,
            period: period, history: try History.before(period, registry: registry, configuration: configuration),
            sending: try registry.sendingFolders(from: period.start, to: options.asOf))
        faults("figures")
        clock.lap("figures_and_deadlines")
        let outputs = NightOutputs(
            configuration: configuration, store: store, faults: faults, stamps: try registry.outputStamps(),
            registryVersion: try registry.contentVersion())
        let written = outputs.write(report, snapshot: snapshot, figures: figures, clock: &clock)
        problems += written.problems
        try registry.setOutputStamps(written.stamps)
        if written.receiptsComplete {
            try registry.markReceiptsWritten(report.owingReceipts + [report.runID])
            faults("receipts-marked")
        }
        return written.summary
    }

    /// The journals of earlier runs that died before writing their own, from what the registry
    /// recorded of them.
    private func writeEarlierJournals(before run: Int64) throws {
        for earlier in try registry.runsOwingJournals(before: run) {
            try RunJournal.write(
                earlier, files: try registry.files(ofRun: earlier.id), strays: try registry.strays(ofRun: earlier.id), writtenBy: run,
                state: configuration.state)
            try registry.markJournalWritten(earlier.id)
            faults("earlier-journal")
        }
    }
}

/// What each file looked like when it was read, by file: the loader writes it from any thread.
final class StampBook: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: [Int: FileStamp] = [:]

    subscript(file: Int) -> FileStamp? {
        lock.lock()
        defer { lock.unlock() }
        return stamps[file]
    }

    /// Keeps the first stamp a file was read with; false when a later read found it changed.
    func agree(_ file: Int, _ stamp: FileStamp?) -> Bool {
        guard let stamp else { return true }
        lock.lock()
        defer { lock.unlock() }
        if let first = stamps[file] { return first == stamp }
        stamps[file] = stamp
        return true
    }
}
