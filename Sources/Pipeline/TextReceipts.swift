import Configuration
import Deadlines
import Domain
import Foundation

/// The school's receipt as plain text in `outbox/schools/<code>/receipt-DATE.txt`, for every folder
/// with a file taken tonight. (The workbook receipt of SPEC §7 replaces it when the workbooks land.)
enum TextReceipts {
    static func write(_ report: RunReport, schools: SchoolDirectory, outbox: String) throws -> [String] {
        var written: [String] = []
        let folders = Dictionary(grouping: report.files, by: \.folder)
        for (folder, files) in folders.sorted(by: { $0.key < $1.key }) {
            let title = schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
            var text = "Квитанция о приёме файлов\n\(title)\nДата: \(report.asOf.russian)\n\n"
            text += "Файл | Набор данных | Результат | Строк | Ошибок | Предупреждений\n"
            for file in files {
                text += "\(file.name) | \(file.dataset?.title ?? "не определён") | \(file.verdict.rawValue) | \(file.rowCount) | "
                    + "\(file.findings.errorCount) | \(file.findings.warningCount)\n"
            }
            let findings = files.flatMap(\.findings)
            if !findings.isEmpty {
                text += "\nЗамечания:\n"
                for f in findings {
                    var place = [f.file]
                    if let row = f.row { place.append("строка \(row)") }
                    if let column = f.column { place.append("столбец «\(column)»") }
                    if let value = f.value { place.append("значение «\(value)»") }
                    text += "[\(f.severity.rawValue)] \(place.joined(separator: ", ")): \(f.message)\n"
                }
            }
            if let deadlines = report.deadlines { text += deadlineSection(deadlines, folder: folder) }
            let path = "\(outbox)/schools/\(folder)/receipt-\(report.asOf.iso).txt"
            try AtomicWrite.write(Data(text.utf8), to: path)
            written.append(path)
        }
        return written
    }

    /// The folder's own roadmap items with their status, then its programmes' deadline findings.
    static func deadlineSection(_ deadlines: DeadlineReport, folder: String) -> String {
        let isDistrict = folder == SchoolDirectory.districtFolder
        let items = isDistrict ? deadlines.districtItems : deadlines.schoolItems
        let statuses = isDistrict ? deadlines.district : deadlines.schools[folder] ?? [:]
        var text = "\nСроки дорожной карты на \(deadlines.asOf.russian):\n"
        for scheduled in items {
            guard let status = statuses[scheduled.item.code] else { continue }
            let due = status.due.map { " (срок \($0.russian))" } ?? ""
            text += "\(scheduled.item.code) | \(status.status.rawValue)\(due) | \(scheduled.item.title)\n"
        }
        let programs = deadlines.programs.filter { $0.school == folder }
        if !programs.isEmpty {
            text += "\nСроки программ:\n"
            for finding in programs { text += "[\(finding.kind.rawValue)] \(finding.message)\n" }
        }
        return text
    }
}
