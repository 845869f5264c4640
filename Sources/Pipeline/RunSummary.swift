import Configuration
import Deadlines
import Domain
import Foundation
import Registry
import Workbooks

/// After the run: the workbooks of SPEC §7, the receipts, the journal, and a short summary.
public enum RunOutputs {
    /// Writes every output and returns the summary lines.
    public static func write(_ report: RunReport, configuration: Configuration, exitCode: Int32) throws -> [String] {
        let registry = try Registry(path: configuration.database)
        let place = OutputPlace(outbox: configuration.outbox, asOf: report.asOf)
        let period = report.period.flatMap(ReportingPeriod.init) ?? ReportingPeriod(containing: report.asOf)
        var written: [String] = []

        written.append(try RegistryWorkbook.write(registry: registry, schools: configuration.schools, place: place))
        let rows = try Statform.rows(registry: registry, schools: configuration.schools, asOf: report.asOf, period: period)
        written.append(try Statform.write(rows, districtName: configuration.settings.districtName, period: period, place: place))
        if let deadlines = report.deadlines {
            written.append(try MonitoringWorkbook.write(registry: registry, schools: configuration.schools, deadlines: deadlines, place: place))
        }
        let receipts = try writeReceipts(report, configuration: configuration, place: place)
        let programs = try registry.currentPrograms()
        let counts = try registry.currentCounts()
        var extracts = 0
        for school in configuration.schools.schools where counts[school.code] != nil {
            _ = try PublicExtract.write(registry: registry, school: school, programs: programs[school.code] ?? [], place: place)
            extracts += 1
        }
        TestHooks.reach("outputs")
        let journal = try RunJournal.write(report, exitCode: exitCode, state: configuration.state)
        try registry.finishRun(report.runID, exitCode: exitCode, finishedAt: Date())
        return summary(report, configuration: configuration, workbooks: written, receipts: receipts, extracts: extracts, journal: journal)
    }

    /// A receipt for every folder with a file taken tonight (a repeat included).
    static func writeReceipts(_ report: RunReport, configuration: Configuration, place: OutputPlace) throws -> Int {
        let folders = configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder]
        var count = 0
        for folder in folders {
            let files = report.files.filter { $0.folder == folder }
            guard !files.isEmpty else { continue }
            let title = configuration.schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
            _ = try ReceiptWorkbook.write(
                folder: folder, title: title,
                files: files,
                deadlines: report.deadlines, isDistrict: folder == SchoolDirectory.districtFolder, place: place)
            count += 1
        }
        return count
    }

    static func summary(
        _ report: RunReport, configuration: Configuration, workbooks: [String], receipts: Int, extracts: Int, journal: String
    ) -> [String] {
        var lines: [String] = []
        let byVerdict = Dictionary(grouping: report.files, by: \.verdict)
        lines.append(
            "Запуск \(report.runID) на \(report.asOf.russian): файлов \(report.files.count) — принято \(byVerdict[.accepted]?.count ?? 0), "
                + "отклонено \(byVerdict[.rejected]?.count ?? 0), повторов \(byVerdict[.duplicate]?.count ?? 0).")
        let codes = configuration.schools.schools.map(\.code)
        let rejected = codes.compactMap { code -> String? in
            let n = report.files.count { $0.folder == code && $0.verdict == .rejected }
            return n > 0 ? "\(code) (\(n))" : nil
        }
        if !rejected.isEmpty { lines.append("ОО с отклонёнными файлами (см. их квитанции): " + rejected.joined(separator: ", ") + ".") }
        let silent = codes.filter { code in !report.files.contains { $0.folder == code } }
        if !silent.isEmpty { lines.append("ОО без файлов в этот запуск: " + silent.joined(separator: ", ") + ".") }
        if let deadlines = report.deadlines {
            let overdue = configuration.schools.schools.map { ($0.code, deadlines.overdueCount(school: $0.code)) }.filter { $0.1 > 0 }
            if !overdue.isEmpty {
                lines.append("Просрочено мероприятий дорожной карты: " + overdue.map { "\($0.0) — \($0.1)" }.joined(separator: ", ") + ".")
            }
            let districtOverdue = deadlines.district.values.count { $0.status == .overdue }
            if districtOverdue > 0 { lines.append("У отдела образования просрочено мероприятий: \(districtOverdue).") }
            if !deadlines.programs.isEmpty { lines.append("Замечаний по срокам программ: \(deadlines.programs.count).") }
        }
        if !report.strays.isEmpty { lines.append("В карантин без чтения: \(report.strays.count) (см. журнал).") }
        if !report.leftAlone.isEmpty { lines.append("Оставлено до следующего запуска: \(report.leftAlone.count).") }
        lines.append("Книги для отдела образования: " + workbooks.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + " в \(configuration.outbox)/")
        lines.append("Квитанции школ: \(receipts) в \(configuration.outbox)/schools/; выгрузки для сайтов: \(extracts) в \(configuration.outbox)/public/")
        lines.append("Журнал запуска: \(journal)")
        return lines
    }
}
