import CommandTestSupport
import Foundation
import Registry
import Testing

/// A small tmpfs mounted where the run writes: full, or read-only. Needs root (and a kernel that
/// lets it mount); the tests are skipped with that reason elsewhere.
struct SmallDisk {
    let path: String

    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "nastavnik-mount-probe-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard mount(probe, options: "size=64k") else { return false }
        _ = shell("/bin/umount", [probe])
        return true
    }()

    init?(at path: String, options: String) {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.mount(path, options: options) else { return nil }
        self.path = path
    }

    func remount(_ options: String) { _ = Self.shell("/bin/mount", ["-o", "remount," + options, path]) }
    func unmount() { _ = Self.shell("/bin/umount", ["-l", path]) }

    static func mount(_ path: String, options: String) -> Bool { shell("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]) }

    static func shell(_ command: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

@Suite(.enabled(if: SmallDisk.available, "needs root and tmpfs mounts"), .serialized)
struct ResourceFaultTests {
    func night(settings: String = "min_file_age_seconds = 0\n") throws -> Workspace {
        let ws = try Workspace(settings: settings)
        try ws.drop("tetyushi-sosh1", "profile.csv", Files.profile("tetyushi-sosh1"))
        try ws.drop("tetyushi-sosh1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        try ws.drop("tetyushi-sosh2", "mentors.csv", Files.mentors([(Files.mentorC, "Сорокина"), ("bad", "Ошибкин")]))
        return ws
    }

    func reference() throws -> String {
        let ws = try night()
        #expect(try ws.run().status == 0)
        return try ws.registry().contentDump()
    }

    @Test(arguments: ["size=16k", "size=1m,ro"])
    func anOutboxFullOrReadOnlyFailsTheRunNotTheData(_ options: String) throws {
        let ws = try night()
        let original = try ws.everyInput()
        let disk = try #require(SmallDisk(at: ws.outbox.path, options: options))
        defer { disk.unmount() }
        let failed = try ws.run()
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(try ws.everyInput() == original)
        #expect(ws.files(under: ws.inbox).isEmpty, "the files were judged and put away")
        #expect(try ws.text("var/runs/\(ws.asOf)-run1.json").contains("\"exit_code\" : 1"))
        disk.remount("size=10m,rw")
        let rerun = try ws.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try ws.registry().runs().map(\.exitCode) == [1, 0])
        #expect(try ws.registry().contentDump() == reference())
        // The first run's files get their receipts from the second.
        #expect(try ws.receiptText("tetyushi-sosh1").contains("mentors.csv | Наставники | принят"))
        #expect(try ws.receiptText("tetyushi-sosh2").contains("mentors.csv | Наставники | отклонён"))
    }

    @Test func aStateFolderThatFillsUpLeavesEachFileWholeOrUntouched() throws {
        let ws = try night()
        // A large mentors file that the registry has no room for.
        try ws.drop(
            "btarhany-sosh", "mentors.csv",
            Files.mentors(
                (0..<20_000).map { _ in (Files.mentorC, "Сорокина") }.enumerated().map { i, p in
                    (i == 0 ? p.0 : String(format: "%03d-%03d-%03d %02d", 100 + i / 1000, i % 1000, 999, 0), p.1)
                }))
        let original = try ws.everyInput()
        let disk = try #require(SmallDisk(at: ws.state.path, options: "size=400k"))
        defer { disk.unmount() }
        let failed = try ws.run()
        #expect(failed.status != 0)
        #expect(try ws.everyInput() == original, "every file is in exactly one place")
        disk.remount("size=200m")
        let rerun = try ws.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(try ws.registry().currentCounts()["tetyushi-sosh1"]?[.mentors] == 2)
    }
}
