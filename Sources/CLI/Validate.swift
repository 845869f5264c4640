import ArgumentParser
import Config
import Domain
import Foundation
import Judgement
import Pipeline
import Registry

extension Nastavnik {
    /// A curator's self-check: the files are judged exactly as the nightly run will (the same
    /// judgement, module Judgement), and nothing changes.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить файлы школы так же, как их проверит ночной запуск, ничего не меняя.",
            discussion: """
                Пример:
                  nastavnik validate наставники.csv программы.csv --school tetyushi-sosh1
                  nastavnik validate inbox/*/*      # вся входящая папка: школа — по имени папки файла

                Код завершения 0 — все файлы были бы приняты, 1 — какой-то файл был бы отклонён, \
                2 — неверный вызов или настройки, или реестр не читается.
                """)

        @Argument(help: ArgumentHelp("Файлы CSV или книги Excel (.xlsx).", valueName: "FILE"))
        var files: [String]

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Код ОО (имя папки школы) из config/schools.csv; без него — имя папки, в которой лежит файл.", valueName: "CODE"))
        var school: String?

        @OptionGroup var options: ConfigOptions

        @Option(name: .long, help: "Формат вывода: text или json.")
        var format: OutputFormat = .text

        func run() throws {
            let configuration = try loadConfiguration(options)
            let asOf = try asOfDate(options)
            var checked: [Rehearsal.File] = []
            for path in files {
                var info = stat()
                guard lstat(path, &info) == 0 else { throw ValidationError("Файл не найден: \(path).") }
                let folder = school ?? ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
                guard folder == configuration.level.ownFolder || configuration.units.unit(folder) != nil else {
                    throw ValidationError(
                        "Код «\(folder)» не найден в \(configuration.directory)/\(configuration.units.kind.directoryFile)"
                            + (school == nil ? " (школа берётся из имени папки файла; укажите --school)." : "."))
                }
                checked.append(Rehearsal.File(path: path, folder: folder, name: (path as NSString).lastPathComponent))
            }
            let judged: JudgedPass
            do throws(Rehearsal.Failure) {
                judged = try Rehearsal.judge(checked, configuration: configuration, asOf: asOf)
            } catch {
                Output.error("\(error)")
                throw ExitCode(Exit.usage)
            }
            switch format {
            case .text: FindingsReport.printText(judged.judgements, withdrawn: judged.withdrawn)
            case .json: Output.line(String(decoding: Rehearsal.json(judged.judgements), as: UTF8.self))
            }
            if judged.judgements.contains(where: { $0.verdict == .rejected }) || !judged.withdrawn.isEmpty { throw ExitCode(Exit.rejected) }
        }
    }
}
