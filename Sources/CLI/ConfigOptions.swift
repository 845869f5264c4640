import ArgumentParser
import Config
import Deadlines
import Domain
import Foundation

/// Options every subcommand that reads `config/` shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Папка настроек (nastavnik.toml, schools.csv, roadmap.csv).", valueName: "DIR"))
    var config: String = "config"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Дата проверки ГГГГ-ММ-ДД (по умолчанию сегодня).", valueName: "DATE"))
    var asOf: String?
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

func loadConfiguration(_ options: ConfigOptions) throws -> Configuration {
    do {
        return try Configuration.load(directory: options.config)
    } catch {
        Output.error("Ошибка настроек: \(error)")
        throw ExitCode(Exit.usage)
    }
}

/// The roadmap of `config/roadmap.csv` with its terms parsed; a term it cannot read is a
/// configuration error.
func loadSchedule(_ configuration: Configuration) throws -> RoadmapSchedule {
    do {
        return try RoadmapSchedule(configuration.roadmap)
    } catch {
        Output.error("Ошибка настроек: \(error)")
        throw ExitCode(Exit.usage)
    }
}

func asOfDate(_ options: ConfigOptions) throws -> CivilDate {
    guard let text = options.asOf else { return CivilDate.today }
    guard let date = CivilDate(iso: text) else { throw ValidationError("--as-of: ожидается дата ГГГГ-ММ-ДД, получено «\(text)».") }
    return date
}

/// `--period` as `run` and `report` take it: `2023-H1`.
func reportingPeriod(_ text: String?) throws -> ReportingPeriod? {
    guard let text else { return nil }
    guard let period = ReportingPeriod(text) else {
        throw ValidationError("--period: ожидается ГГГГ-H1 или ГГГГ-H2, например 2023-H1; получено «\(text)».")
    }
    return period
}
