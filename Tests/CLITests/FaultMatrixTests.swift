import CommandTestSupport
import Domain
import Foundation
import Registry
import Testing

/// The process killed (SIGKILL) at every fault point of a night — reading, judging, recording,
/// moving, writing outputs, and the recovery itself — and then run again. After each kill every
/// input is in exactly one place; after the next run the inbox is empty, the registry holds what an
/// undisturbed run's holds, every output (every receipt's cells among them) is byte for byte the
/// undisturbed run's — also where a file's verdict depends on another file of the same night — and
/// every run has its journal and its true exit code on record.
struct FaultMatrixTests {
    /// A night with something of everything: accepted, rejected and dependent files — a programme
    /// whose mentee's file is rejected the same night (its receipt line names that file), a mentor
    /// invited from another school — one СНИЛС spelt two ways, the district's roadmap, and two
    /// strays.
    static func night() throws -> Workspace {
        let ws = try Workspace()
        let s1 = "tetyushi-sosh1"
        let s2 = "tetyushi-sosh2"
        let s3 = "btarhany-sosh"
        let s4 = "koshki-sosh"
        try ws.drop(s1, "profile.csv", Files.profile(s1))
        try ws.drop(
            s1, "curators.csv",
            Files.csv([
                ["СНИЛС", "Фамилия", "Имя", "Отчество", "Должность", "Приказ о назначении", "Дата приказа"],
                ["123-456-789 64", "Кураторова", "Анна", "", "Заместитель директора по УВР", "12", "10.01.2023"],
            ]))
        try ws.drop(s1, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        try ws.drop(s1, "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")]))
        try ws.drop(
            s1, "programs.csv",
            Files.programs([("1", Files.mentorA, Files.menteeA), ("2", Files.mentorB, Files.menteeB), ("3", Files.mentorC, Files.menteeB)]))
        try ws.drop(
            s1, "roadmap.csv", Files.csv([["Код мероприятия", "Дата выполнения", "Документ"], ["П2.1", "16.01.2023", "Приказ № 12"]]))
        try ws.drop(s2, "profile.csv", Files.profile(s2, total: 12))
        try ws.drop(s2, "mentors.csv", Files.mentors([(Files.mentorC, "Сорокина"), ("bad", "Ошибкин")]))
        try ws.drop(s2, "mentees.csv", Files.mentees([(Files.menteeC, "Лаптева")]))
        try ws.drop(s2, "programs.csv", Files.programs([("1", Files.mentorC, Files.menteeC)]))
        try ws.drop(s3, "profile.csv", Files.profile(s3, total: 7))
        try ws.drop(s3, "mentors.csv", Files.mentors([(Files.mentorC, "Сорокина")]))
        try ws.drop(s3, "mentees.csv", Files.mentees([(Files.menteeC, "Лаптева")]))
        try ws.drop(s4, "profile.csv", Files.profile(s4, total: 9))
        try ws.drop(s4, "mentors.csv", Files.mentors([(Files.mentorA, "Андреев")]))
        try ws.drop(s4, "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), ("bad", "Ошибкина")]))
        try ws.drop(s4, "programs.csv", Files.programs([("1", Files.mentorA, Files.menteeA)]))
        try ws.drop(
            "district", "roadmap.csv",
            Files.csv([["Код мероприятия", "Дата выполнения", "Документ"], ["1.1", "23.12.2022", "Приказ № 789"]]))
        try ws.drop("", "readme.txt", Array("not a school's file".utf8))
        try ws.drop("school-x", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        return ws
    }

    static let files = 18

    /// What an undisturbed night leaves: the registry's content, every output's bytes, and what
    /// the run journals say of each file taken (over all the runs that took part in the night).
    struct Outcome: Equatable {
        var registry: String
        var outputs: [String: Data]
        var journaled: [String]
    }

    static func outcome(_ ws: Workspace) throws -> Outcome {
        var outputs: [String: Data] = [:]
        for path in ws.files(under: ws.outbox) { outputs[path] = try Data(contentsOf: ws.outbox.appendingPathComponent(path)) }
        var journaled: [String] = []
        for name in ws.files(under: ws.state.appendingPathComponent("runs")) {
            let journal = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.state.appendingPathComponent("runs/\(name)")))
            for file in (journal as? [String: Any])?["files"] as? [[String: Any]] ?? [] {
                let fields = ["school", "file", "sheet", "dataset", "sha256", "verdict", "rows", "errors", "warnings", "storedPath"]
                journaled.append(fields.map { "\(file[$0] ?? "")" }.joined(separator: "|"))
            }
        }
        return Outcome(registry: try ws.registry().contentDump(), outputs: outputs, journaled: journaled.sorted())
    }

    static let undisturbed: Outcome = {
        let ws = try! night()
        let result = try! ws.run()
        precondition(result.status == 0, result.stderr)
        return try! outcome(ws)
    }()

    /// The undisturbed night has what the matrix is about: the dependent programme rejected with
    /// the name of the file to fix, the invited mentor's programme accepted.
    @Test func theNightHasItsCrossFileDependencies() throws {
        let ws = try Self.night()
        #expect(try ws.run().status == 0)
        let koshki = try ws.receiptText("koshki-sosh")
        #expect(koshki.contains("mentees.csv | Наставляемые | отклонён"))
        #expect(koshki.contains("programs.csv | Программы наставничества | отклонён"))
        #expect(koshki.contains("Файл «mentees.csv» (наставляемые) отклонён"))
        #expect(try ws.receiptText("tetyushi-sosh1").contains("programs.csv | Программы наставничества | принят"))
    }

    static let points: [String] =
        ["locked#1", "scanned#1", "stray-recorded#1", "stray-moved#1", "stray-recorded#2", "stray-moved#2"]
        + (1...files).map { "read#\($0)" } + ["deliver#1", "deliver#2"]
        + ["in-transaction#1", "in-transaction#2", "committed#1", "committed#2"]
        + (1...files).map { "moved#\($0)" } + ["confirmed#1", "files-done#1"]
        + ["snapshot#1", "figures#1", "output#1", "output#2", "output#3"] + (1...5).map { "receipt#\($0)" } + (1...4).map { "public#\($0)" }
        + ["page#1", "page#5", "receipts-marked#1", "journal#1"]

    @Test func theMatrixHasFiftyPointsAtLeast() {
        #expect(Set(Self.points).count >= 50)
    }

    @Test(arguments: points)
    func killedAtAPointTheNextRunCompletesTheWork(_ point: String) throws {
        try check(kills: [point])
    }

    /// The recovery of a killed run killed in turn, and the run after it completes both.
    @Test(arguments: [
        ["committed#1", "recovery-moved#1"], ["committed#1", "recovery-moved#6"], ["committed#2", "recovery-marked#3"],
        ["moved#3", "recovery-moved#2"], ["output#2", "earlier-journal#1"], ["moved#1", "recovery-marked#1"],
        ["stray-recorded#2", "recovery-moved#1"],
        ["committed#1", "locked#1"], ["read#4", "receipt#2"],
    ])
    func killedAgainWhileRecoveringTheRunAfterCompletesBoth(_ kills: [String]) throws {
        try check(kills: kills)
    }

    @Test func whatAKilledRunQuarantinedAndTookIsInItsJournalWrittenByTheNextRun() throws {
        let ws = try Self.night()
        #expect(try ws.run(environment: ["NASTAVNIK_CRASH_AT": "moved#3"]).signalled)
        #expect(try ws.run().status == 0)
        let journal = try ws.text("var/runs/\(ws.asOf)-run1.json")
        #expect(journal.contains("\"written_by_run\" : 2"))
        #expect(journal.contains("readme.txt") && journal.contains("папки «school-x» нет в config/schools.csv"))
        let files = (try JSONSerialization.jsonObject(with: Data(journal.utf8)) as? [String: Any])?["files"] as? [[String: Any]]
        #expect(files?.contains { $0["file"] as? String == "mentors.csv" } == true)
    }

    func check(kills: [String]) throws {
        let ws = try Self.night()
        let original = try ws.everyInput()
        for kill in kills {
            let killed = try ws.run(environment: ["NASTAVNIK_CRASH_AT": kill])
            #expect(killed.signalled && killed.status == SIGKILL, "\(kill) was not reached: \(killed.stderr)")
            #expect(try ws.everyInput() == original, "after the kill at \(kill) every input is in exactly one place")
        }
        let rerun = try ws.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try ws.everyInput() == original, "after the rerun every input is in exactly one place")
        #expect(ws.files(under: ws.inbox).isEmpty)
        let outcome = try Self.outcome(ws)
        #expect(outcome.registry == Self.undisturbed.registry)
        #expect(outcome.outputs.keys.sorted() == Self.undisturbed.outputs.keys.sorted())
        for (path, bytes) in outcome.outputs where Self.undisturbed.outputs[path] != bytes {
            Issue.record("\(kills): \(path) differs from the undisturbed run's")
        }
        #expect(outcome.journaled == Self.undisturbed.journaled, "\(kills): the journals' files")
        // A run killed before it is on record (taking the lock, finishing a dead run's moves) has no
        // record and no journal; every other is on record with its journal.
        let recorded = kills.filter { kill in !["locked", "recovery-moved", "recovery-marked"].contains { kill.hasPrefix($0 + "#") } }.count
        #expect(try ws.registry().runs().map(\.exitCode) == Array(repeating: 137, count: recorded) + [0])
        for run in 1...(recorded + 1) {
            let journal = try ws.text("var/runs/\(ws.asOf)-run\(run).json")
            #expect(journal.contains(run <= recorded ? "\"exit_code\" : 137" : "\"exit_code\" : 0"), "run \(run)'s journal")
        }
    }
}
