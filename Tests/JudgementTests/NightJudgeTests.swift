import Domain
import Reading
import Testing
import Validation

@testable import Judgement

/// A night's files as the tests send them: name, folder and bytes.
struct Night {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
    static let a = "school-a", b = "school-b"
    static let rules = JudgingRules(
        asOf: asOf, strict: false, schools: [a, b], schoolRoadmapCodes: ["П2.1"], districtRoadmapCodes: ["1.1"])

    static let mentorA = "112-233-445 95", mentorB = "145-274-509 62"
    static let menteeA = "141-008-408 00", menteeB = "205-132-059 00"

    var files: [(folder: String, name: String, bytes: [UInt8])] = []

    mutating func send(_ folder: String, _ name: String, _ rows: [[String]]) { files.append((folder, name, Self.csv(rows))) }

    /// Judges the night; the judgements in the order delivered.
    func judge(rules: JudgingRules = rules, baseline: Baseline = .empty, workers: Int = 1) -> [FileJudgement] {
        let files = self.files
        let submissions = files.enumerated().map { i, f in
            Submission(
                id: i, folder: f.folder, name: f.name, dataset: DatasetRecognition.recognise(name: f.name, head: f.bytes, complete: true))
        }
        return try! Judge(rules: rules, baseline: baseline, workers: workers).judge(
            submissions, contents: Bytes(files: files.map(\.bytes))
        )
        .judgements
    }

    /// The files' bytes, by submission.
    struct Bytes: ContentSource {
        let files: [[UInt8]]
        func content(of submission: Submission) -> Content {
            .bytes(files[submission.id], sha256: Night.sha(files[submission.id]), read: nil)
        }
    }

    /// A stand-in content hash: equal bytes, equal text.
    static func sha(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func csv(_ rows: [[String]]) -> [UInt8] {
        Array((rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static let mentorHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)", "Педагогический стаж, лет",
        "Квалификационная категория", "Дата ПК по наставничеству", "Согласие на публикацию",
    ]
    static func mentor(_ snils: String, _ last: String = "Андреева") -> [String] {
        [snils, last, "Галина", "Петровна", "12.03.1971", "Учитель", "Математика", "20", "высшая", "14.11.2022", "да"]
    }
    static let menteeHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)", "Педагогический стаж, лет",
        "Профессиональные затруднения", "Согласие на публикацию",
    ]
    static func mentee(_ snils: String, birth: String = "14.06.2000") -> [String] {
        [snils, "Петров", "Артём", "", birth, "Учитель", "Математика", "1", "", "да"]
    }
    static let programHeader = [
        "Номер программы", "СНИЛС наставника", "СНИЛС наставляемых", "Форма наставничества", "Модель", "Направления", "Режим",
        "Дата начала", "Дата окончания", "Приказ о закреплении", "Согласие участников", "Статус", "Дата завершения",
        "Основание завершения", "Результаты опубликованы",
    ]
    static func program(_ number: String = "1", mentor: String = mentorA, mentees: String = menteeA) -> [String] {
        [
            number, mentor, mentees, "традиционная", "педагог – педагог", "методическое", "очный", "01.09.2025", "31.05.2026",
            "Приказ № 1", "да", "реализуется", "", "", "",
        ]
    }

    static func snils(_ text: String) -> Snils {
        guard case .valid(let s) = SnilsCheck.check(text) else { fatalError("test СНИЛС \(text) is invalid") }
        return s
    }
}

extension Array where Element == FileJudgement {
    func of(_ folder: String, _ name: String) -> FileJudgement? { first { $0.submission.folder == folder && $0.submission.name == name } }
}

struct ApplyOrderTests {
    @Test func programmesSeeTonightsMentorsAndMenteesWhateverTheOrderGiven() {
        var night = Night()
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program()])
        night.send(Night.a, "mentees.csv", [Night.menteeHeader, Night.mentee(Night.menteeA)])
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        let judged = night.judge()
        #expect(judged.map(\.submission.name) == ["mentors.csv", "mentees.csv", "programs.csv"])
        #expect(judged.allSatisfy { $0.verdict == .accepted }, "\(judged.flatMap(\.findings))")
    }

    @Test func everySchoolsMentorsComeBeforeAnyonesProgrammes() {
        var night = Night()
        // School A (first in the list) invites school B's mentor, sent the same night.
        night.send(Night.a, "mentees.csv", [Night.menteeHeader, Night.mentee(Night.menteeA)])
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program(mentor: Night.mentorB)])
        night.send(Night.b, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorB, "Белов")])
        let judged = night.judge()
        #expect(judged.map(\.submission.name) == ["mentors.csv", "mentees.csv", "programs.csv"])
        #expect(judged.of(Night.a, "programs.csv")?.verdict == .accepted)
    }

    @Test func aRejectedMenteesFileExplainsTheProgrammeErrors() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        night.send(Night.a, "mentees.csv", [Night.menteeHeader, Night.mentee(Night.menteeA, birth: "вчера")])
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program()])
        let judged = night.judge()
        #expect(judged.map(\.verdict) == [.accepted, .rejected, .rejected])
        #expect(judged[2].findings.contains { $0.row == 2 && $0.message.contains("«mentees.csv» (наставляемые) отклонён") })
    }

    @Test func tonightsListReplacesTheSchoolsSnapshot() {
        // The registry lists mentorB for school A, but tonight's mentors file drops him.
        let baseline = Baseline(
            currentFiles: [:], mentors: SnilsIndex([(Night.snils(Night.mentorB), Night.a)]),
            mentees: SnilsIndex([(Night.snils(Night.menteeA), Night.a)]),
            peopleWithSnils: { _ in [] })
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program(mentor: Night.mentorB)])
        let judged = night.judge(baseline: baseline)
        #expect(judged[1].findings.contains { $0.column == "СНИЛС наставника" && $0.message.contains("не найден") })
        // Without tonight's mentors file the registry's list stands.
        var other = Night()
        other.send(Night.a, "programs.csv", [Night.programHeader, Night.program(mentor: Night.mentorB)])
        #expect(other.judge(baseline: baseline)[0].verdict == .accepted)
    }
}

struct VerdictTests {
    @Test func strictModeTurnsWarningsIntoErrors() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor("326335397")])  // padded: a warning
        #expect(night.judge()[0].verdict == .accepted)
        var strict = Night.rules
        strict.strict = true
        let judged = night.judge(rules: strict)
        #expect(judged[0].verdict == .rejected)
        #expect(judged[0].findings.allSatisfy { $0.severity == .error })
    }

    @Test func aFileIdenticalToTheCurrentSnapshotIsARepeatAndIsNotRead() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        let sha = Night.sha(night.files[0].bytes)
        let baseline = Baseline(
            currentFiles: [Night.a: [.mentors: sha]], mentors: SnilsIndex([]), mentees: SnilsIndex([]), peopleWithSnils: { _ in [] })
        let judged = night.judge(baseline: baseline)
        #expect(judged[0].verdict == .duplicate)
        #expect(judged[0].findings.isEmpty)
    }

    @Test func anOlderVersionSentAfterANewerOneTheSameNightBecomesTheSnapshotAgain() {
        var night = Night()
        night.send(Night.a, "mentors_1.csv", [Night.mentorHeader, Night.mentor(Night.mentorB)])
        night.send(Night.a, "mentors_2.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        night.send(Night.a, "mentors_3.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        let current = Night.sha(night.files[1].bytes)  // mentors_2 is the registry's snapshot
        let baseline = Baseline(
            currentFiles: [Night.a: [.mentors: current]], mentors: SnilsIndex([]), mentees: SnilsIndex([]), peopleWithSnils: { _ in [] })
        // mentors_1 replaces the snapshot, so mentors_2 (the old snapshot) is new again; mentors_3 repeats it.
        #expect(night.judge(baseline: baseline).map(\.verdict) == [.accepted, .accepted, .duplicate])
    }

    /// The first file changes while it is read: what it holds is not known tonight.
    struct FirstChanged: ContentSource {
        let files: [[UInt8]]
        func content(of submission: Submission) -> Content {
            submission.id == 0 ? .withdrawn(reason: "изменился") : .bytes(files[submission.id], sha256: "x", read: nil)
        }
    }

    @Test func aFileThatChangedWhileItWasReadIsLeftForTheNextNight() throws {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program()])
        let submissions = night.files.enumerated().map { i, f in
            Submission(id: i, folder: f.folder, name: f.name, dataset: DatasetRecognition.fromFileName(f.name))
        }
        let judged = try Judge(rules: Night.rules, baseline: .empty).judge(
            submissions, contents: FirstChanged(files: night.files.map(\.bytes)))
        #expect(judged.withdrawn.map(\.submission.name) == ["mentors.csv"])
        #expect(judged.judgements.map(\.submission.name) == ["programs.csv"])
        #expect(judged.judgements[0].verdict == .rejected, "the mentor of a withdrawn file is not known tonight")
    }

    /// The registry cannot be asked about the people tonight's lists name: the first pass fails,
    /// rather than lose the spelling warnings without a word.
    @Test func aRegistryThatCannotBeAskedFailsTheFirstPass() {
        struct Unreadable: Error {}
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA)])
        let baseline = Baseline(
            currentFiles: [:], mentors: SnilsIndex([]), mentees: SnilsIndex([]), peopleWithSnils: { _ in throw Unreadable() })
        let submissions = [Submission(id: 0, folder: Night.a, name: "mentors.csv", dataset: .mentors)]
        #expect(throws: Unreadable.self) {
            try Judge(rules: Night.rules, baseline: baseline).judgeFirst(
                submissions, contents: Night.Bytes(files: night.files.map(\.bytes)))
        }
    }
}

struct SpellingTests {
    @Test func twoSchoolsSendingOneSnilsSpeltTwoWaysAreBothWarned() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреева")])
        night.send(Night.b, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреев")])
        let judged = night.judge()
        #expect(judged.map(\.verdict) == [.accepted, .accepted])
        let a = judged.of(Night.a, "mentors.csv")!.findings
        let b = judged.of(Night.b, "mentors.csv")!.findings
        #expect(
            a.contains {
                $0.row == 2
                    && $0.message.contains(
                        "в ОО «school-b» (наставники) записан на «Андреев Галина Петровна», а здесь — «Андреева Галина Петровна»")
            })
        #expect(
            b.contains {
                $0.row == 2
                    && $0.message.contains(
                        "в ОО «school-a» (наставники) записан на «Андреева Галина Петровна», а здесь — «Андреев Галина Петровна»")
            })
    }

    @Test func theRegistrysSpellingCountsUnlessTonightsFileReplacesIt() {
        let registry = [
            PersonEntry(
                school: Night.b, dataset: .mentors, snils: Night.snils(Night.mentorA),
                name: PersonName(last: "Андреев", first: "Галина", middle: "Петровна"), row: 2)
        ]
        let baseline = Baseline(
            currentFiles: [:], mentors: SnilsIndex([]), mentees: SnilsIndex([]),
            peopleWithSnils: { wanted in registry.filter { wanted.contains($0.snils) } })
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреева")])
        #expect(night.judge(baseline: baseline)[0].findings.contains { $0.message.contains("записан на «Андреев Галина Петровна»") })
        // School B corrects its spelling tonight: nobody is warned.
        night.send(Night.b, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреева")])
        #expect(night.judge(baseline: baseline).allSatisfy { $0.findings.isEmpty })
    }

    @Test func caseDashesAndYoDoNotMakeASecondSpelling() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Фёдорова-Иванова")])
        night.send(Night.b, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "ФЕДОРОВА – ИВАНОВА")])
        #expect(night.judge().allSatisfy { $0.findings.isEmpty })
    }

    @Test func inStrictModeTheWarningRejectsBothFiles() {
        var night = Night()
        night.send(Night.a, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреева")])
        night.send(Night.b, "mentors.csv", [Night.mentorHeader, Night.mentor(Night.mentorA, "Андреев")])
        var strict = Night.rules
        strict.strict = true
        #expect(night.judge(rules: strict).map(\.verdict) == [.rejected, .rejected])
    }
}

struct ParallelJudgementTests {
    @Test func twoWorkersGiveTheJudgementsOfOne() {
        var night = Night()
        for i in 0..<40 {
            let folder = i % 2 == 0 ? Night.a : Night.b
            night.send(
                folder, "mentors_\(i).csv",
                [Night.mentorHeader, Night.mentor(i % 3 == 0 ? "112-233-445 96" : Night.mentorA, "Фамилия\(i % 5)")])
        }
        night.send(Night.a, "programs.csv", [Night.programHeader, Night.program()])
        func summary(_ judged: [FileJudgement]) -> [String] {
            judged.map { "\($0.submission.folder)/\($0.submission.name) \($0.verdict) \($0.findings.map(\.message))" }
        }
        #expect(summary(night.judge(workers: 2)) == summary(night.judge(workers: 1)))
    }
}

/// A teacher on two schools' staff lists on the same days: part-time, a warning where tonight's
/// list says so; apart in time, a move, and nothing to say.
struct PartTimeTests {
    static let header = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
        "Дата приёма", "Дата увольнения", "Основание увольнения",
    ]
    static func row(_ snils: String, hired: String, dismissed: String = "", reason: String = "") -> [String] {
        [snils, "Иванова", "Анна", "", "12.03.1998", "учитель", "01.09.2021", hired, dismissed, reason]
    }

    @Test func bothSchoolsTonight() {
        var night = Night()
        night.send(
            Night.a, "кадры.csv", [Self.header, Self.row(Night.mentorA, hired: "01.09.2021"), Self.row(Night.mentorB, hired: "01.09.2021")])
        night.send(Night.b, "кадры.csv", [Self.header, Self.row(Night.mentorA, hired: "01.09.2024")])
        let judged = night.judge()
        #expect(judged.allSatisfy { $0.verdict == .accepted })
        let a = judged.of(Night.a, "кадры.csv")!.findings
        let b = judged.of(Night.b, "кадры.csv")!.findings
        #expect(a.count == 1 && a.first?.row == 2 && a.first?.severity == .warning)
        #expect(a.first?.message.contains("ОО «school-b»") == true)
        #expect(b.count == 1 && b.first?.message.contains("ОО «school-a»") == true)
    }

    @Test func aMoveIsNotPartTimeAndTheRegistrysListCounts() {
        let moved = StaffRecord(
            row: 5, snils: Night.snils(Night.mentorA), name: PersonName(last: "Иванова", first: "Анна", middle: nil),
            birthDate: CivilDate(year: 1998, month: 3, day: 12)!, position: "учитель",
            teachingSince: CivilDate(year: 2021, month: 9, day: 1)!,
            hiredOn: CivilDate(year: 2021, month: 9, day: 1)!, dismissedOn: CivilDate(year: 2024, month: 8, day: 31)!,
            dismissalReason: .transfer)
        var working = moved
        (working.snils, working.dismissedOn, working.dismissalReason) = (Night.snils(Night.mentorB), nil, nil)
        let staff = [moved, working]
        let baseline = Baseline(
            currentFiles: [:], mentors: SnilsIndex([]), mentees: SnilsIndex([]), peopleWithSnils: { _ in [] },
            staffWithSnils: { snils in [Night.b: staff.filter { snils.contains($0.snils) }] })
        var night = Night()
        night.send(
            Night.a, "staff.csv", [Self.header, Self.row(Night.mentorA, hired: "01.09.2024"), Self.row(Night.mentorB, hired: "01.09.2025")])
        let findings = night.judge(baseline: baseline).of(Night.a, "staff.csv")!.findings
        #expect(findings.map(\.row) == [3], "\(findings)")
    }
}
