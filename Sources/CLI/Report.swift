import ArgumentParser
import Config
import Deadlines
import Domain
import Pipeline

extension Nastavnik {
    /// The half-yearly analytical report on demand (the nightly run writes the current one).
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Составить аналитическую справку за полугодие (outbox/spravka-ГГГГ-HN.docx) и пакет для уровня выше (outbox/upward/).",
            discussion: """
                Пример:
                  nastavnik report                    # текущее полугодие, на сегодня
                  nastavnik report --period 2023-H1   # прошедшее: реестр на 30.06.2023

                Справку за текущее полугодие каждую ночь пишет и nastavnik run.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(
            name: .long, help: ArgumentHelp("Полугодие: ГГГГ-H1 или ГГГГ-H2 (по умолчанию — полугодие даты --as-of).", valueName: "PERIOD"))
        var period: String?

        func validate() throws {
            _ = try reportingPeriod(period)
        }

        func run() throws {
            let configuration = try loadConfiguration(options)
            let schedule = try loadSchedule(configuration)
            do {
                let paths = try ReportOnDemand.write(
                    configuration: configuration, schedule: schedule, asOf: try asOfDate(options),
                    period: try reportingPeriod(period))
                Output.line("Справка: \(paths[0])")
                if paths.count > 1 { Output.line("Пакет: \(paths[1])") }
            } catch let failure as ReportOnDemand.Failure {
                Output.error("\(failure)")
                throw ExitCode(Exit.usage)
            }
        }
    }
}
