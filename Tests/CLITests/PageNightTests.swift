import CommandTestSupport
import Foundation
import Testing

/// A school's page is dated the night its content last changed: a quiet night keeps it, a night
/// that changes what it shows writes it anew.
struct PageNightTests {
    let school = "tetyushi-sosh1"

    @Test func aQuietNightKeepsThePageAndANewListRewritesIt() throws {
        let ws = try Workspace(asOf: "2026-03-01")
        try ws.drop(school, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        let page = ws.outbox.appendingPathComponent("public/\(school)/index.html")
        let first = try String(contentsOf: page, encoding: .utf8)
        #expect(first.contains("Сведения на 01.03.2026"))

        let quiet = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-02"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8) == first, "nothing it shows changed: the page of the 1st stands")
        #expect(try String(contentsOf: ws.outbox.appendingPathComponent("index.html"), encoding: .utf8).contains("Сведения на 02.03.2026"))

        try ws.drop(school, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белова")]))
        let changed = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-03"])
        #expect(changed.status == 0, "\(changed.stderr)")
        let third = try String(contentsOf: page, encoding: .utf8)
        #expect(third.contains("Сведения на 03.03.2026") && third.contains("Белова Галина Петровна"))
    }
}
