import Foundation

/// The curators' page under load from a second process: `wrk` (Debian's), against the release
/// `nastavnik serve` on a fresh installation of the demo district's schools, signed in by access
/// code as a school's script is. Scenarios: `GET /` and uploads of a typical school file (15 mentors,
/// about 1.3 KB, under one name, judged with the files waiting) at 20 and 200 connections; then the
/// same at 200 with 1,000 idle connections held open by this process. For each: p50, p95, p99,
/// requests a second, errors (connect, read, write, timeout, non-2xx), and the server's CPU time per
/// request (from /proc). With `--vs BINARY` the other build runs the same scenarios, the two
/// alternately, `runs` times; medians of the runs are printed side by side with their ratio.
enum ServeBench {
    struct Scenario {
        var name: String
        var upload: Bool
        var connections: Int
        var idle: Int
    }

    static let scenarios = [
        Scenario(name: "GET /, 20 connections", upload: false, connections: 20, idle: 0),
        Scenario(name: "GET /, 200 connections", upload: false, connections: 200, idle: 0),
        Scenario(name: "upload, 20 connections", upload: true, connections: 20, idle: 0),
        Scenario(name: "upload, 200 connections", upload: true, connections: 200, idle: 0),
        Scenario(name: "GET /, 200 + 1,000 idle", upload: false, connections: 200, idle: 1000),
        Scenario(name: "upload, 200 + 1,000 idle", upload: true, connections: 200, idle: 1000),
    ]

    /// One wrk run as its script reports it.
    struct Measured {
        var p50 = 0.0
        var p95 = 0.0
        var p99 = 0.0
        var perSecond = 0.0
        var requests = 0
        var errors = 0
        /// The server's CPU milliseconds per request.
        var cpuPerRequest = 0.0
    }

    static func run(seconds: Int, runs: Int, versus: String?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            print("wrk is missing: scripts/setup.sh wrk installs it")
            exit(2)
        }
        var limit = rlimit(rlim_cur: 8192, rlim_max: 8192)
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < 4096 {
            limit.rlim_cur = min(max(limit.rlim_max, 4096), 8192)
            limit.rlim_max = max(limit.rlim_max, limit.rlim_cur)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let binaries = [here + "/.build/release/nastavnik"] + (versus.map { [$0] } ?? [])
        print("wrk -t 1, \(seconds) s a scenario, \(runs) runs, builds alternately: \(binaries.joined(separator: " vs "))")
        var results: [[[Measured]]] = binaries.map { _ in scenarios.map { _ in [] } }
        for run in 0..<runs {
            for (b, binary) in binaries.enumerated() {
                let measured = measure(binary: binary, config: here + "/config", seconds: seconds)
                for (s, m) in measured.enumerated() {
                    results[b][s].append(m)
                    print(
                        String(
                            format: "run %d %@ %@: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f req/s, %d errors, %.2f ms CPU/req", run + 1,
                            b == 0 ? "this" : "other", scenarios[s].name, m.p50, m.p95, m.p99, m.perSecond, m.errors, m.cpuPerRequest))
                }
            }
        }
        print("\nmedians of \(runs) runs")
        print("| scenario | build | p50 ms | p95 ms | p99 ms | req/s | errors | CPU ms/req |")
        print("|---|---|---|---|---|---|---|---|")
        for (s, scenario) in scenarios.enumerated() {
            for (b, side) in results.enumerated() {
                let m = median(side[s])
                print(
                    String(
                        format: "| %@ | %@ | %.1f | %.1f | %.1f | %.0f | %d | %.2f |", scenario.name, b == 0 ? "this" : "other", m.p50,
                        m.p95,
                        m.p99, m.perSecond, m.errors, m.cpuPerRequest))
            }
        }
    }

    /// Every scenario against one build, on a fresh installation.
    static func measure(binary: String, config: String, seconds: Int) -> [Measured] {
        let root = NSTemporaryDirectory() + "nastavnik-bench-serve-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try! FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        for name in ["schools.csv", "roadmap.csv"] {
            try! FileManager.default.copyItem(atPath: config + "/" + name, toPath: root + "/config/" + name)
        }
        try! "min_file_age_seconds = 0\n".write(toFile: root + "/config/nastavnik.toml", atomically: true, encoding: .utf8)
        let school = "tetyushi-sosh1"
        let code = String(shell([binary, "access", "issue", school, "--config", root + "/config"]).split(separator: "\n").last!)
        try! MentorsFile.text(rows: 15).write(toFile: root + "/mentors.csv", atomically: true, encoding: .utf8)
        let script = root + "/wrk.lua"
        try! wrkScript.write(toFile: script, atomically: true, encoding: .utf8)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--config", root + "/config", "--listen", "127.0.0.1:0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try! server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { fatalError("nastavnik serve ended before it listened") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let base = String(text[text.range(of: #"http://[0-9.]+:\d+"#, options: .regularExpression)!])
        let port = UInt16(base.split(separator: ":").last!)!

        return scenarios.map { scenario in
            let idle = (0..<scenario.idle).compactMap { _ in connect(port) }
            defer { for fd in idle { close(fd) } }
            usleep(200_000)
            let cpu = cpuSeconds(server.processIdentifier)
            let url = scenario.upload ? "\(base)/api/v1/schools/\(school)/files?name=mentors.csv" : base + "/"
            let environment = ["UPLOAD": scenario.upload ? root + "/mentors.csv" : "", "CODE": code]
            let report = shell(
                ["wrk", "-t", "1", "-c", "\(scenario.connections)", "-d", "\(seconds)s", "--timeout", "10s", "-s", script, url],
                environment: environment)
            var measured = parse(report)
            measured.cpuPerRequest =
                measured.requests > 0 ? (cpuSeconds(server.processIdentifier) - cpu) * 1000 / Double(measured.requests) : 0
            return measured
        }
    }

    /// Posts the file of `UPLOAD` with the code of `CODE` (or gets the page); reports in one line.
    static let wrkScript = """
        local upload = os.getenv("UPLOAD")
        if upload ~= nil and upload ~= "" then
          local file = io.open(upload, "rb")
          wrk.method = "POST"
          wrk.body = file:read("*a")
          file:close()
          wrk.headers["Authorization"] = "Bearer " .. os.getenv("CODE")
          wrk.headers["Content-Type"] = "text/csv"
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(95), latency:percentile(99),
            summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status))
        end

        """

    static func parse(_ report: String) -> Measured {
        guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("RESULT ") }) else {
            print(report)
            return Measured(errors: -1)
        }
        let v = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        return Measured(
            p50: v[0] / 1000, p95: v[1] / 1000, p99: v[2] / 1000, perSecond: v[3] / (v[4] / 1_000_000), requests: Int(v[3]),
            errors: Int(v[5]))
    }

    static func median(_ runs: [Measured]) -> Measured {
        func mid(_ value: (Measured) -> Double) -> Double { ScaleBench.mid(runs.map(value)) }
        return Measured(
            p50: mid { $0.p50 }, p95: mid { $0.p95 }, p99: mid { $0.p99 }, perSecond: mid { $0.perSecond },
            requests: Int(mid { Double($0.requests) }),
            errors: Int(mid { Double($0.errors) }), cpuPerRequest: mid { $0.cpuPerRequest })
    }

    /// User and system time of a process so far.
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") else {
            return 0
        }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        // After the name: state is field 3; utime and stime are fields 14 and 15.
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// A connection that sends nothing.
    static func connect(_ port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            if fd >= 0 { close(fd) }
            return nil
        }
        return fd
    }

    static func shell(_ arguments: [String], environment: [String: String] = [:]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        process.standardOutput = output
        try! process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
