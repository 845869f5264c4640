import ArgumentParser
import Config
import Foundation
import Workbooks

extension Nastavnik {
    /// Blank templates for the schools.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Записать пустые шаблоны файлов для школ: CSV по каждому набору данных и книгу XLSX со списками.",
            discussion: """
                Пример:
                  nastavnik templates --out outbox/templates
                """)

        @Option(name: .long, help: ArgumentHelp("Папка для шаблонов (по умолчанию outbox/templates).", valueName: "DIR"))
        var out: String?

        @OptionGroup var options: ConfigOptions

        func run() throws {
            let configuration = try loadConfiguration(options)
            let directory = out ?? configuration.outbox + "/templates"
            let codes = configuration.roadmap.items.filter { $0.level == .school }.map(\.code)
            let paths = try Workbooks.Templates.write(to: directory, roadmapCodes: codes, created: Date(timeIntervalSince1970: 0))
            for path in paths { Output.line(path) }
        }
    }
}
