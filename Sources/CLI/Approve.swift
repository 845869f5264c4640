import ArgumentParser
import Config
import Deadlines
import Domain
import Foundation
import Pipeline

extension Nastavnik {
    /// Approval of the half-year's package (district or region): who approved which figures, and when.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Утвердить пакет за полугодие (или отозвать утверждение): с этого момента пакет несёт утверждённые цифры.",
            discussion: """
                Пример:
                  nastavnik approve --period 2023-H1 --by "Ромащина Д.М., заместитель начальника"
                  nastavnik approve --period 2023-H1 --withdraw --reason "исправлены данные школ"
                """)

        @OptionGroup var options: ConfigOptions

        @Option(name: .long, help: ArgumentHelp("Полугодие: ГГГГ-H1 или ГГГГ-H2.", valueName: "PERIOD"))
        var period: String

        @Option(name: .long, help: ArgumentHelp("Кто утверждает: ФИО и должность.", valueName: "WHO"))
        var by: String?

        @Flag(name: .long, help: "Отозвать утверждение (нужна --reason).")
        var withdraw = false

        @Option(name: .long, help: ArgumentHelp("Почему утверждение отзывается.", valueName: "TEXT"))
        var reason: String?

        func validate() throws {
            _ = try reportingPeriod(period)
            if withdraw {
                guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ValidationError("--withdraw: укажите --reason, почему утверждение отзывается.")
                }
            } else {
                guard let by, !by.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ValidationError("--by: укажите, кто утверждает (ФИО и должность).")
                }
            }
        }

        func run() throws {
            let configuration = try loadConfiguration(options)
            let schedule = try loadSchedule(configuration)
            let period = try reportingPeriod(self.period)!
            do {
                let asOf = try asOfDate(options)
                if withdraw {
                    let path = try ReportOnDemand.withdraw(
                        configuration: configuration, schedule: schedule, asOf: asOf, period: period, reason: reason!)
                    Output.line("Утверждение пакета за \(period) отозвано. Пакет (предварительные): \(path)")
                } else {
                    let path = try ReportOnDemand.approve(
                        configuration: configuration, schedule: schedule, asOf: asOf, period: period, by: by!)
                    Output.line("Пакет за \(period) утверждён (\(by!), \(asOf.russian)): \(path)")
                }
            } catch let failure as ReportOnDemand.Failure {
                Output.error("\(failure)")
                throw ExitCode(Exit.usage)
            }
        }
    }

    /// What a region (or the country) does with its units' packages beyond the night.
    struct Region: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Действия уровня выше района с пакетами МО.", subcommands: [Return.self])

        /// Returns an accepted package to its district until a new one comes.
        struct Return: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Вернуть принятый пакет МО на доработку (до прихода нового пакета).",
                discussion: """
                    Пример:
                      nastavnik region return --district tetyushi --period 2023-H1 --reason "не сходятся сведения о педагогах"
                    """)

            @OptionGroup var options: ConfigOptions

            @Option(name: .long, help: ArgumentHelp("Код МО (на федеральном уровне — код субъекта).", valueName: "CODE"))
            var district: String

            @Option(name: .long, help: ArgumentHelp("Полугодие: ГГГГ-H1 или ГГГГ-H2.", valueName: "PERIOD"))
            var period: String

            @Option(name: .long, help: ArgumentHelp("Почему пакет возвращается.", valueName: "TEXT"))
            var reason: String

            func validate() throws { _ = try reportingPeriod(period) }

            func run() throws {
                let configuration = try loadConfiguration(options)
                guard configuration.level != .district, configuration.units.unit(district) != nil else {
                    Output.error("«\(district)» нет в config/\(configuration.units.kind.directoryFile) — возвращать нечего.")
                    throw ExitCode(Exit.usage)
                }
                let period = try reportingPeriod(self.period)!
                do {
                    let asOf = try asOfDate(options)
                    guard
                        try PackageReturn.returnPackage(
                            configuration: configuration, folder: district, period: period, on: asOf, reason: reason)
                    else {
                        Output.error("Пакета \(district) за \(period) нет — возвращать нечего.")
                        throw ExitCode(Exit.usage)
                    }
                    Output.line("Пакет \(district) за \(period) возвращён: \(reason). Это увидят квитанция МО и мониторинг.")
                } catch let failure as ReportOnDemand.Failure {
                    Output.error("\(failure)")
                    throw ExitCode(Exit.usage)
                }
            }
        }
    }
}
