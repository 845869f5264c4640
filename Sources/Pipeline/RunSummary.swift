import Configuration
import Deadlines
import Foundation

/// After the run: receipts, the journal, and a short summary for the administrator.
public enum RunOutputs {
    /// Writes receipts and the journal and returns the summary lines.
    public static func write(_ report: RunReport, configuration: Configuration, exitCode: Int32) throws -> [String] {
        let receipts = try TextReceipts.write(report, schools: configuration.schools, outbox: configuration.outbox)
        TestHooks.reach("outputs")
        let journal = try RunJournal.write(report, exitCode: exitCode, state: configuration.state)
        var lines: [String] = []
        let byVerdict = Dictionary(grouping: report.files, by: \.verdict)
        lines.append(
            "Запуск \(report.runID) на \(report.asOf.russian): файлов принято \(byVerdict[.accepted]?.count ?? 0), "
                + "отклонено \(byVerdict[.rejected]?.count ?? 0), повторов \(byVerdict[.duplicate]?.count ?? 0).")
        for school in configuration.schools.schools.map(\.code) + ["district"] {
            let files = report.files.filter { $0.folder == school }
            guard !files.isEmpty else { continue }
            lines.append("  \(school): " + files.map { "\($0.name) — \($0.verdict.rawValue)" }.joined(separator: "; "))
        }
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
        lines.append("Квитанции: \(receipts.count) в \(configuration.outbox)/schools/; журнал: \(journal)")
        return lines
    }
}
