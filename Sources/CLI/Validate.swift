import ArgumentParser
import Configuration
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
            var submissions: [Submission] = []
            for (i, path) in files.enumerated() {
                var info = stat()
                guard lstat(path, &info) == 0 else { throw ValidationError("Файл не найден: \(path).") }
                let folder = school ?? ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
                guard folder == SchoolDirectory.districtFolder || configuration.schools.school(folder) != nil else {
                    throw ValidationError(
                        "Код ОО «\(folder)» не найден в \(configuration.directory)/schools.csv"
                            + (school == nil ? " (школа берётся из имени папки файла; укажите --school)." : "."))
                }
                let name = (path as NSString).lastPathComponent
                for part in FileReading.parts(name: name, path: path) {
                    submissions.append(
                        Submission(id: submissions.count, file: i, folder: folder, name: name, sheet: part.sheet, dataset: part.dataset))
                }
            }
            let judge = NightJudge(
                rules: JudgingRules(configuration: configuration, asOf: asOf), baseline: try registryBaseline(configuration),
                workers: configuration.settings.threads)
            let judged: JudgedPass
            do {
                judged = try judge.judge(
                    submissions, contents: FileReading.Files(paths: files, maxBytes: configuration.settings.maxFileBytes))
            } catch {
                throw refusal(configuration, error)
            }
            switch format {
            case .text: FindingsReport.printText(judged.judgements, withdrawn: judged.withdrawn)
            case .json: FindingsReport.printJSON(judged.judgements)
            }
            if judged.judgements.contains(where: { $0.verdict == .rejected }) || !judged.withdrawn.isEmpty { throw ExitCode(Exit.rejected) }
        }

        /// The registry as the nightly run would see it: invited mentors of other schools resolve,
        /// and a file identical to the current snapshot is a repeat. No registry yet: empty. A
        /// registry that is there but cannot be read is refused: a verdict without it could
        /// disagree with the night's.
        private func registryBaseline(_ configuration: Configuration) throws -> Baseline {
            guard FileManager.default.fileExists(atPath: configuration.database) else { return .empty }
            do {
                return try Registry(path: configuration.database, readOnly: true).baseline()
            } catch {
                throw refusal(configuration, error)
            }
        }

        private func refusal(_ configuration: Configuration, _ error: any Error) -> ExitCode {
            Output.error(
                "Реестр \(configuration.database) не читается (\(error)): без него проверка может разойтись с ночным запуском. "
                    + "Сообщите администратору.")
            return ExitCode(Exit.usage)
        }
    }
}
