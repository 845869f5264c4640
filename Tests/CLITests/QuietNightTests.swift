import CommandTestSupport
import Foundation
import Testing

/// A night with nothing new rewrites only what depends on the date; a school's public extract is
/// rewritten when that school's public content changes, and the registry workbook when the
/// registry does (README, «Which files are written when»).
struct QuietNightTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    func modified(_ url: URL) -> Date? { try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date }

    @Test func onlyWhatChangedIsWrittenAgain() throws {
        let ws = try Workspace(asOf: "2026-03-01")
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorB, "Белов")]))
        #expect(try ws.run().status == 0)
        let extractA = ws.outbox.appendingPathComponent("public/\(a)/nastavnichestvo-2026-03-01.xlsx")
        let extractB = ws.outbox.appendingPathComponent("public/\(b)/nastavnichestvo-2026-03-01.xlsx")
        let firstA = try #require(modified(extractA))
        usleep(20_000)

        // A quiet night: the district's workbooks for the new date, the extracts left as they were.
        let quiet = try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-02"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        for name in ["registry", "statform", "monitoring"] {
            #expect(FileManager.default.fileExists(atPath: ws.outbox.appendingPathComponent("\(name)-2026-03-02.xlsx").path), "\(name)")
        }
        let registry1 = try Data(contentsOf: ws.outbox.appendingPathComponent("registry-2026-03-01.xlsx"))
        #expect(
            try Data(contentsOf: ws.outbox.appendingPathComponent("registry-2026-03-02.xlsx")) == registry1,
            "the same registry, the same bytes")
        #expect(modified(extractA) == firstA, "an unchanged extract is not rewritten")
        #expect(
            !FileManager.default.fileExists(atPath: ws.outbox.appendingPathComponent("public/\(a)/nastavnichestvo-2026-03-02.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: ws.outbox.appendingPathComponent("schools/\(a)/receipt-2026-03-02.xlsx").path))

        // School A changes its mentors: its extract is written anew (and the old one removed), B's stays.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorC, "Сорокина")]))
        #expect(try CommandRunner.run(["run", "--config", ws.config.path, "--as-of", "2026-03-03"]).status == 0)
        #expect(
            FileManager.default.fileExists(atPath: ws.outbox.appendingPathComponent("public/\(a)/nastavnichestvo-2026-03-03.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: extractA.path))
        #expect(FileManager.default.fileExists(atPath: extractB.path))
        let registry3 = try Data(contentsOf: ws.outbox.appendingPathComponent("registry-2026-03-03.xlsx"))
        #expect(registry3 != registry1)
    }
}
