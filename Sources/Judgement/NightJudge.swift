import Domain
import Reading
import Validation

/// The one judging step for a night's files, used by the nightly run and by `validate` alike: it
/// owns SPEC §5's apply order, the people directory (the registry with tonight's accepted lists
/// laid over it), the hints about files rejected tonight, the spelling warnings, strict mode, the
/// repeat check and the final verdict.
///
/// It judges in two passes. First the files nothing else depends on — profiles and the three
/// lists of people — each on its own, so they can be read in parallel; then the spelling check
/// across all of tonight's lists, strict mode and the verdicts. Then programmes (which refer to
/// the lists as they stand after the first pass) and roadmaps, again in parallel.
public struct NightJudge: Sendable {
    public let rules: JudgingRules
    public let baseline: Baseline
    public var workers: Int

    public init(rules: JudgingRules, baseline: Baseline, workers: Int = 1) {
        self.rules = rules
        self.baseline = baseline
        self.workers = workers
    }

    static let firstPass: Set<Dataset> = [.profile, .curators, .mentors, .mentees]

    /// Judges the files, handing the judgements to `deliver` in apply order: once for the first
    /// pass, once for the second. `load` reads a file when its turn comes (from any thread).
    /// `deliver` returns the ids of files it could not take after all (they changed since they were
    /// read): the second pass does not count on them. Returns the files withdrawn from the night.
    @discardableResult
    public func judge(
        _ submissions: [Submission], load: @escaping @Sendable (Submission) -> Content,
        deliver: ([FileJudgement]) throws -> Set<Int>
    ) rethrows -> [Withdrawal] {
        let ordered = ApplyOrder.sorted(submissions, folders: rules.folders)
        let first = ordered.filter { $0.dataset.map(Self.firstPass.contains) ?? false }
        let second = ordered.filter { !($0.dataset.map(Self.firstPass.contains) ?? false) }
        var withdrawn: [Withdrawal] = []

        // The first pass, delivered; what the second needs of it kept (the rows themselves are let go).
        let (directory, rejected) = try {
            var lists = judgeFiles(
                first, people: TonightDirectory(baseline: baseline, accepted: []), rejected: [:], load: load, withdrawn: &withdrawn)
            addSpellingWarnings(&lists)
            let concluded = conclude(lists)
            lists = []
            let notTaken = try deliver(concluded)
            let judgedFirst = concluded.filter { !notTaken.contains($0.submission.id) }
            var rejected: [String: [Dataset: [String]]] = [:]
            for judgement in judgedFirst where judgement.verdict == .rejected {
                if let dataset = judgement.dataset {
                    rejected[judgement.submission.folder, default: [:]][dataset, default: []].append(judgement.submission.label)
                }
            }
            return (TonightDirectory(baseline: baseline, accepted: judgedFirst.filter { $0.verdict == .accepted }), rejected)
        }()
        let judgedSecond = conclude(judgeFiles(second, people: directory, rejected: rejected, load: load, withdrawn: &withdrawn))
        _ = try deliver(judgedSecond)
        return withdrawn
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
        _ files: [Submission], people: TonightDirectory, rejected: [String: [Dataset: [String]]],
        load: @escaping @Sendable (Submission) -> Content, withdrawn: inout [Withdrawal]
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
            rules.context(folder: file.folder, people: people, rejected: rejected[file.folder] ?? [:])
        }
        let judged = Parallel.map(groups, workers: workers) { group -> [Preliminary] in
            group.map { i in
                let file = files[i]
                var result = Preliminary(submission: file)
                switch load(file) {
                case .withdrawn(let reason):
                    result.withdrawn = reason
                case .unreadable(let failure):
                    result.validated = .unreadable(name: file.name, dataset: file.dataset, failure)
                case .bytes(let bytes, let sha):
                    if !result.isRepeat(sha: sha, alone: group.count == 1, baseline: baseline) {
                        result.validated = FileValidator.validate(
                            name: file.name, dataset: file.dataset, bytes: bytes, context: context(file))
                    }
                case .sheet(let sheet, let sha):
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
    private func addSpellingWarnings(_ files: inout [Preliminary]) {
        let lists = files.indices.compactMap { i -> SpellingCheck.List? in
            let file = files[i]
            guard let rows = file.validated?.rows, let people = rows.people(school: file.submission.folder) else { return nil }
            return SpellingCheck.List(
                index: i, folder: file.submission.folder, dataset: rows.dataset, file: file.submission.label, people: people)
        }
        for (i, warnings) in SpellingCheck.warnings(lists, baseline: baseline) {
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
                delimiter: file.validated?.delimiter, rowCount: file.validated?.rowCount ?? 0, findings: [], rows: nil)
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
