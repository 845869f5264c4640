import CommandTestSupport
import Foundation
import Testing

/// The scheduling units and the install script, checked as an administrator would use them.
struct DeployTests {
    static let deploy = CommandRunner.root.appendingPathComponent("deploy")

    /// Units with the paths of a scratch installation (systemd checks that ExecStart exists).
    private func units(prefix: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        for folder in ["inbox", "outbox", "var"] {
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: CommandRunner.binary, to: prefix.appendingPathComponent("bin/nastavnik"))
        var paths: [String] = []
        for name in ["nastavnik.service", "nastavnik.timer", "nastavnik-serve.service"] {
            let text = try String(contentsOf: Self.deploy.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "/opt/nastavnik", with: prefix.path)
                .replacingOccurrences(of: "User=nastavnik", with: "User=root").replacingOccurrences(
                    of: "Group=nastavnik", with: "Group=root")
            let path = prefix.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return paths
    }

    private func verify(_ paths: [String]) throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify"] + paths
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CommandRunner.Result(status: process.terminationStatus, stdout: "", stderr: stderr)
    }

    @Test func systemdAcceptsTheUnits() throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"), "systemd-analyze is needed for this check")
        let prefix = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-units-\(UUID().uuidString)")
        let paths = try units(prefix: prefix)
        let result = try verify(paths)
        #expect(result.status == 0, "\(result.stderr)")
        let timer = try String(contentsOfFile: paths[1], encoding: .utf8)
        #expect(timer.contains("Persistent=true"))
        // The check can fail: a timer it cannot read is refused.
        try timer.replacingOccurrences(of: "OnCalendar=*-*-* 02:30:00", with: "OnCalendar=каждую ночь").write(
            toFile: paths[1], atomically: true, encoding: .utf8)
        #expect(try verify(paths).status != 0)
    }

    @Test func cronLineRunsTheJobNightly() throws {
        let cron = try String(contentsOf: Self.deploy.appendingPathComponent("nastavnik.cron"), encoding: .utf8)
        let line = try #require(cron.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.contains("=") })
        let fields = line.split(separator: " ")
        #expect(fields.count > 6 && fields[5] == "nastavnik", "minute hour day month weekday user command")
        #expect(line.contains("bin/nastavnik run --config config"))
    }

    @Test func installPutsEverythingInPlace() throws {
        let destination = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: destination.appendingPathComponent("etc/systemd/system"), withIntermediateDirectories: true)
        let built = CommandRunner.binary.deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CommandRunner.root.appendingPathComponent("scripts/install.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DESTDIR": destination.path, "PREFIX": "/srv/nastavnik", "NASTAVNIK_BINARY": built.appendingPathComponent("nastavnik").path]) {
                $1
            }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let prefix = destination.appendingPathComponent("srv/nastavnik")
        for path in [
            "bin/nastavnik", "config/nastavnik.toml", "config/schools.csv", "config/roadmap.csv", "inbox/tetyushi-sosh1", "inbox/district",
            "outbox", "var",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path)")
        }
        let service = try String(contentsOf: destination.appendingPathComponent("etc/systemd/system/nastavnik.service"), encoding: .utf8)
        #expect(service.contains("ExecStart=/srv/nastavnik/bin/nastavnik run --config /srv/nastavnik/config"))
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("etc/systemd/system/nastavnik.timer").path))
        let server = try String(
            contentsOf: destination.appendingPathComponent("etc/systemd/system/nastavnik-serve.service"), encoding: .utf8)
        #expect(server.contains("ExecStart=/srv/nastavnik/bin/nastavnik serve --config /srv/nastavnik/config --listen 127.0.0.1:8080"))
        #expect(server.contains("\nLimitNOFILE=65536\n"), "connections are capped below the unit's limit of open files")
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("deploy/nginx-nastavnik.conf").path))
    }
}
