import Domain
import Foundation
import Judgement

/// Prints the verdicts of `validate`: grouped by file, one line per finding, a verdict per file.
enum FindingsReport {
    static func printText(_ files: [FileJudgement], withdrawn: [Withdrawal]) {
        for file in files {
            var about = [file.dataset.map { $0.title } ?? "набор данных не определён"]
            if let encoding = file.encoding { about.append(encoding.rawValue) }
            if let delimiter = file.delimiter { about.append("разделитель: \(delimiter.name)") }
            about.append("строк с данными: \(file.rowCount)")
            Output.line("\(file.submission.label) — \(about.joined(separator: ", "))")
            let sorted = file.findings.enumerated().sorted { a, b in
                (a.element.row ?? 0, a.offset) < (b.element.row ?? 0, b.offset)
            }.map(\.element)
            for finding in sorted {
                var place: [String] = []
                if let row = finding.row { place.append("строка \(row)") }
                if let column = finding.column { place.append("столбец «\(column)»") }
                if let value = finding.value { place.append("значение «\(value)»") }
                let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
                Output.line("  [\(finding.severity.rawValue)] \(prefix)\(finding.message)")
            }
            if file.findings.omitted > 0 { Output.line("  … и ещё \(file.findings.omitted) замечаний не показаны") }
            let counts = "ошибок: \(file.findings.errorCount), предупреждений: \(file.findings.warningCount)"
            let note = file.verdict == .duplicate ? " — такой же файл уже принят, ничего не изменится" : ""
            Output.line("  Итог: \(file.verdict.rawValue)\(note) (\(counts))")
            Output.line()
        }
        for item in withdrawn {
            Output.line("\(item.submission.label) — не проверен: \(item.reason)")
            Output.line()
        }
    }
}
