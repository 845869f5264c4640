import CommandTestSupport
import Domain
import Foundation
import Registry
import Testing

/// `validate` checks files exactly as `run` will (README, SPEC §8): the same judgement, whatever
/// the night holds.
struct OneJudgementTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2", c = "btarhany-sosh", d = "koshki-sosh"

    /// A night with invited mentors from another school, one СНИЛС spelt two ways at two schools, a
    /// rejected mentors file that programmes depend on, files with warnings only, and strict mode.
    func inbox(_ ws: Workspace) throws {
        let bad = "112-233-445 96"
        // A: its programmes invite B's mentor; its mentors list the СНИЛС B spells another way.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(a, "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")]))
        try ws.drop(a, "programs.csv", Files.programs([("1", Files.mentorC, Files.menteeA), ("2", Files.mentorA, Files.menteeB)]))
        // B: the invited mentor, and Андреева spelt «Андреев».
        try ws.drop(b, "наставники.csv", Files.mentors([(Files.mentorC, "Сорокина"), (Files.mentorA, "Андреев")]))
        try ws.drop(b, "profile.csv", Files.profile(b))
        // C: a rejected mentors file, and programmes that need its mentor.
        try ws.drop(c, "mentors.csv", Files.mentors([(Files.mentorB, "Белов"), (bad, "Ошибкин")]))
        try ws.drop(c, "mentees.csv", Files.mentees([(Files.menteeC, "Лаптева")]))
        try ws.drop(c, "programs.csv", Files.programs([("1", Files.mentorB, Files.menteeC)]))
        // D: clean files, and one with a warning only (an unknown column).
        try ws.drop(d, "profile.csv", Files.profile(d))
        try ws.drop(
            d, "mentors.csv",
            Files.csv([
                Files.mentorHeader + ["Лишний"],
                ["123-456-789 64", "Белов", "Иван", "", "", "Учитель", "Физика", "3", "первая", "", "нет", "x"],
            ]))
    }

    struct Verdict: Equatable, CustomStringConvertible {
        var school: String
        var file: String
        var verdict: String
        var findings: [Finding]
        var description: String { "\(school)/\(file): \(verdict) \(findings.map(\.message))" }
    }

    func validateAll(_ ws: Workspace) throws -> [Verdict] {
        struct Judged: Decodable {
            var file: String
            var school: String
            var verdict: String
            var findings: [Finding]
        }
        let files = ws.files(under: ws.inbox).map { ws.inbox.appendingPathComponent($0).path }
        let result = try CommandRunner.run(["validate"] + files + ["--config", ws.config.path, "--as-of", ws.asOf, "--format", "json"])
        #expect(result.status == 1, "some files are rejected: \(result.stderr)")
        return try JSONDecoder().decode([Judged].self, from: Data(result.stdout.utf8))
            .map { Verdict(school: $0.school, file: $0.file, verdict: $0.verdict, findings: $0.findings) }
    }

    @Test(arguments: [false, true])
    func validateAndRunGiveTheSameVerdictsAndFindings(strict: Bool) throws {
        let ws = try Workspace(settings: "min_file_age_seconds = 0\nstrict = \(strict)\n")
        try inbox(ws)
        let validated = try validateAll(ws)
        #expect(try ws.run().status == 0)
        let taken = try ws.registry().files(ofRun: 1).map {
            Verdict(school: $0.folder, file: $0.name, verdict: $0.verdict.rawValue, findings: Array($0.findings))
        }
        #expect(validated.count == 10)
        #expect(validated == taken)
        // The night holds what the test is about.
        let verdicts = Dictionary(uniqueKeysWithValues: taken.map { ("\($0.school)/\($0.file)", $0) })
        #expect(verdicts["\(c)/mentors.csv"]?.verdict == "отклонён")
        #expect(verdicts["\(c)/programs.csv"]?.findings.contains { $0.message.contains("«mentors.csv» (наставники) отклонён") } == true)
        #expect(verdicts["\(a)/mentors.csv"]?.findings.contains { $0.message.contains("записан на «Андреев Галина Петровна»") } == true)
        #expect(verdicts["\(b)/наставники.csv"]?.findings.contains { $0.message.contains("записан на «Андреева Галина Петровна»") } == true)
        #expect(verdicts["\(a)/programs.csv"]?.verdict == (strict ? "отклонён" : "принят"), "the invited mentor of B")
        #expect(verdicts["\(d)/mentors.csv"]?.verdict == (strict ? "отклонён" : "принят"))
    }

    @Test func twoSchoolsSendingOneSnilsSpeltTwoWaysBothGetTheWarning() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorA, "Андреев")]))
        #expect(try ws.run().status == 0)
        #expect(try ws.receiptText(a).contains("записан на «Андреев Галина Петровна», а здесь — «Андреева Галина Петровна»"))
        #expect(try ws.receiptText(b).contains("записан на «Андреева Галина Петровна», а здесь — «Андреев Галина Петровна»"))
    }

    @Test func aRunWhoseOutputsCannotBeWrittenExitsOneWithItsJournalAndIsRecordedSo() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        // A file where the outbox folder should be: no workbook can be written.
        try Data("not a folder".utf8).write(to: ws.outbox)
        let failed = try ws.run()
        #expect(failed.status == 1, "\(failed.stderr)")
        let journal = try ws.text("var/runs/\(ws.asOf)-run1.json")
        #expect(journal.contains("\"exit_code\" : 1"))
        #expect(journal.contains("mentors.csv"))
        try FileManager.default.removeItem(at: ws.outbox)
        #expect(try ws.run().status == 0)
        #expect(try ws.registry().runs().map(\.exitCode) == [1, 0])
    }
}
