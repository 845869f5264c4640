import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Judgement
import Logging
import Registry

/// The nightly job (SPEC §5), stage by stage:
///
///     scan the inbox → judge the night's files (module Judgement) → record each batch and move
///     its files → read the registry once (RegistrySnapshot) → the night's figures and deadlines
///     (module Figures) → the workbooks and receipts (module Workbooks) → the journal
///
/// Every run, also one that fails, ends with its journal and its exit code on record.
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
        let lock: RunLock
        do {
            guard let held = try RunLock(path: configuration.state + "/nastavnik.lock") else { return Result(end: .locked) }
            lock = held
        } catch {
            return Result(end: .failed("\(error)"))
        }
        defer { withExtendedLifetime(lock) {} }
        faults("locked")
        let registry: Registry
        let recovered: [String]
        let runID: Int64
        do {
            registry = try Registry(path: configuration.database)
            let store = FileStore(state: configuration.state)
            recovered = try Recovery(
                registry: registry, store: store, inbox: configuration.inbox, settings: configuration.settings, faults: faults
            )
            .finishInterruptedMoves()
            runID = try registry.beginRun(startedAt: options.now, asOf: options.asOf, period: options.period)
        } catch {
            return Result(end: .failed("\(error)"))
        }
        for note in recovered { logger.warning("\(note)") }
        let run = NightlyRun(
            configuration: configuration, schedule: schedule, options: options, logger: logger, registry: registry,
            store: FileStore(state: configuration.state), faults: faults)
        var report = RunReport(runID: runID, startedAt: options.now, finishedAt: options.now, asOf: options.asOf, period: options.period)
        report.recovered = recovered
        var result = Result(end: .completed)
        do {
            try run.takeFiles(into: &report)
            faults("files-done")
            result.summary = try run.writeOutputs(report)
        } catch {
            logger.critical("внутренний сбой: \(error)")
            result.end = .failed("\(error)")
        }
        report.finishedAt = Date()
        result.report = report
        do {
            let journal = try RunJournal.write(report, exitCode: result.end.exitCode, state: configuration.state)
            faults("journal")
            try registry.finishRun(runID, exitCode: result.end.exitCode, finishedAt: report.finishedAt)
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
    private func takeFiles(into report: inout RunReport) throws {
        for earlier in try registry.interruptedRuns(before: report.runID) {
            report.earlierFiles += try registry.files(ofRun: earlier)
            report.interruptedRuns.append(earlier)
            try registry.finishRun(earlier, exitCode: RunEnd.killed.exitCode, finishedAt: options.now)
            logger.warning("запуск \(earlier) был прерван: его файлы войдут в квитанции этого запуска")
        }

        let folders = Set(configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder])
        let scan = try InboxScan(
            inbox: configuration.inbox, folders: folders, minAge: TimeInterval(configuration.settings.minFileAgeSeconds), now: options.now)
        faults("scanned")
        report.leftAlone = scan.leftAlone
        for (path, reason) in scan.leftAlone { logger.info("оставлен до следующего запуска: \(path) — \(reason)") }
        for stray in scan.strays {
            let destination = store.destination(accepted: false, folder: stray.folder, date: options.asOf, name: stray.name)
            try store.move(stray.path, to: destination)
            faults("stray-moved")
            logger.warning("в карантин без чтения: \(stray.path) — \(stray.reason)")
            report.strays.append((stray.name, stray.reason, destination))
        }

        let entries = scan.files
        let submissions = entries.enumerated().map { i, entry in
            Submission(id: i, folder: entry.folder, name: entry.name, dataset: FileReading.recognise(name: entry.name, path: entry.path))
        }
        let judge = NightJudge(
            rules: JudgingRules(configuration: configuration, asOf: options.asOf), baseline: try registry.baseline(),
            workers: Parallel.workers)
        var recorder = Recorder(registry: registry, store: store, run: report.runID, asOf: options.asOf, faults: faults)
        let maxBytes = configuration.settings.maxFileBytes
        let faults = self.faults
        let withdrawn = try judge.judge(
            submissions,
            load: { submission in
                faults("read")
                return FileReading.content(path: entries[submission.id].path, maxBytes: maxBytes)
            },
            deliver: { judgements in
                for judgement in judgements { try recorder.add(judgement, path: entries[judgement.submission.id].path) }
                try recorder.flush()
            })
        try recorder.finish()
        report.files = recorder.taken
        for (index, file) in report.files.enumerated() {
            options.progress?(index + 1, report.files.count, file)
            logger.info(
                "\(file.folder)/\(file.name): \(file.verdict.rawValue)",
                metadata: [
                    "dataset": "\(file.dataset?.rawValue ?? "?")", "rows": "\(file.rowCount)",
                    "errors": "\(file.findings.errorCount)", "warnings": "\(file.findings.warningCount)",
                ])
        }
        for item in withdrawn {
            let path = entries[item.submission.id].path
            report.leftAlone.append((path, item.reason))
            logger.warning("оставлен до следующего запуска: \(path) — \(item.reason)")
        }
    }

    /// The registry read once, the night's figures, and every output.
    private func writeOutputs(_ report: RunReport) throws -> [String] {
        let snapshot = try registry.snapshot()
        faults("snapshot")
        let figures = NightFigures(
            snapshot: snapshot, schools: configuration.schools, settings: configuration.settings, schedule: schedule, asOf: options.asOf,
            period: options.reportingPeriod)
        faults("figures")
        return try NightOutputs(configuration: configuration, faults: faults).write(report, snapshot: snapshot, figures: figures)
    }
}
