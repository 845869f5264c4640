import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Pages
import Reading
import Registry
import Reports
import Workbooks

/// After the files are applied: the workbooks of SPEC §7, the receipts, the public extracts and
/// pages, the district's page, from the night's snapshot and figures, and a short summary. Each output is written on its own:
/// one that fails is reported, and the others are still written.
struct NightOutputs {
    let configuration: Configuration
    let store: FileStore
    let faults: FaultPoints

    /// What the outputs kept from earlier nights were made from (`Registry.outputStamps`), and the
    /// registry's content version now.
    let stamps: [String: OutputStamp]
    let registryVersion: String

    struct Written {
        var summary: [String] = []
        var problems: [String] = []
        /// Every receipt owed was written: the runs that owed them can be marked.
        var receiptsComplete = true
        /// The outputs written (or kept) with what they were made from, for the next night.
        var stamps: [(name: String, stamp: OutputStamp)] = []
    }

    /// What a job did.
    enum Done: Sendable {
        case written(stamp: (name: String, stamp: OutputStamp)?)
        /// Its content had not changed since an earlier night: the file written then stands.
        case kept
        case failed(String)
    }

    /// Where workbooks are written before they are renamed into place (hidden, in the outbox).
    static let staging = ".staging"

    /// One output to write.
    enum Job: Sendable {
        case registry, statform, monitoring
        case receipt(folder: String, files: [TakenFile], notes: [Finding])
        case extract(School)
        /// `public/<code>/index.html`, for every school (a stable address for its website).
        case page(School)
        /// `index.html`.
        case districtPage
        /// `spravka-YYYY-HN.docx`, the half-yearly report.
        case report

        var kind: String {
            switch self {
            case .registry: "workbook_registry"
            case .statform: "workbook_statform"
            case .monitoring: "workbook_monitoring"
            case .receipt: "receipts"
            case .extract: "public_extracts"
            case .page: "public_pages"
            case .districtPage: "district_page"
            case .report: "report"
            }
        }
    }

    /// Every output, on every core: each is a file of its own, so the bytes are the same whatever
    /// the order. The registry workbook, the largest, is taken first.
    func write(_ report: RunReport, snapshot: RegistrySnapshot, figures: NightFigures, clock: inout StageTimes) -> Written {
        let place = OutputPlace(outbox: configuration.outbox, asOf: report.asOf, staging: configuration.outbox + "/" + Self.staging)
        var result = Written()
        do {
            try prepareFolders()
        } catch {
            result.problems.append("\(configuration.outbox): \(error)")
        }
        let byFolder = Dictionary(grouping: report.receiptFiles, by: \.folder)
        let problems = Dictionary(grouping: report.folderProblems, by: \.folder)
        var jobs: [Job] = [.registry, .statform, .monitoring, .districtPage, .report]
        for folder in configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder] {
            let files = byFolder[folder] ?? []
            let notes = (problems[folder] ?? []).map { Finding(.error, file: "папка \(folder)", message: $0.message) }
            if !files.isEmpty || !notes.isEmpty { jobs.append(.receipt(folder: folder, files: files, notes: notes)) }
        }
        for school in configuration.schools.schools where snapshot[school.code].hasData { jobs.append(.extract(school)) }
        jobs += configuration.schools.schools.map(Job.page)

        let writer = JobWriter(
            configuration: configuration, snapshot: snapshot, figures: figures, place: place, stamps: stamps,
            registryFingerprint: registryVersion + "|"
                + Self.fingerprint(
                    configuration.schools.schools.map { [$0.code, $0.name, $0.shortName, $0.inn].joined(separator: "\t") }.joined(
                        separator: "\n")),
            pages: SchoolPages(deadlines: figures.deadlines, districtName: figures.districtName))
        let faults = self.faults
        let outcomes = Parallel.map(jobs, workers: configuration.settings.threads) { job -> (done: Done, seconds: Double) in
            let (done, seconds) = StageTimes.measure { writer.run(job) }
            switch job {
            case .registry, .statform, .monitoring: faults("output")
            case .receipt: faults("receipt")
            case .extract: faults("public")
            case .page, .districtPage: faults("page")
            case .report: faults("output")
            }
            return (done, seconds)
        }
        var workbooks: [String] = []
        var receipts = 0
        var extracts = 0
        var keptExtracts = 0
        var pages = 0
        for (job, outcome) in zip(jobs, outcomes) {
            clock.add(job.kind, outcome.seconds)
            switch outcome.done {
            case .failed(let problem):
                result.problems.append(problem)
                if case .receipt = job { result.receiptsComplete = false }
                continue
            case .written(let stamp):
                if let stamp { result.stamps.append(stamp) }
            case .kept:
                if case .extract = job { keptExtracts += 1 }
            }
            switch job {
            case .registry: workbooks.append(place.path("registry"))
            case .statform: workbooks.append(place.path("statform"))
            case .monitoring: workbooks.append(place.path("monitoring"))
            case .receipt: receipts += 1
            case .extract: extracts += 1
            case .page, .districtPage: pages += 1
            case .report: workbooks.append("\(configuration.outbox)/\(HalfYearReport.fileName(figures.period))")
            }
        }
        clock.lap("outputs_wall")
        result.summary = summary(report, figures: figures, workbooks: workbooks, receipts: receipts, extracts: extracts, kept: keptExtracts)
        result.summary.append(
            "Веб-страницы: \(pages) (сводка района — \(configuration.outbox)/index.html, страницы ОО — public/<код>/index.html)")
        return result
    }

    /// The SHA-256 of a text: what an output's content is compared by from one night to the next.
    static func fingerprint(_ text: String) -> String { FileReading.sha256(Array(text.utf8)) }

    /// The outbox can be passed through by anyone (so that the public folder can be served) but
    /// listed and read only by the service and the district's group; the public folder is open.
    private func prepareFolders() throws {
        let outbox = configuration.outbox
        // What a killed run was writing: one run at a time (the lock), so none of it is anyone's now.
        try? FileManager.default.removeItem(atPath: outbox + "/" + Self.staging)
        try store.makeFolder(outbox + "/" + Self.staging)
        try store.makeFolder(outbox + "/schools")
        try store.makeFolder(outbox + "/public")
        chmod(outbox, 0o711)
        chmod(outbox + "/public", 0o755)
    }

    private func summary(_ report: RunReport, figures: NightFigures, workbooks: [String], receipts: Int, extracts: Int, kept: Int)
        -> [String]
    {
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
        lines.append(
            "Квитанции школ: \(receipts) в \(outbox)/schools/; выгрузки для сайтов: \(extracts) в \(outbox)/public/"
                + (kept > 0 ? " (\(kept) без изменений с прошлого раза)" : ""))
        return lines
    }
}

/// Writes one output, with the permissions SECURITY.md gives it; keeps what has not changed.
private struct JobWriter: Sendable {
    let configuration: Configuration
    let snapshot: RegistrySnapshot
    let figures: NightFigures
    let place: OutputPlace
    let stamps: [String: OutputStamp]
    /// The registry's content version and the school list the registry workbook lays out.
    let registryFingerprint: String
    /// What the night's school pages share.
    let pages: SchoolPages

    func run(_ job: NightOutputs.Job) -> NightOutputs.Done {
        do {
            switch job {
            case .registry:
                let path = place.path("registry")
                if let kept = stamps["registry"], kept.fingerprint == registryFingerprint, FileBytes.stamp(DiskPath(kept.path)) != nil {
                    // Nothing in the registry changed since that night: tonight's name for the same bytes.
                    if kept.path != path { try link(kept.path, to: path) }
                    return .written(stamp: ("registry", OutputStamp(fingerprint: registryFingerprint, path: path)))
                }
                try seal(RegistryWorkbook.write(snapshot: snapshot, figures: figures, place: place))
                return .written(stamp: ("registry", OutputStamp(fingerprint: registryFingerprint, path: path)))
            case .statform:
                try seal(Statform.write(figures, place: place))
            case .monitoring:
                try seal(MonitoringWorkbook.write(figures, place: place))
            case .receipt(let folder, let files, let notes):
                let title = configuration.schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
                try seal(
                    ReceiptWorkbook.write(
                        folder: folder, title: title, files: files, notes: notes, deadlines: figures.deadlines,
                        isDistrict: folder == SchoolDirectory.districtFolder, place: place))
            case .extract(let school):
                let listing = PublicListing(school: school, data: snapshot[school.code], mentorsElsewhere: figures.consentingMentors)
                let name = "public:" + school.code
                let fingerprint = PublicExtract.fingerprint(listing)
                if let kept = stamps[name], kept.fingerprint == fingerprint, FileBytes.stamp(DiskPath(kept.path)) != nil { return .kept }
                let path = try PublicExtract.write(listing, place: place)
                try seal(path, public: true)
                if let old = stamps[name]?.path, old != path { unlink(old) }  // the school's previous extract, superseded
                return .written(stamp: (name, OutputStamp(fingerprint: fingerprint, path: path)))
            case .page(let school):
                let page = pages.page(
                    PublicListing(school: school, data: snapshot[school.code], mentorsElsewhere: figures.consentingMentors))
                let name = "page:" + school.code
                let path = "\(place.outbox)/public/\(school.code)/index.html"
                let fingerprint = NightOutputs.fingerprint(page.content)
                if let kept = stamps[name], kept.fingerprint == fingerprint, FileBytes.stamp(DiskPath(path)) != nil { return .kept }
                try AtomicWrite.write(Data(page.render(on: place.asOf).utf8), to: path, staging: place.staging)
                try seal(path, public: true)
                return .written(stamp: (name, OutputStamp(fingerprint: fingerprint, path: path)))
            case .report:
                try AtomicWrite.write(
                    HalfYearReport.data(figures), to: "\(place.outbox)/\(HalfYearReport.fileName(figures.period))", staging: place.staging)
            case .districtPage:
                try AtomicWrite.write(Data(DistrictPage.render(figures).utf8), to: "\(place.outbox)/index.html", staging: place.staging)
            }
            return .written(stamp: nil)
        } catch {
            return .failed("\(job.kind): \(error)")
        }
    }

    /// The run's umask makes every file 0640 and folder 0750 (SECURITY.md); a public extract and
    /// its folder are opened to everyone.
    private func seal(_ path: String, public isPublic: Bool = false) throws {
        guard isPublic else { return }
        chmod(path, 0o644)
        chmod((path as NSString).deletingLastPathComponent, 0o755)
    }

    /// The same file under another name: a hard link, or a copy where links are not allowed.
    private func link(_ from: String, to path: String) throws {
        unlink(path)
        if Foundation.link(from, path) == 0 { return }
        try FileManager.default.copyItem(atPath: from, toPath: path)
    }
}
