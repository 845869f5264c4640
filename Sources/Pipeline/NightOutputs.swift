import Config
import Deadlines
import Domain
import Figures
import Foundation
import Pages
import Reading
import Registry
import Reports
import Toolkit
import Workbooks

/// After the files are applied: the workbooks of SPEC §7, the receipts, the public extracts and
/// pages, the district's page and the half-yearly report, from the night's snapshot and figures,
/// and a short summary. What is written is one table (`plan`): each output with its kind and its
/// writer. Each is written on its own: one that fails is reported, and the others are still written.
struct NightOutputs {
    let configuration: Configuration
    let store: FileStore
    let faults: FaultPoints

    /// What the outputs kept from earlier nights were made from (`Registry.outputStamps`), and the
    /// fingerprint of the registry's content and the school list the registry workbook lays out.
    let stamps: [String: OutputStamp]
    let registryFingerprint: String

    struct Written {
        var summary: [String] = []
        var problems: [RunProblem] = []
        /// Every receipt owed was written: the runs that owed them can be marked.
        var receiptsComplete = true
        /// The outputs written (or kept) with what they were made from, for the next night.
        var stamps: [(name: String, stamp: OutputStamp)] = []
    }

    /// What a writer did.
    enum Done: Sendable {
        case written(stamp: (name: String, stamp: OutputStamp)?)
        /// Its content had not changed since an earlier night: the file written then stands.
        case kept
    }

    /// Where workbooks are written before they are renamed into place (hidden, in the outbox).
    static let staging = ".staging"

    /// A kind of output: its name in the journal's timings, the fault point the crash tests stop at
    /// after one is written, and how the night's summary counts it.
    struct Kind: Sendable, Equatable {
        enum Counted: Sendable { case named, receipt, extract, page }
        let journal: String
        let fault: String
        let counted: Counted

        static let registry = Kind(journal: "workbook_registry", fault: "output", counted: .named)
        static let statform = Kind(journal: "workbook_statform", fault: "output", counted: .named)
        static let monitoring = Kind(journal: "workbook_monitoring", fault: "output", counted: .named)
        static let report = Kind(journal: "report", fault: "output", counted: .named)
        static let receipt = Kind(journal: "receipts", fault: "receipt", counted: .receipt)
        static let extract = Kind(journal: "public_extracts", fault: "public", counted: .extract)
        static let page = Kind(journal: "public_pages", fault: "page", counted: .page)
        static let districtPage = Kind(journal: "district_page", fault: "page", counted: .page)
        static let upward = Kind(journal: "package_upward", fault: "output", counted: .named)
    }

    /// One output of the night: what it is, the file (named in the summary), and how it is written.
    struct Output: Sendable {
        var kind: Kind
        var path: String
        var write: @Sendable () throws -> Done
    }

    /// Everything the night writes, in the order it is started: the registry workbook, the largest,
    /// first. Receipts go to every school that sent files (or whose folder could not be read) and
    /// to every school a dead run still owed one; extracts to schools with data; pages to every
    /// school (a stable address for its website).
    func plan(_ report: RunReport, figures: NightFigures, upward: Package?, writer: Writer) -> [Output] {
        let place = writer.place
        let outbox = configuration.outbox
        var plan: [Output] = [
            Output(kind: .registry, path: place.registry) { try writer.registryWorkbook() },
            Output(kind: .statform, path: place.statform) { try writer.statform() },
            Output(kind: .monitoring, path: place.monitoring) { try writer.monitoring() },
            Output(kind: .districtPage, path: place.overviewPage) { try writer.districtPage() },
            Output(kind: .report, path: place.report(figures.period)) { try writer.report() },
        ]
        if let upward { plan.append(Self.upward(upward, place: place)) }
        let byFolder = Dictionary(grouping: report.receiptFiles, by: \.folder)
        let problems = Dictionary(grouping: report.folderProblems, by: \.folder)
        for folder in configuration.schools.schools.map(\.code) + [SchoolDirectory.districtFolder] {
            let files = byFolder[folder] ?? []
            let notes = (problems[folder] ?? []).map { Finding(.error, file: "папка \(folder)", message: $0.message) }
            guard !files.isEmpty || !notes.isEmpty else { continue }
            plan.append(
                Output(kind: .receipt, path: place.receipt(folder, units: .school)) {
                    try writer.receipt(folder, files: files, notes: notes)
                })
        }
        for school in configuration.schools.schools where figures.publicListings.hasData(school) {
            plan.append(Output(kind: .extract, path: place.publicExtract(school.code)) { try writer.extract(school) })
        }
        for school in configuration.schools.schools {
            plan.append(Output(kind: .page, path: place.schoolPage(school.code)) { try writer.page(school) })
        }
        return plan
    }

    /// The package this level sends up, in `outbox/upward/`.
    static func upward(_ package: Package, place: OutputPlace) -> Output {
        Output(kind: .upward, path: place.upward(code: package.code, period: package.period)) {
            try PackageWorkbook.write(package, place: place)
            return .written(stamp: nil)
        }
    }

    /// A region's or the country's night: its statform, monitoring, report and page from its
    /// units' packages, its own package, and a receipt for every unit that sent a package (or
    /// whose package was returned), in `outbox/districts/<code>/` (`regions/`).
    func plan(_ report: RunReport, level figures: LevelFigures, upward: Package?, place: OutputPlace) -> [Output] {
        let outbox = configuration.outbox
        var plan: [Output] = [
            Output(kind: .statform, path: place.statform) {
                try LevelWorkbooks.statform(figures, place: place)
                return .written(stamp: nil)
            },
            Output(kind: .monitoring, path: place.monitoring) {
                try LevelWorkbooks.monitoring(figures, place: place)
                return .written(stamp: nil)
            },
            Output(kind: .districtPage, path: place.overviewPage) {
                try AtomicWrite.write(Data(LevelPage.render(figures).utf8), to: place.overviewPage, staging: place.staging)
                return .written(stamp: nil)
            },
            Output(kind: .report, path: place.report(figures.period)) {
                try AtomicWrite.write(
                    LevelReport.data(figures), to: place.report(figures.period), staging: place.staging)
                return .written(stamp: nil)
            },
        ]
        if let upward { plan.append(Self.upward(upward, place: place)) }
        let units = configuration.units.kind
        let byFolder = Dictionary(grouping: report.receiptFiles, by: \.folder)
        let problems = Dictionary(grouping: report.folderProblems, by: \.folder)
        let own = configuration.level.ownFolder
        let returned = Dictionary(grouping: figures.returnedPackages, by: \.folder)
        for unit in configuration.units.units + [Unit(code: own, name: configuration.level.ownTitle)] {
            let folder = unit.code
            let files = byFolder[folder] ?? []
            var notes = (problems[folder] ?? []).map { Finding(.error, file: "папка \(folder)", message: $0.message) }
            for item in returned[folder] ?? [] {
                notes.append(
                    Finding(
                        .error, file: "пакет за \(item.period)",
                        message:
                            "Пакет за \(item.period) возвращён \(item.on.russian): \(item.reason). Исправьте данные и пришлите новый пакет."
                    ))
            }
            guard !files.isEmpty || !notes.isEmpty else { continue }
            let deadlines = folder == own ? figures.deadlines : nil
            let remarks = notes
            plan.append(
                Output(kind: .receipt, path: place.receipt(folder, units: units)) {
                    _ = try ReceiptWorkbook.write(
                        folder: folder, title: "\(unit.name) (\(folder))", files: files, notes: remarks, deadlines: deadlines,
                        isDistrict: folder == own, place: place, units: units)
                    return .written(stamp: nil)
                })
        }
        return plan
    }

    /// The night's figures, of a district or of a level above.
    enum Basis {
        case district(NightFigures, snapshot: RegistrySnapshot)
        case level(LevelFigures)
    }

    /// Every output, on every core: each is a file of its own, so the bytes are the same whatever
    /// the order.
    func write(_ report: RunReport, figures: Basis, upward: Package?, clock: inout StageTimes) -> Written {
        let place = OutputPlace(
            outbox: configuration.outbox, asOf: report.asOf, staging: configuration.outbox + "/" + Self.staging,
            scratch: configuration.state)
        var result = Written()
        result.problems += prepareFolders()
        let plan: [Output]
        switch figures {
        case .district(let figures, let snapshot):
            let writer = Writer(
                configuration: configuration, snapshot: snapshot, figures: figures, place: place, stamps: stamps,
                registryFingerprint: registryFingerprint,
                pages: SchoolPages(deadlines: figures.deadlines, districtName: figures.districtName))
            plan = self.plan(report, figures: figures, upward: upward, writer: writer)
        case .level(let figures):
            plan = self.plan(report, level: figures, upward: upward, place: place)
        }
        let faults = self.faults
        let outcomes = Parallel.map(plan, workers: configuration.settings.threads) {
            output -> (done: Result<Done, any Error>, seconds: Double) in
            let (done, seconds) = StageTimes.measure { Result { try output.write() } }
            faults(output.kind.fault)
            return (done, seconds)
        }
        var named: [String] = []
        var counts: [Kind.Counted: Int] = [:]
        var keptExtracts = 0
        for (output, outcome) in zip(plan, outcomes) {
            clock.add(output.kind.journal, outcome.seconds)
            switch outcome.done {
            case .failure(let error):
                result.problems.append(error as? RunProblem ?? .outputNotWritten(output: output.path, error))
                if output.kind == .receipt { result.receiptsComplete = false }
                continue
            case .success(.written(let stamp)):
                if let stamp { result.stamps.append(stamp) }
            case .success(.kept):
                if output.kind == .extract { keptExtracts += 1 }
            }
            if output.kind.counted == .named { named.append(output.path) }
            counts[output.kind.counted, default: 0] += 1
        }
        clock.lap("outputs_wall")
        guard case .district(let figures, _) = figures else {
            result.summary = [
                "Запуск \(report.runID) на \(report.asOf.russian): пакетов \(report.files.count), отклонено \(report.files.count { $0.verdict == .rejected }).",
                "Книги: " + named.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + " в \(configuration.outbox)/",
                "Квитанции: \(counts[.receipt] ?? 0) в \(configuration.outbox)/\(OutputPlace.area(configuration.units.kind))/",
            ]
            return result
        }
        result.summary = summary(
            report, figures: figures, workbooks: named, receipts: counts[.receipt] ?? 0, extracts: counts[.extract] ?? 0, kept: keptExtracts
        )
        result.summary.append(
            "Веб-страницы: \(counts[.page] ?? 0) (сводка района — \(configuration.outbox)/index.html, страницы ОО — public/<код>/index.html)"
        )
        return result
    }

    /// The SHA-256 of a text: what an output's content is compared by from one night to the next.
    static func fingerprint(_ text: String) -> String { FileReading.sha256(Array(text.utf8)) }

    /// The outbox can be passed through by anyone (so that the public folder can be served) but
    /// listed and read only by the service and the district's group; the public folder is open.
    private func prepareFolders() -> [RunProblem] {
        let outbox = configuration.outbox
        var problems: [RunProblem] = []
        // What a killed run was writing: one run at a time (the lock), so none of it is anyone's now.
        let staging = outbox + "/" + Self.staging
        if FileManager.default.fileExists(atPath: staging) {
            do {
                try FileManager.default.removeItem(atPath: staging)
            } catch {
                problems.append(.fileOperation(.removeSuperseded, path: staging, error))
            }
        }
        let own = configuration.level == .district ? ["/schools", "/public"] : ["/" + OutputPlace.area(configuration.units.kind)]
        for folder in [staging] + own.map({ outbox + $0 }) {
            do {
                try store.makeFolder(folder)
            } catch {
                problems.append(.fileOperation(.write, path: folder, error))
            }
        }
        let modes = configuration.level == .district ? [(outbox, 0o711), (outbox + "/public", 0o755)] : [(outbox, 0o711)]
        for (path, mode) in modes where chmod(path, mode_t(mode)) != 0 {
            problems.append(.fileSystem(.setPermissions, path))
        }
        return problems
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

/// The night's writers, one function per output, with the permissions SECURITY.md gives each; an
/// output whose content has not changed since an earlier night is kept.
struct Writer: Sendable {
    let configuration: Configuration
    let snapshot: RegistrySnapshot
    let figures: NightFigures
    let place: OutputPlace
    let stamps: [String: OutputStamp]
    /// The registry's content version and the school list the registry workbook lays out.
    let registryFingerprint: String
    /// What the night's school pages share.
    let pages: SchoolPages

    func registryWorkbook() throws -> NightOutputs.Done {
        let path = place.registry
        let stamp = ("registry", OutputStamp(fingerprint: registryFingerprint, path: path))
        if let kept = stamps["registry"], kept.fingerprint == registryFingerprint, FileBytes.stamp(DiskPath(kept.path)) != nil {
            // Nothing in the registry changed since that night: tonight's name for the same bytes.
            if kept.path != path { try link(kept.path, to: path) }
            return .written(stamp: stamp)
        }
        _ = try RegistryWorkbook.write(snapshot: snapshot, figures: figures, place: place)
        return .written(stamp: stamp)
    }

    func statform() throws -> NightOutputs.Done {
        _ = try Statform.write(figures, place: place)
        return .written(stamp: nil)
    }

    func monitoring() throws -> NightOutputs.Done {
        _ = try MonitoringWorkbook.write(figures, place: place)
        return .written(stamp: nil)
    }

    func receipt(_ folder: String, files: [TakenFile], notes: [Finding]) throws -> NightOutputs.Done {
        let title = configuration.schools.school(folder).map { "\($0.name) (\(folder))" } ?? "Отдел образования (\(folder))"
        _ = try ReceiptWorkbook.write(
            folder: folder, title: title, files: files, notes: notes, deadlines: figures.deadlines,
            isDistrict: folder == SchoolDirectory.districtFolder, place: place)
        return .written(stamp: nil)
    }

    func extract(_ school: School) throws -> NightOutputs.Done {
        let listing = figures.publicListings.listing(school)
        let name = "public:" + school.code
        let fingerprint = PublicExtract.fingerprint(listing)
        if let kept = stamps[name], kept.fingerprint == fingerprint, FileBytes.stamp(DiskPath(kept.path)) != nil { return .kept }
        let path = try PublicExtract.write(listing, place: place)
        try open(path)
        // The school's previous extract, superseded (gone already is as good).
        if let old = stamps[name]?.path, old != path, unlink(old) != 0, errno != ENOENT {
            throw RunProblem.fileSystem(.removeSuperseded, old)
        }
        return .written(stamp: (name, OutputStamp(fingerprint: fingerprint, path: path)))
    }

    func page(_ school: School) throws -> NightOutputs.Done {
        let page = pages.page(figures.publicListings.listing(school))
        let name = "page:" + school.code
        let path = place.schoolPage(school.code)
        let fingerprint = NightOutputs.fingerprint(page.content)
        if let kept = stamps[name], kept.fingerprint == fingerprint, FileBytes.stamp(DiskPath(path)) != nil { return .kept }
        try AtomicWrite.write(Data(page.bytes(on: place.asOf)), to: path, staging: place.staging)
        try open(path)
        return .written(stamp: (name, OutputStamp(fingerprint: fingerprint, path: path)))
    }

    func districtPage() throws -> NightOutputs.Done {
        try AtomicWrite.write(Data(DistrictPage.render(figures).utf8), to: place.overviewPage, staging: place.staging)
        return .written(stamp: nil)
    }

    func report() throws -> NightOutputs.Done {
        try AtomicWrite.write(
            HalfYearReport.data(figures), to: place.report(figures.period), staging: place.staging)
        return .written(stamp: nil)
    }

    /// The run's umask makes every file 0640 and folder 0750 (SECURITY.md); a public file and its
    /// folder are opened to everyone.
    private func open(_ path: String) throws {
        guard chmod(path, 0o644) == 0 else { throw RunProblem.fileSystem(.setPermissions, path) }
        let folder = (path as NSString).deletingLastPathComponent
        guard chmod(folder, 0o755) == 0 else { throw RunProblem.fileSystem(.setPermissions, folder) }
    }

    /// The same file under another name: a hard link, or a copy where links are not allowed.
    private func link(_ from: String, to path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw RunProblem.fileSystem(.removeSuperseded, path) }
        if Foundation.link(from, path) == 0 { return }
        try FileManager.default.copyItem(atPath: from, toPath: path)
    }
}
