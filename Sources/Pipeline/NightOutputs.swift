import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Workbooks

/// After the files are applied: the workbooks of SPEC §7, the receipts and the public extracts,
/// from the night's snapshot and figures, and a short summary.
struct NightOutputs {
    let configuration: Configuration
    let faults: FaultPoints

    /// Writes every output and returns the summary lines.
    func write(_ report: RunReport, snapshot: RegistrySnapshot, figures: NightFigures) throws -> [String] {
        let place = OutputPlace(outbox: configuration.outbox, asOf: report.asOf)
        var written: [String] = []
        written.append(try RegistryWorkbook.write(snapshot: snapshot, figures: figures, place: place))
        faults("output")
        written.append(try Statform.write(figures, place: place))
        faults("output")
        written.append(try MonitoringWorkbook.write(figures, place: place))
        faults("output")
        let receipts = try writeReceipts(report, deadlines: figures.deadlines, place: place)
        var extracts = 0
        for school in configuration.schools.schools where snapshot[school.code].hasData {
            _ = try PublicExtract.write(PublicListing(school: school, data: snapshot[school.code]), place: place)
            faults("public")
            extracts += 1
        }
        return summary(report, figures: figures, workbooks: written, receipts: receipts, extracts: extracts)
    }

    /// A receipt for every folder with a file taken tonight (a repeat included), or by an earlier
    /// run that died before writing its receipts.
    private func writeReceipts(_ report: RunReport, deadlines: DeadlineReport, place: OutputPlace) throws -> Int {
        let folders = configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder]
        let byFolder = Dictionary(grouping: report.receiptFiles, by: \.folder)
        var count = 0
        for folder in folders {
            guard let files = byFolder[folder] else { continue }
            let title = configuration.schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
            _ = try ReceiptWorkbook.write(
                folder: folder, title: title, files: files, deadlines: deadlines, isDistrict: folder == SchoolDirectory.districtFolder,
                place: place)
            faults("receipt")
            count += 1
        }
        return count
    }

    private func summary(_ report: RunReport, figures: NightFigures, workbooks: [String], receipts: Int, extracts: Int) -> [String] {
        var lines: [String] = []
        let byVerdict = Dictionary(grouping: report.files, by: \.verdict)
        lines.append(
            "Запуск \(report.runID) на \(report.asOf.russian): файлов \(report.files.count) — принято \(byVerdict[.accepted]?.count ?? 0), "
                + "отклонено \(byVerdict[.rejected]?.count ?? 0), повторов \(byVerdict[.duplicate]?.count ?? 0).")
        let codes = configuration.schools.schools.map(\.code)
        var rejectedBySchool: [String: Int] = [:]
        var sending: Set<String> = []
        for file in report.files {
            sending.insert(file.folder)
            if file.verdict == .rejected { rejectedBySchool[file.folder, default: 0] += 1 }
        }
        let rejected = codes.compactMap { code in rejectedBySchool[code].map { "\(code) (\($0))" } }
        if !rejected.isEmpty { lines.append("ОО с отклонёнными файлами (см. их квитанции): " + rejected.joined(separator: ", ") + ".") }
        let silent = codes.filter { !sending.contains($0) }
        if !silent.isEmpty { lines.append("ОО без файлов в этот запуск: " + silent.joined(separator: ", ") + ".") }
        let deadlines = figures.deadlines
        let overdue = figures.monitoring.filter { $0.overdueItems > 0 }.map { "\($0.school.code) — \($0.overdueItems)" }
        if !overdue.isEmpty { lines.append("Просрочено мероприятий дорожной карты: " + overdue.joined(separator: ", ") + ".") }
        let districtOverdue = deadlines.district.values.count { $0.status == .overdue }
        if districtOverdue > 0 { lines.append("У отдела образования просрочено мероприятий: \(districtOverdue).") }
        if !deadlines.programs.isEmpty { lines.append("Замечаний по срокам программ: \(deadlines.programs.count).") }
        if !report.strays.isEmpty { lines.append("В карантин без чтения: \(report.strays.count) (см. журнал).") }
        if !report.leftAlone.isEmpty { lines.append("Оставлено до следующего запуска: \(report.leftAlone.count).") }
        let outbox = configuration.outbox
        lines.append(
            "Книги для отдела образования: " + workbooks.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
                + " в \(outbox)/")
        lines.append("Квитанции школ: \(receipts) в \(outbox)/schools/; выгрузки для сайтов: \(extracts) в \(outbox)/public/")
        return lines
    }
}
