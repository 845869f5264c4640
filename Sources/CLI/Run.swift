import ArgumentParser
import Config
import Deadlines
import Domain
import Foundation
import Logging
import Pipeline

extension Nastavnik {
    /// The nightly job.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ночной запуск: принять файлы школ из inbox/, обновить реестр, выдать квитанции и отчёты.",
            discussion: """
                Пример:
                  nastavnik run --config /srv/nastavnik/config
                  nastavnik run --as-of 2023-06-30 --period 2023-H1

                Коды завершения: 0 — запуск выполнен (отклонённые файлы — не сбой); \
                2 — неверный вызов или настройки, ничего не изменено; \
                3 — идёт другой запуск, ничего не изменено; 1 — внутренний сбой.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(
            name: .long, help: ArgumentHelp("Отчётный период ГГГГ-H1 или ГГГГ-H2 (по умолчанию полугодие даты проверки).", valueName: "P"))
        var period: String?

        @Flag(name: .long, help: "Только предупреждения и ошибки, без сводки.")
        var quiet = false

        @Flag(name: .long, help: "Подробный журнал: всё, что делает запуск.")
        var verbose = false

        func validate() throws {
            if quiet && verbose { throw ValidationError("--quiet и --verbose вместе не задаются.") }
            _ = try reportingPeriod(period)
        }

        func run() throws {
            let end = execute()
            if end.exitCode != 0 { throw ExitCode(end.exitCode) }
        }

        /// The night, and how it ended: every exit of `run` is a `RunEnd`, and its code says it.
        private func execute() -> RunEnd {
            let configuration: Configuration
            let schedule: RoadmapSchedule
            let asOf: CivilDate
            let period: ReportingPeriod?
            do {
                configuration = try Configuration.load(directory: options.config)
                try configuration.checkFolders()
                schedule = try RoadmapSchedule(configuration.roadmap)
                asOf = try asOfDate(options)
                period = try reportingPeriod(self.period)
            } catch {
                Output.error("Ошибка настроек: \(error)")
                return .badConfiguration(error)
            }
            // At a terminal: a progress line per file and a summary, the log only for what needs attention.
            // Under cron or systemd: plain log lines, one per file, the summary among them.
            let terminal = isatty(STDOUT_FILENO) == 1
            var logger = Logger(label: "nastavnik")
            logger.logLevel = verbose ? .debug : (quiet || terminal ? .warning : .info)
            var progress: (@Sendable (Int, Int, TakenFile) -> Void)?
            if terminal && !quiet {
                progress = { index, total, file in
                    Output.line("[\(index)/\(total)] \(file.folder)/\(file.name) — \(file.verdict.rawValue)" + Nastavnik.Run.counts(file))
                }
            }
            let result = NightlyRun.execute(
                configuration: configuration, schedule: schedule, options: RunOptions(asOf: asOf, period: period, progress: progress),
                logger: logger)
            switch result.end {
            case .locked:
                Output.error(
                    "Другой запуск nastavnik ещё идёт (блокировка \(RunLock.path(state: configuration.state))) — ничего не изменено.")
            case .completed:
                if terminal && !quiet {
                    Output.line()
                    for line in result.summary { Output.line(line) }
                } else if !quiet {
                    for line in result.summary { logger.info("\(line)") }
                }
            case .failed(let problems):
                logger.critical("запуск не завершён: \(problems.map(\.description).joined(separator: "; "))")
            case .badConfiguration(let error):
                Output.error("Ошибка настроек: \(error)")
            }
            return result.end
        }
    }
}

extension Nastavnik.Run {
    static func counts(_ file: TakenFile) -> String {
        let errors = file.findings.errorCount
        let warnings = file.findings.warningCount
        guard errors + warnings > 0 else { return "" }
        return " (ошибок: \(errors), предупреждений: \(warnings))"
    }
}
