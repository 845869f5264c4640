import Foundation

/// Runs the built `nastavnik` binary in a scratch folder, as a curator or an administrator would.
public struct CommandRunner {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Set when the process ended by a signal (`status` is then the signal number).
        public var signalled = false
        public var peakKilobytes: Int?

        public init(status: Int32, stdout: String, stderr: String, signalled: Bool = false, peakKilobytes: Int? = nil) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.signalled = signalled
            self.peakKilobytes = peakKilobytes
        }
    }

    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped binary next to the test bundle (`.build/<config>/nastavnik`), or the one named
    /// by `NASTAVNIK_BINARY_UNDER_TEST` (to show that a test fails on an earlier build).
    public static var binary: URL {
        ProcessInfo.processInfo.environment["NASTAVNIK_BINARY_UNDER_TEST"].map(URL.init(fileURLWithPath:)) ?? built("nastavnik")
    }

    /// The crash tests' build of the same command line, with fault points (Tests/FaultInjection).
    public static var faultyBinary: URL { built("nastavnik-faults") }

    public static func built(_ name: String) -> URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/\(name)")
    }

    /// Runs the shipped binary; with a fault plan in `environment` (`NASTAVNIK_CRASH_AT`,
    /// `NASTAVNIK_PAUSE_AT`), the crash tests' build.
    /// `asUser`: run as that user id (when the tests run as root), for what only a user without
    /// root's rights sees: a file it may not read. `measured`: the run's peak memory comes back in
    /// `peakKilobytes` (by /usr/bin/time).
    @discardableResult
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], asUser: uid_t? = nil, measured: Bool = false
    ) throws -> Result {
        let faulty = environment.keys.contains { $0.hasPrefix("NASTAVNIK_CRASH") || $0.hasPrefix("NASTAVNIK_PAUSE") }
        let executable = faulty ? faultyBinary : binary
        var command = [executable.path] + arguments
        if let asUser, getuid() == 0 {
            command = ["/usr/bin/setpriv", "--reuid=\(asUser)", "--regid=\(asUser)", "--clear-groups", "--"] + command
        }
        let memory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-rss-\(UUID().uuidString)")
        if measured { command = ["/usr/bin/time", "-f", "%M", "-o", memory.path] + command }
        var result = try exec(command, in: directory, environment: environment)
        if measured {
            let text = (try? String(contentsOf: memory, encoding: .utf8)) ?? ""
            result.peakKilobytes = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            try? FileManager.default.removeItem(at: memory)
        }
        return result
    }

    /// Runs any program (`command[0]`, a path) and waits for it.
    public static func exec(_ command: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory ?? root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes drained at once: a child that fills one while the other is read would wait forever.
        let errors = ErrorOutput(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    /// A scratch folder holding the given files.
    public static func scratch(_ files: [String: [UInt8]]) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-cli-\(UUID().uuidString)")
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return dir
    }
}

/// A child's standard error, read on a thread of its own while its standard output is read.
public final class ErrorOutput: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    public func wait() -> Data {
        done.wait()
        return data
    }
}
