import CommandTestSupport
import Foundation
import Testing

/// SECURITY.md's promises about who may read what, after a night.
struct PermissionTests {
    func mode(_ url: URL) -> mode_t {
        var info = stat()
        lstat(url.path, &info)
        return info.st_mode & 0o777
    }

    @Test func theRegistryAndFullWorkbooksAreTheDistrictsThePublicFolderIsEveryones() throws {
        let ws = try Workspace()
        try ws.drop("tetyushi-sosh1", "profile.csv", Files.profile("tetyushi-sosh1"))
        try ws.drop("tetyushi-sosh1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        let day = ws.asOf
        #expect(mode(ws.state) == 0o750)
        #expect(mode(ws.state.appendingPathComponent("registry.sqlite")) == 0o640)
        #expect(mode(ws.state.appendingPathComponent("runs")) == 0o750)
        #expect(mode(ws.state.appendingPathComponent("runs/\(day)-run1.json")) == 0o640)
        #expect(mode(ws.state.appendingPathComponent("archive/tetyushi-sosh1")) == 0o750)
        #expect(mode(ws.state.appendingPathComponent("archive/tetyushi-sosh1/\(day)_mentors.csv")) == 0o640)
        #expect(mode(ws.outbox) == 0o711, "others may pass through to the public folder, not list or read")
        for name in ["registry", "statform", "monitoring"] {
            #expect(mode(ws.outbox.appendingPathComponent("\(name)-\(day).xlsx")) == 0o640, "\(name)")
        }
        #expect(mode(ws.outbox.appendingPathComponent("schools/tetyushi-sosh1")) == 0o750)
        #expect(mode(ws.outbox.appendingPathComponent("schools/tetyushi-sosh1/receipt-\(day).xlsx")) == 0o640)
        #expect(mode(ws.outbox.appendingPathComponent("public")) == 0o755)
        #expect(mode(ws.outbox.appendingPathComponent("public/tetyushi-sosh1")) == 0o755)
        #expect(mode(ws.outbox.appendingPathComponent("public/tetyushi-sosh1/nastavnichestvo-\(day).xlsx")) == 0o644)
    }

    @Test func theShippedBinaryCannotBeToldToKillItself() throws {
        let ws = try Workspace()
        try ws.drop("tetyushi-sosh1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["run", "--config", ws.config.path, "--as-of", ws.asOf, "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "NASTAVNIK_CRASH_AT": "locked#1", "NASTAVNIK_PAUSE_AT": "locked",
        ]) { $1 }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(try ws.registry().currentCounts()["tetyushi-sosh1"]?[.mentors] == 1)
    }
}
