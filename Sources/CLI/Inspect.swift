import ArgumentParser
import Domain
import Foundation
import Pipeline
import Reading
import Validation

extension Nastavnik {
    /// For whoever supports the schools: how a file was read, field by field.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показать, как прочитан файл: кодировка, разделитель, набор данных, столбцы и записи.",
            discussion: """
                Пример:
                  nastavnik inspect inbox/tetyushi-sosh1/mentors.csv
                  nastavnik inspect файл.csv --format json   # массив объектов: ключи — заголовки столбцов (без заголовка — буква столбца)
                """)

        @Argument(help: ArgumentHelp("Файл CSV или книга Excel (.xlsx).", valueName: "FILE"))
        var file: String

        @Option(name: .long, help: "Формат вывода: text или json.")
        var format: OutputFormat = .text

        func run() throws {
            let bytes: [UInt8]
            switch FileBytes.read(path: file, maxBytes: Int.max) {
            case .bytes(let read, _): bytes = read
            case .failed(let failure): throw fail(failure)
            case .changed(let reason): throw fail(.unreadable(reason: reason))
            }
            let name = (file as NSString).lastPathComponent
            let byName = DatasetRecognition.fromFileName(name) != nil
            let how = byName ? "по имени файла" : "по заголовкам"
            if SpreadsheetDocument.isWorkbook(bytes) {
                let document: SpreadsheetDocument
                do throws(WorkbookFailure) {
                    document = try SpreadsheetDocument.parse(bytes)
                } catch {
                    throw fail(.workbook(error))
                }
                let parts = WorkbookSheets.parts(document, name: name).compactMap { part in
                    document.sheets.first { $0.name == part.sheet }.map { (sheet: $0, dataset: part.dataset) }
                }
                switch format {
                case .json:
                    var json = RecordsJSON()
                    if parts.count > 1 {
                        json.write(sheets: parts.map { ($0.sheet.name, $0.sheet.table) })
                    } else {
                        json.write(parts.first?.sheet.table ?? .empty)
                    }
                    json.finish()
                case .text:
                    let byDatasetSheets = document.sheets.contains { WorkbookSheets.dataset(ofSheet: $0) != nil }
                    printWorkbook(document, parts: parts, how: byDatasetSheets ? "по листам книги" : how)
                }
                return
            }
            let dataset = DatasetRecognition.recognise(name: name, head: bytes, complete: true)
            let document: CSVDocument
            do throws(CSVDocument.Failure) {
                document = try CSVDocument.parse(bytes)
            } catch {
                throw fail(error)
            }
            switch format {
            case .json:
                var json = RecordsJSON()
                json.write(document.table)
                json.finish()
            case .text:
                Output.line("Файл:         \(file)")
                Output.line("Кодировка:    \(document.encoding.rawValue)")
                Output.line("Разделитель:  \(document.delimiter.name)")
                printTable(document.table, dataset: dataset, how: how)
            }
        }

        private func fail(_ failure: CSVDocument.Failure) -> ExitCode {
            Output.error("\(file): \(failure.message)")
            return ExitCode(Exit.rejected)
        }

        private func printWorkbook(
            _ document: SpreadsheetDocument, parts: [(sheet: SpreadsheetDocument.Sheet, dataset: Dataset?)], how: String
        ) {
            Output.line("Файл:         \(file)")
            Output.line("Книга Excel, видимых листов: \(document.sheets.count)")
            for sheet in document.sheets {
                let role =
                    parts.contains { $0.sheet.name == sheet.name }
                    ? "данные"
                    : WorkbookSheets.dataset(ofSheet: sheet).map { "набор «\($0.title)» — под заголовком пусто, не загружается" }
                        ?? "не данные"
                Output.line("  лист «\(sheet.name)»: записей \(sheet.table.count), \(role)")
            }
            if parts.isEmpty { printTable(.empty, dataset: nil, how: how) }
            for part in parts {
                Output.line("Лист с данными: «\(part.sheet.name)»")
                for problem in part.sheet.problems { Output.line("  ячейка \(problem.address): \(problem.message)") }
                printTable(part.sheet.table, dataset: part.dataset, how: how)
            }
        }

        private func printTable(_ table: CSVTable, dataset: Dataset?, how: String) {
            let header = table.count > 0 ? table.record(0) : []
            if let dataset {
                Output.line("Набор данных: \(dataset.rawValue) — \(dataset.title) (\(how))")
                let map = HeaderMap(dataset: dataset, header: header)
                let byIndex = Dictionary(
                    uniqueKeysWithValues: dataset.columns.compactMap { c in map.position(of: c).map { ($0, c) } })
                Output.line("Столбцы:")
                for (i, text) in header.enumerated() {
                    let target = byIndex[i].map { "\($0.title) (\($0.key))" } ?? "не распознан — не загружается"
                    Output.line("  \(i + 1). «\(text)» → \(target)")
                }
                for column in map.missing { Output.line("  нет обязательного столбца «\(column.title)» (\(column.key))") }
            } else {
                Output.line("Набор данных: не определён (ни по имени файла, ни по заголовкам)")
            }
            Output.line("Записей (с заголовком): \(table.count)")
            for r in 0..<table.count {
                Output.line("  строка \(table.rows[r]): " + table.record(r).map { "«\($0)»" }.joined(separator: " | "))
            }
        }
    }
}
