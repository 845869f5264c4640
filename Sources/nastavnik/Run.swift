import ArgumentParser
import Configuration
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
                Коды завершения: 0 — запуск выполнен (отклонённые файлы — не сбой); 2 — неверный вызов
                или настройки, ничего не изменено; 3 — идёт другой запуск, ничего не изменено;
                1 — внутренний сбой.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(name: .long, help: ArgumentHelp("Отчётный период ГГГГ-H1 или ГГГГ-H2 (по умолчанию полугодие даты проверки).", valueName: "P"))
        var period: String?

        func validate() throws {
            if let period, ReportingPeriod(period) == nil {
                throw ValidationError("--period: ожидается ГГГГ-H1 или ГГГГ-H2, например 2023-H1; получено «\(period)».")
            }
        }

        func run() throws {
            let configuration = try loadConfiguration(options)
            let schedule: RoadmapSchedule
            do {
                try configuration.checkFolders()
                schedule = try RoadmapSchedule(configuration.roadmap)
            } catch {
                Output.error("Ошибка настроек: \(error)")
                throw ExitCode(Exit.usage)
            }
            let asOf = try asOfDate(options)
            let logger = Logger(label: "nastavnik")
            let report: RunReport
            do {
                report = try NightlyRun.execute(
                    configuration: configuration, schedule: schedule, options: RunOptions(asOf: asOf, period: period), logger: logger)
            } catch NightlyRun.Failure.locked {
                Output.error("Другой запуск nastavnik ещё идёт (блокировка \(configuration.state)/nastavnik.lock) — ничего не изменено.")
                throw ExitCode(Exit.locked)
            } catch {
                logger.critical("внутренний сбой: \(error)")
                throw ExitCode(Exit.internalFailure)
            }
            do {
                for line in try RunOutputs.write(report, configuration: configuration, exitCode: Exit.ok) { Output.line(line) }
            } catch {
                logger.critical("не удалось записать квитанции или журнал: \(error)")
                throw ExitCode(Exit.internalFailure)
            }
        }
    }
}
