import Domain
import Reading
import Toolkit
import Validation

/// Where the judge reads a submission when its turn comes (on any of its threads): the files of
/// the inbox, or the files `validate` is given. Reading one file at a time keeps a night's memory to
/// the files being judged.
public protocol ContentSource: Sendable {
    func content(of submission: Submission) -> Content
}

/// The judgements of one pass in apply order, and what was left out of it.
public struct JudgedPass: Sendable {
    public var judgements: [FileJudgement]
    public var withdrawn: [Withdrawal]
}

/// Files rejected tonight (or by an earlier run whose receipts tonight's cover), by folder and
/// dataset: a programme that misses a person of such a file says which file to fix.
public struct RejectedFiles: Sendable {
    private(set) var labels: [String: [Dataset: [String]]] = [:]

    public init() {}

    public mutating func add(folder: String, dataset: Dataset?, label: String) {
        guard let dataset else { return }
        labels[folder, default: [:]][dataset, default: []].append(label)
    }

    func of(_ folder: String) -> [Dataset: [String]] { labels[folder] ?? [:] }
}

/// The one judging step for a night's files, used by the nightly run and by `validate` alike: it
/// owns SPEC §5's apply order, the people directory (the registry with tonight's accepted lists
/// laid over it), the hints about rejected files, the spelling warnings, strict mode, the repeat
/// check and the final verdict.
///
/// It judges in two passes, and returns each: first the files nothing else depends on — profiles
/// and the three lists of people — each on its own, so they can be read in parallel, then the
/// spelling check across all of tonight's lists, strict mode and the verdicts. Then, given the
/// first pass's judgements that were taken (the run records them in between), programmes (which
/// refer to the lists as they stand after the first pass) and roadmaps, again in parallel.
public struct Judge: Sendable {
    public let rules: JudgingRules
    public let baseline: Baseline
    public var workers: Int
    /// Above a district: what a unit's package must hold (module Packages).
    public let packages: (any PackageRules)?

    public init(rules: JudgingRules, baseline: Baseline, workers: Int = 1, packages: (any PackageRules)? = nil) {
        self.rules = rules
        self.baseline = baseline
        self.workers = workers
        self.packages = packages
    }

    /// Whether the files of `folder` are packages: above a district, a unit's folder (not the
    /// level's own).
    public func holdsPackages(_ folder: String) -> Bool { packages != nil && folder != rules.ownFolder }

    static let firstPass: Set<Dataset> = [.profile, .curators, .mentors, .mentees, .staff]

    /// The submissions of each pass, in apply order (`rules.folders` in output order): units'
    /// packages (above a district), then profiles and people, then programmes and roadmaps.
    public func passes(_ submissions: [Submission]) -> (packages: [Submission], first: [Submission], second: [Submission]) {
        let ordered = ApplyOrder.sorted(submissions, folders: rules.folders)
        let isPackage = { (s: Submission) in holdsPackages(s.folder) }
        let isFirst = { (s: Submission) in !isPackage(s) && (s.dataset.map(Self.firstPass.contains) ?? false) }
        return (ordered.filter(isPackage), ordered.filter(isFirst), ordered.filter { !isPackage($0) && !isFirst($0) })
    }

    /// Units' packages, each read by its contract's rules, then given its verdict in the units'
    /// order: a package identical to the current one of its half-year (or to one accepted before it
    /// tonight) is a repeat; one whose figures stand at an earlier day than the current one's is
    /// refused; a package that changed while it was read waits for the next night.
    public func judgePackages(_ submissions: [Submission], contents: some ContentSource) -> JudgedPass {
        let read = Parallel.map(submissions, workers: workers) { submission -> (Content, PackageReading?) in
            let content = contents.content(of: submission)
            guard case .bytes(let bytes, _, _) = content, let packages else { return (content, nil) }
            return (content, packages.read(bytes, folder: submission.folder, label: submission.label))
        }
        var current = baseline.currentPackages
        var judgements: [FileJudgement] = []
        var withdrawn: [Withdrawal] = []
        for (submission, (content, reading)) in zip(submissions, read) {
            var judgement = FileJudgement(
                submission: submission, verdict: .rejected, sha256: nil, encoding: nil, delimiter: nil, rowCount: 0, findings: [],
                rows: nil, read: content.stamp)
            switch content {
            case .withdrawn(let reason):
                withdrawn.append(Withdrawal(submission: submission, reason: reason))
                continue
            case .unreadable(let failure):
                judgement.findings = [Finding(.error, file: submission.label, message: failure.message)]
            case .sheet(_, let sha, _), .bytes(_, let sha, _):
                judgement.sha256 = sha
                judgement.findings = FindingList(reading?.findings ?? [])
            }
            if let package = reading?.package, !judgement.findings.hasErrors {
                judgement.sha256 = package.identity
                judgement.rowCount = package.rows
                let standing = current[submission.folder]?[package.period]
                if standing?.identity == package.identity {
                    judgement.verdict = .duplicate
                } else if let earlier = standing?.dataOn, package.dataOn < earlier {
                    judgement.findings.append(
                        Finding(
                            .error, file: submission.label,
                            message:
                                "Данные пакета на \(package.dataOn.russian) — раньше, чем у принятого пакета за \(package.period) "
                                + "(данные на \(earlier.russian)): более старый пакет не заменяет более новый. Пришлите пакет, записанный "
                                + "последним."))
                } else {
                    judgement.verdict = .accepted
                    judgement.rows = .package(StoredPackage(period: package.period, sha256: package.identity, content: package.content))
                    current[submission.folder, default: [:]][package.period] = CurrentPackage(
                        identity: package.identity, dataOn: package.dataOn)
                }
            }
            judgements.append(judgement)
        }
        return JudgedPass(judgements: judgements, withdrawn: withdrawn)
    }

    /// Profiles and lists of people, with the night's spelling warnings. Throws when the registry
    /// cannot be asked about the people tonight's lists name.
    public func judgeFirst(_ submissions: [Submission], contents: some ContentSource, rejectedEarlier: RejectedFiles = RejectedFiles())
        throws -> JudgedPass
    {
        var withdrawn: [Withdrawal] = []
        var lists = judgeFiles(
            submissions, people: TonightDirectory(baseline: baseline, accepted: []), rejected: rejectedEarlier, contents: contents,
            withdrawn: &withdrawn)
        try addSpellingWarnings(&lists)
        try addPartTimeWarnings(&lists)
        return JudgedPass(judgements: conclude(lists), withdrawn: withdrawn)
    }

    /// Programmes and roadmaps, against the people as the first pass's `taken` judgements left them.
    public func judgeSecond(
        _ submissions: [Submission], after taken: [FileJudgement], contents: some ContentSource,
        rejectedEarlier: RejectedFiles = RejectedFiles()
    ) -> JudgedPass {
        var rejected = rejectedEarlier
        for judgement in taken where judgement.verdict == .rejected {
            rejected.add(folder: judgement.submission.folder, dataset: judgement.dataset, label: judgement.submission.label)
        }
        var withdrawn: [Withdrawal] = []
        let accepted = taken.filter { $0.verdict == .accepted }
        let directory = TonightDirectory(baseline: baseline, accepted: accepted)
        let judged = judgeFiles(submissions, people: directory, rejected: rejected, contents: contents, withdrawn: &withdrawn)
        var judgements = conclude(judged)
        let reliance = RelianceIndex(accepted)
        for i in judgements.indices { judgements[i].reliedOn = reliance.of(judgements[i]) }
        return JudgedPass(judgements: judgements, withdrawn: withdrawn)
    }

    /// What a programme's verdict rests on (`Reliance`), told from tonight's accepted lists indexed
    /// once: a programme rests on its folder's mentors and mentees accepted tonight, and on another
    /// folder's mentors accepted tonight when that list names one of its mentors; a roadmap rests on
    /// nothing of tonight's.
    struct RelianceIndex {
        /// Each folder's people lists of tonight, by label.
        var lists: [String: [String]] = [:]
        /// The folders whose mentors list of tonight names a СНИЛС.
        var mentorFolders: [Snils: Set<String>] = [:]

        init(_ accepted: [FileJudgement]) {
            for list in accepted {
                switch list.rows {
                case .mentors(let people):
                    lists[list.submission.folder, default: []].append(list.submission.label)
                    for person in people { mentorFolders[person.snils, default: []].insert(list.submission.folder) }
                case .mentees:
                    lists[list.submission.folder, default: []].append(list.submission.label)
                default:
                    break
                }
            }
        }

        func of(_ judgement: FileJudgement) -> Reliance {
            guard judgement.dataset == .programs else { return Reliance() }
            let folder = judgement.submission.folder
            var others: Set<String> = []
            if case .programs(let programs) = judgement.rows {
                for program in programs { others.formUnion(mentorFolders[program.mentor] ?? []) }
            }
            others.remove(folder)
            return Reliance(own: lists[folder] ?? [], otherFolders: others.count)
        }
    }

    /// Every pass, every judgement taken: `validate` and an upload, which record nothing.
    public func judge(_ submissions: [Submission], contents: some ContentSource) throws -> JudgedPass {
        let (packages, first, second) = passes(submissions)
        let units = judgePackages(packages, contents: contents)
        let one = try judgeFirst(first, contents: contents)
        let two = judgeSecond(second, after: one.judgements, contents: contents)
        return JudgedPass(
            judgements: units.judgements + one.judgements + two.judgements, withdrawn: units.withdrawn + one.withdrawn + two.withdrawn)
    }

    // MARK: the steps

    /// A file judged by its own rules, before the night's verdict.
    struct Preliminary: Sendable {
        var submission: Submission
        var sha256: String?
        var validated: ValidatedFile?
        /// The file is the folder's current snapshot of the dataset (decided before reading it
        /// when it is the only such file tonight).
        var isRepeat = false
        var withdrawn: String?
        /// What the file looked like when it was read.
        var read: FileStamp?

        /// Takes the SHA-256 of what was read; a folder's only file of its dataset tonight that
        /// is the snapshot already is a repeat, and is not validated.
        mutating func isRepeat(sha: String, alone: Bool, baseline: Baseline) -> Bool {
            sha256 = sha
            if alone, let dataset = submission.dataset, baseline.currentSHA(folder: submission.folder, dataset: dataset) == sha {
                isRepeat = true
            }
            return isRepeat
        }
    }

    /// Every file validated against its context; files of one folder and dataset in their order
    /// (the repeat check needs it), the groups in parallel. Results keep the input order.
    private func judgeFiles(
        _ files: [Submission], people: TonightDirectory, rejected: RejectedFiles, contents: some ContentSource,
        withdrawn: inout [Withdrawal]
    ) -> [Preliminary] {
        var groups: [[Int]] = []
        var groupOf: [GroupKey: Int] = [:]
        for (i, file) in files.enumerated() {
            let key = GroupKey(folder: file.folder, dataset: file.dataset, unrecognised: file.dataset == nil ? i : -1)
            if let g = groupOf[key] {
                groups[g].append(i)
            } else {
                groupOf[key] = groups.count
                groups.append([i])
            }
        }
        let rules = self.rules
        let baseline = self.baseline
        let context = { @Sendable (file: Submission) in
            rules.context(folder: file.folder, people: people, rejected: rejected.of(file.folder))
        }
        let judged = Parallel.map(groups, workers: workers) { group -> [Preliminary] in
            group.map { i in
                let file = files[i]
                var result = Preliminary(submission: file)
                let content = contents.content(of: file)
                result.read = content.stamp
                switch content {
                case .withdrawn(let reason):
                    result.withdrawn = reason
                case .unreadable(let failure):
                    result.validated = .unreadable(name: file.name, dataset: file.dataset, failure)
                case .bytes(let bytes, let sha, _):
                    if !result.isRepeat(sha: sha, alone: group.count == 1, baseline: baseline) {
                        result.validated = FileValidator.validate(
                            name: file.name, dataset: file.dataset, bytes: bytes, context: context(file))
                    }
                case .sheet(let sheet, let sha, _):
                    if !result.isRepeat(sha: sha, alone: group.count == 1, baseline: baseline) {
                        result.validated = WorkbookSheets.validate(
                            name: file.name, dataset: file.dataset, sheet: sheet, context: context(file))
                    }
                }
                return result
            }
        }
        var out = [Preliminary?](repeating: nil, count: files.count)
        for (group, results) in zip(groups, judged) {
            for (i, result) in zip(group, results) { out[i] = result }
        }
        let all = out.map { $0! }
        withdrawn += all.compactMap { p in p.withdrawn.map { Withdrawal(submission: p.submission, reason: $0) } }
        return all.filter { $0.withdrawn == nil }
    }

    private struct GroupKey: Hashable {
        var folder: String
        var dataset: Dataset?
        /// Files of no dataset are each a group of their own.
        var unrecognised: Int
    }

    /// The spelling warnings of SPEC §5 for tonight's lists that passed their own rules.
    private func addSpellingWarnings(_ files: inout [Preliminary]) throws {
        let lists = files.indices.compactMap { i -> SpellingCheck.List? in
            let file = files[i]
            guard let rows = file.validated?.rows, let dataset = rows.dataset, let people = rows.people(school: file.submission.folder)
            else {
                return nil
            }
            return SpellingCheck.List(
                index: i, folder: file.submission.folder, dataset: dataset, file: file.submission.label, people: people)
        }
        for (i, warnings) in try SpellingCheck.warnings(lists, baseline: baseline) {
            files[i].validated?.findings += warnings
        }
    }

    /// The part-time warnings for tonight's staff lists that passed their own rules.
    private func addPartTimeWarnings(_ files: inout [Preliminary]) throws {
        let lists = files.indices.compactMap { i -> PartTimeCheck.List? in
            guard case .staff(let staff)? = files[i].validated?.rows else { return nil }
            return PartTimeCheck.List(index: i, folder: files[i].submission.folder, file: files[i].submission.label, staff: staff)
        }
        guard !lists.isEmpty else { return }
        for (i, warnings) in try PartTimeCheck.warnings(lists, baseline: baseline) {
            files[i].validated?.findings += warnings
        }
    }

    /// Strict mode, the verdicts, and the repeat check of folders that sent a dataset more than
    /// once tonight: a file identical to the snapshot as it stands when its turn comes is a repeat.
    private func conclude(_ files: [Preliminary]) -> [FileJudgement] {
        var current: [String: [Dataset: String]] = [:]
        return files.map { file in
            let submission = file.submission
            var judgement = FileJudgement(
                submission: submission, verdict: .duplicate, sha256: file.sha256, encoding: file.validated?.encoding,
                delimiter: file.validated?.delimiter, rowCount: file.validated?.rowCount ?? 0, findings: [], rows: nil, read: file.read)
            guard let validated = file.validated, !file.isRepeat else { return judgement }
            if let dataset = submission.dataset, let sha = file.sha256 {
                let snapshot = current[submission.folder]?[dataset] ?? baseline.currentSHA(folder: submission.folder, dataset: dataset)
                if snapshot == sha { return judgement }
            }
            judgement.findings = validated.findings
            if rules.strict {
                judgement.findings.makeErrors()
            }
            if validated.rows != nil && !judgement.findings.hasErrors {
                judgement.verdict = .accepted
                judgement.rows = validated.rows
                if let dataset = submission.dataset { current[submission.folder, default: [:]][dataset] = file.sha256 }
            } else {
                judgement.verdict = .rejected
            }
            return judgement
        }
    }
}
