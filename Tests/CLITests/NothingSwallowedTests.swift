import CommandTestSupport
import Foundation
import Testing

/// Failures that once passed without a word: each is now a problem of the run (exit code 1, a
/// line in the log and the journal) or a clear refusal. Each test failed on the code before.
struct NothingSwallowedTests {
    let a = "tetyushi-sosh1"

    /// Runs SQL on the registry (Python's sqlite3: the test's own hands, not the program's).
    func sql(_ ws: Workspace, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
            ws.state.appendingPathComponent("registry.sqlite").path, statement,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func validateRefusesARegistryThatDoesNotOpen() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try FileManager.default.createDirectory(at: ws.state, withIntermediateDirectories: true)
        try Data("это не база данных SQLite, а обрывок файла".utf8).write(to: ws.state.appendingPathComponent("registry.sqlite"))
        let file = ws.inbox.appendingPathComponent("\(a)/mentors.csv").path
        let result = try CommandRunner.run(["validate", file, "--config", ws.config.path, "--as-of", ws.asOf])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("не читается"))
        #expect(!result.stdout.contains("Итог: принят"))
    }

    @Test func aPastHalfYearsFiguresNotKeptAreAProblemOfTheRun() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        try sql(ws, "CREATE TRIGGER refuse BEFORE INSERT ON figures_cache BEGIN SELECT RAISE(ABORT, 'диск полон'); END;")
        // A night in the next half-year works out 2026-H1 and cannot keep it.
        let result = try ws.run(["--as-of", "2026-08-03"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("показатели полугодия 2026-H1 не сохранены"))
        #expect(try ws.text("var/runs/2026-08-03-run2.json").contains("показатели полугодия 2026-H1 не сохранены"))
        // Every output is still written.
        #expect(FileManager.default.fileExists(atPath: ws.outbox.appendingPathComponent("monitoring-2026-08-03.xlsx").path))
    }

    @Test func aSupersededExtractThatCannotBeRemovedIsAProblemOfTheRun() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        let first = ws.outbox.appendingPathComponent("public/\(a)/nastavnichestvo-\(ws.asOf).xlsx")
        #expect(FileManager.default.fileExists(atPath: first.path))
        // Something put a folder where the extract was: it cannot be unlinked.
        try FileManager.default.removeItem(at: first)
        try FileManager.default.createDirectory(at: first.appendingPathComponent("кто-то"), withIntermediateDirectories: true)
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorC, "Сорокина")]))
        let result = try ws.run(["--as-of", "2026-03-02"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("не удалось удалить прежнюю выгрузку"))
    }
}
