import ArgumentParser
import Configuration
import Domain
import Foundation
import Pipeline
import Reading
import Validation

extension Nastavnik {
    /// A curator's self-check: the files are judged exactly as the nightly run will, nothing changes.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить файлы школы так же, как их проверит ночной запуск, ничего не меняя.",
            discussion: """
                Пример:
                  nastavnik validate наставники.csv программы.csv --school tetyushi-sosh1

                Код завершения 0 — все файлы были бы приняты, 1 — какой-то файл был бы отклонён, \
                2 — неверный вызов или настройки.
                """)

        @Argument(help: ArgumentHelp("Файлы CSV школы.", valueName: "FILE"))
        var files: [String]

        @Option(name: .long, help: ArgumentHelp("Код ОО (имя папки школы) из config/schools.csv.", valueName: "CODE"))
        var school: String

        @OptionGroup var options: ConfigOptions

        @Option(name: .long, help: "Формат вывода: text или json.")
        var format: OutputFormat = .text

        func run() throws {
            let configuration = try loadConfiguration(options)
            let asOf = try asOfDate(options)
            guard school == SchoolDirectory.districtFolder || configuration.schools.school(school) != nil else {
                throw ValidationError("Код ОО «\(school)» не найден в \(configuration.directory)/schools.csv.")
            }
            var batch: [SchoolBatch.File] = []
            var unreadable: [ValidatedFile] = []
            for path in files {
                let name = (path as NSString).lastPathComponent
                do {
                    batch.append(.init(name: name, bytes: try CSVDocument.loadBytes(path: path, maxBytes: configuration.settings.maxFileBytes)))
                } catch .unreadable(let reason) where !FileManager.default.fileExists(atPath: path) {
                    throw ValidationError("Файл не найден: \(path) (\(reason)).")
                } catch {
                    unreadable.append(.unreadable(name: name, error))
                }
            }
            let context = configuration.validationContext(
                folder: school, asOf: asOf, people: RegistryPeople.directory(databasePath: configuration.database))
            let results = unreadable + SchoolBatch.validate(consume batch, context: context)
            switch format {
            case .text: FindingsReport.printText(results)
            case .json: FindingsReport.printJSON(results)
            }
            if results.contains(where: { !$0.isAccepted }) { throw ExitCode(Exit.rejected) }
        }
    }
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

func asOfDate(_ options: ConfigOptions) throws -> CivilDate {
    guard let text = options.asOf else { return CivilDate.today }
    guard let date = CivilDate(iso: text) else { throw ValidationError("--as-of: ожидается дата ГГГГ-ММ-ДД, получено «\(text)».") }
    return date
}

extension CivilDate {
    /// Today in the machine's time zone: the office's calendar day.
    static var today: CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
