import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Workbooks

/// After the files are applied: the workbooks of SPEC §7, the receipts and the public extracts,
/// from the night's snapshot and figures, and a short summary. Each output is written on its own:
/// one that fails is reported, and the others are still written.
struct NightOutputs {
    let configuration: Configuration
    let store: FileStore
    let faults: FaultPoints

    struct Written {
        var summary: [String] = []
        var problems: [String] = []
        /// Every receipt owed was written: the runs that owed them can be marked.
        var receiptsComplete = true
    }

    func write(_ report: RunReport, snapshot: RegistrySnapshot, figures: NightFigures, clock: inout StageTimes) -> Written {
        let place = OutputPlace(outbox: configuration.outbox, asOf: report.asOf)
        var result = Written()
        var workbooks: [String] = []
        func attempt(_ what: String, public: Bool = false, _ write: () throws -> String) -> Bool {
            do {
                let path = try write()
                chmod(path, `public` ? 0o644 : 0o640)
                let folder = (path as NSString).deletingLastPathComponent
                if folder != configuration.outbox { chmod(folder, `public` ? 0o755 : 0o750) }
                return true
            } catch {
                result.problems.append("\(what): \(error)")
                return false
            }
        }
        do {
            try prepareFolders()
        } catch {
            result.problems.append("\(configuration.outbox): \(error)")
        }
        for (name, write) in [
            ("registry", { try RegistryWorkbook.write(snapshot: snapshot, figures: figures, place: place) }),
            ("statform", { try Statform.write(figures, place: place) }),
            ("monitoring", { try MonitoringWorkbook.write(figures, place: place) }),
        ] as [(String, () throws -> String)] {
            if attempt(name, write) { workbooks.append(place.path(name)) }
            faults("output")
            clock.lap("workbook_\(name)")
        }
        var receipts = 0
        let byFolder = Dictionary(grouping: report.receiptFiles, by: \.folder)
        let problems = Dictionary(grouping: report.folderProblems, by: \.folder)
        for folder in configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder] {
            let files = byFolder[folder] ?? []
            let notes = (problems[folder] ?? []).map { Finding(.error, file: "папка \(folder)", message: $0.message) }
            guard !files.isEmpty || !notes.isEmpty else { continue }
            let title = configuration.schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
            let written = attempt("квитанция \(folder)") {
                try ReceiptWorkbook.write(
                    folder: folder, title: title, files: files, notes: notes, deadlines: figures.deadlines,
                    isDistrict: folder == SchoolDirectory.districtFolder, place: place)
            }
            if written { receipts += 1 } else { result.receiptsComplete = false }
            faults("receipt")
        }
        clock.lap("receipts")
        var extracts = 0
        for school in configuration.schools.schools where snapshot[school.code].hasData {
            let listing = PublicListing(school: school, data: snapshot[school.code])
            if attempt("выгрузка \(school.code)", public: true, { try PublicExtract.write(listing, place: place) }) { extracts += 1 }
            faults("public")
        }
        clock.lap("public_extracts")
        result.summary = summary(report, figures: figures, workbooks: workbooks, receipts: receipts, extracts: extracts)
        return result
    }

    /// The outbox can be passed through by anyone (so that the public folder can be served) but
    /// listed and read only by the service and the district's group; the public folder is open.
    private func prepareFolders() throws {
        let outbox = configuration.outbox
        try store.makeFolder(outbox + "/schools")
        try store.makeFolder(outbox + "/public")
        chmod(outbox, 0o711)
        chmod(outbox + "/public", 0o755)
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
        if !report.folderProblems.isEmpty {
            lines.append("Папки школ, которые не удалось прочитать: " + report.folderProblems.map(\.folder).joined(separator: ", ") + ".")
        }
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
