import Config
import Deadlines
import Domain
import Figures
import Foundation
import Judgement
import Logging
import Packages
import Reading
import Registry
import Validation
import XLSX

/// The nightly job (SPEC §5). `execute` takes the lock, finishes what a dead run left and puts the
/// run on record; `night` is the table of contents of the night, each stage a function that takes
/// what the one before made and returns its own:
///
///     earlier runs → Earlier          (files of dead runs whose receipts tonight's cover)
///     scan         → Scanned          (the inbox: files to take, strays, files left alone)
///     quarantine   → [StrayRecord]    (strays recorded, then moved unread)
///     plan         → Planned          (each file, workbook sheet or unit's package a submission, in passes)
///     judge        → JudgedPass       (module Judgement: units' packages, recorded; then profiles and people)
///     record       → Set<Int>         (each judgement committed and its file moved; those not taken)
///     judge        → JudgedPass       (the second pass, programmes and roadmaps, against the first)
///     record       → Recorded         (every file taken, left or not moved)
///     snapshot     → RegistrySnapshot (the registry read once)
///     figures      → Figured          (module Figures: NightFigures, and the past half-years)
///     outputs      → Written          (modules Workbooks, Pages, Reports)
///     journal      → the run's JSON under var/runs/, its exit code on record
///
/// One school's file never stops the others': what goes wrong with it is a finding on its receipt.
/// What goes wrong with the run itself is a `RunProblem`, collected on the way; the exit code
/// follows from them (`RunEnd.of`). Every run, also one that fails or is killed, ends with its
/// receipts and its journal written, by itself or by the next run.
public struct NightlyRun {
    let configuration: Configuration
    let schedule: RoadmapSchedule
    let options: RunOptions
    let logger: Logger
    let registry: Registry
    let store: FileStore
    let faults: FaultPoints
    let runID: Int64

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
            guard let held = try RunLock(path: RunLock.path(state: configuration.state)) else { return Result(end: .locked) }
            lock = held
        } catch {
            return Result(end: .failed([error as? RunProblem ?? .fileOperation(.openLock, path: configuration.state, error)]))
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
            guard chmod(configuration.state, 0o750) == 0 else { throw RunProblem.fileSystem(.setPermissions, configuration.state) }
            registry = try Registry(path: configuration.database)
            guard chmod(configuration.database, 0o640) == 0 else { throw RunProblem.fileSystem(.setPermissions, configuration.database) }
            recovered = try Recovery(
                registry: registry, store: store, inbox: configuration.inbox, settings: configuration.settings, faults: faults
            )
            .finishInterruptedMoves()
            runID = try registry.beginRun(startedAt: options.now, asOf: options.asOf, period: options.period?.description)
        } catch {
            return Result(end: .failed([error as? RunProblem ?? .registry(error)]))
        }
        for note in recovered.notes { logger.warning("\(note)") }
        if !Workbook.tuned {
            logger.warning(
                "настройка libxlsxwriter (CXLSXTuning) не действует — zlib или libxlsxwriter связаны статически? Книги пишет сама библиотека: те же данные, дольше."
            )
        }
        let run = NightlyRun(
            configuration: configuration, schedule: schedule, options: options, logger: logger, registry: registry, store: store,
            faults: faults, runID: runID)
        var (report, summary) = run.night(waiting: recovered.waiting)
        report.recovered = recovered.notes
        return run.journal(report, summary: summary)
    }

    /// The night: every stage in order, each on what the one before returned.
    func night(waiting: Set<DiskPath>) -> (RunReport, summary: [String]) {
        var report = RunReport(
            runID: runID, startedAt: options.now, finishedAt: options.now, asOf: options.asOf, period: options.period?.description)
        var clock = StageTimes()
        var summary: [String] = []
        do {
            let earlier = try earlierRuns()
            let scanned = try scan(waiting: waiting)
            let strays = quarantine(scanned.strays)
            let judge = Judge.of(configuration, asOf: options.asOf, baseline: try registry.baseline())
            let planned = plan(scanned.files, judge: judge)
            clock.lap("scan")
            let contents = FileReading.Files(
                paths: scanned.files.map(\.path), maxBytes: configuration.settings.maxFileBytes, faults: faults)
            var recorder = Recorder(
                registry: registry, store: store, run: runID, asOf: options.asOf, inbox: configuration.inbox, faults: faults,
                entries: scanned.files, parts: planned.parts)
            let packages = judge.judgePackages(planned.packages, contents: contents)
            if !packages.judgements.isEmpty { _ = try recorder.record(packages.judgements) }
            let first = try judge.judgeFirst(planned.first, contents: contents, rejectedEarlier: earlier.rejected)
            clock.lap("judge")
            let notTaken = try recorder.record(first.judgements)
            clock.lap("record_and_move")
            let second = judge.judgeSecond(
                planned.second, after: first.judgements.filter { !notTaken.contains($0.submission.id) }, contents: contents,
                rejectedEarlier: earlier.rejected)
            clock.lap("judge")
            _ = try recorder.record(second.judgements)
            let recorded = try recorder.finish()
            clock.lap("record_and_move")
            faults("files-done")
            report.add(earlier, scanned: scanned, strays: strays.records, recorded: recorded)
            report.problems += strays.problems
            for (entry, reason) in recorded.leftAlone(
                withdrawn: packages.withdrawn + first.withdrawn + second.withdrawn, entries: scanned.files)
            {
                report.leftAlone.append((entry.path.description, reason))
                logger.warning("оставлен до следующего запуска: \(entry.path) — \(reason)")
            }
            log(report.files)

            let snapshot = try registry.snapshot()
            faults("snapshot")
            clock.lap("snapshot")
            let figured = try figures(snapshot)
            report.problems += figured.history?.keep(in: registry) ?? []
            faults("figures")
            clock.lap("figures_and_deadlines")
            let written = outputs(report, figures: figured.basis, upward: figured.upward, clock: &clock)
            report.problems += written.problems
            try registry.setOutputStamps(written.stamps)
            if written.receiptsComplete {
                try registry.markReceiptsWritten(report.owingReceipts + [runID])
                faults("receipts-marked")
            }
            summary = written.summary
        } catch {
            report.problems.append(error as? RunProblem ?? .registry(error))
        }
        report.timings += clock.stages
        report.peaks += clock.peaks
        return (report, summary)
    }

    // MARK: the stages

    /// Files of earlier runs that died before writing their receipts (tonight's receipts cover
    /// them), and the runs that died before finishing, recorded now as killed.
    struct Earlier {
        var interrupted: [Int64] = []
        var owingReceipts: [Int64] = []
        var files: [TakenFile] = []
        /// Their rejected files: a programme tonight that misses a person of one says so, as it
        /// would have the night the file came.
        var rejected = RejectedFiles()
    }

    func earlierRuns() throws -> Earlier {
        var earlier = Earlier()
        for run in try registry.interruptedRuns(before: runID) {
            earlier.interrupted.append(run)
            try registry.finishRun(run, exitCode: RunEnd.interruptedExitCode, finishedAt: options.now)
            logger.warning("запуск \(run) был прерван: его файлы войдут в квитанции этого запуска")
        }
        for run in try registry.runsOwingReceipts(before: runID) {
            earlier.files += try registry.files(ofRun: run)
            earlier.owingReceipts.append(run)
        }
        for file in earlier.files where file.verdict == .rejected {
            earlier.rejected.add(folder: file.folder, dataset: file.dataset, label: SourceLabel.of(file: file.name, sheet: file.sheet))
        }
        return earlier
    }

    func scan(waiting: Set<DiskPath>) throws -> InboxScan {
        let folders = Set(configuration.units.codes + [configuration.level.ownFolder])
        let scan = try InboxScan(
            inbox: configuration.inbox, folders: folders, minAge: TimeInterval(configuration.settings.minFileAgeSeconds), now: options.now,
            pending: waiting)
        faults("scanned")
        for (path, reason) in scan.leftAlone { logger.info("оставлен до следующего запуска: \(path) — \(reason)") }
        return scan
    }

    /// Strays are recorded where they go, then moved: a run killed in between has the next one
    /// finish the move and list them in its journal. A move that fails is a problem of the run.
    func quarantine(_ strays: [InboxScan.Stray]) -> (records: [StrayRecord], problems: [RunProblem]) {
        let inbox = DiskPath(configuration.inbox)
        var taken: Set<String> = []
        var done: (records: [StrayRecord], problems: [RunProblem]) = ([], [])
        for stray in strays {
            let destination = store.destination(accepted: false, folder: stray.folder, date: options.asOf, name: stray.name, taken: taken)
            taken.insert(destination)
            let relative = Array(stray.path.bytes.dropFirst(inbox.bytes.count + 1))
            let record = StrayRecord(
                folder: stray.folder, name: stray.name, reason: stray.reason, inboxPath: FileName.display(relative), storedPath: destination
            )
            do {
                let id = try registry.recordStray(
                    record, source: SourceOnDisk(rawPath: FileName.isUTF8(relative) ? nil : relative), run: runID)
                faults("stray-recorded")
                try store.move(stray.path, to: destination)
                try registry.markStrayMoved(id)
            } catch {
                done.problems.append(error as? RunProblem ?? .fileOperation(.move, path: stray.path.description, error))
                continue
            }
            faults("stray-moved")
            logger.warning("в карантин без чтения: \(stray.path) — \(stray.reason)")
            done.records.append(record)
        }
        return done
    }

    /// What the night's files offer the judge (`SubmissionPlan`, the same as `validate`'s), in its
    /// passes: units' packages above a district, then profiles and people, then programmes and
    /// roadmaps, each in apply order.
    struct Planned {
        var packages: [Submission]
        var first: [Submission]
        var second: [Submission]
        /// How many submissions each file is.
        var parts: [Int]
    }

    func plan(_ files: [InboxScan.Entry], judge: Judge) -> Planned {
        let plan = SubmissionPlan(
            files.map { SubmissionPlan.File(folder: $0.folder, name: $0.name, path: $0.path) }, judge: judge,
            workers: configuration.settings.threads)
        let passes = judge.passes(plan.submissions)
        return Planned(packages: passes.packages, first: passes.first, second: passes.second, parts: plan.parts)
    }

    /// The night's figures, the past half-years they compare with (a district's, kept by the
    /// spine), and the package this level sends up (as approved, if it was).
    struct Figured {
        var basis: NightOutputs.Basis
        var history: History?
        var upward: Package?
    }

    func figures(_ snapshot: RegistrySnapshot) throws -> Figured {
        let period = options.reportingPeriod
        let approved = try Approvals.approved(period, registry: registry)
        guard configuration.level == .district else {
            let figures = LevelFigures(
                configuration: configuration, schedule: schedule, asOf: options.asOf, period: period,
                packages: try Approvals.unitPackages(registry), snapshot: snapshot)
            return Figured(basis: .level(figures), history: nil, upward: approved ?? figures.package)
        }
        let history = try History.before(period, registry: registry, configuration: configuration)
        var figures = NightFigures(
            snapshot: snapshot, schools: configuration.schools, settings: configuration.settings, schedule: schedule, asOf: options.asOf,
            period: period, history: history.periods, sending: try registry.sendingFolders(from: period.start, to: options.asOf),
            linkKey: configuration.linkKey)
        figures.upward = approved ?? figures.package
        return Figured(basis: .district(figures, snapshot: snapshot), history: history, upward: figures.upward)
    }

    func outputs(_ report: RunReport, figures: NightOutputs.Basis, upward: Package?, clock: inout StageTimes) -> NightOutputs.Written {
        do {
            let schools = configuration.schools.schools.map { [$0.code, $0.name, $0.shortName, $0.inn].joined(separator: "\t") }
            let outputs = NightOutputs(
                configuration: configuration, store: store, faults: faults, stamps: try registry.outputStamps(),
                registryFingerprint: try registry.contentVersion() + "|" + NightOutputs.fingerprint(schools.joined(separator: "\n")))
            return outputs.write(report, figures: figures, upward: upward, clock: &clock)
        } catch {
            return NightOutputs.Written(problems: [.registry(error)], receiptsComplete: false)
        }
    }

    /// The journals of earlier runs that died before writing their own (from what the registry
    /// recorded of them), this run's, and its exit code on record.
    func journal(_ report: RunReport, summary: [String]) -> Result {
        var report = report
        report.finishedAt = Date()
        for problem in report.problems { logger.critical("сбой: \(problem)") }
        var result = Result(end: RunEnd.of(report.problems), report: report, summary: summary)
        do {
            for earlier in try registry.runsOwingJournals(before: runID) {
                try RunJournal.write(
                    earlier, files: try registry.files(ofRun: earlier.id), strays: try registry.strays(ofRun: earlier.id), writtenBy: runID,
                    state: configuration.state)
                try registry.markJournalWritten(earlier.id)
                faults("earlier-journal")
            }
            let journal = try RunJournal.write(report, exitCode: result.end.exitCode, state: configuration.state)
            faults("journal")
            try registry.finishRun(runID, exitCode: result.end.exitCode, finishedAt: report.finishedAt)
            try registry.markJournalWritten(runID)
            if report.problems.isEmpty { result.summary.append("Журнал запуска: \(journal)") }
        } catch {
            let problem = RunProblem.journalNotWritten(error)
            logger.critical("\(problem)")
            report.problems.append(problem)
            result.end = RunEnd.of(report.problems)
            result.report = report
        }
        return result
    }

    private func log(_ files: [TakenFile]) {
        for (index, file) in files.enumerated() {
            options.progress?(index + 1, files.count, file)
            logger.info(
                "\(file.folder)/\(file.name): \(file.verdict.rawValue)",
                metadata: [
                    "dataset": "\(file.dataset?.rawValue ?? "?")", "rows": "\(file.rowCount)",
                    "errors": "\(file.findings.errorCount)", "warnings": "\(file.findings.warningCount)",
                ])
        }
    }
}
