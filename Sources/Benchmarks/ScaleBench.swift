import Foundation

/// `nastavnik-bench scale`: the whole nightly job, run as the administrator runs it (the release
/// binary, a fresh process per night), at the scale of a district, a region and the country, with
/// the shared plain-Python baseline on a fresh copy of the same inbox in the same session.
///
/// For each size: inboxes from ../shared/bench/gen_scale.py (generated once into the temp folder);
/// the first night; a quiet night (no new files); a typical night (one school in twenty sends one
/// changed file); then the baseline's first night. With `--staff` the nights' inbox has a staff list
/// per school (scripts/bench-staff.py); the baseline, which knows no such list, keeps the generator's. `--vs BINARY` runs another build's nights
/// alternately with these, on copies of the same inbox. Wall, CPU, peak RSS (by
/// /usr/bin/time) and the stages from the run's journal; medians of `--runs`.
enum ScaleBench {
    struct Measure {
        var wall = 0.0
        var user = 0.0
        var system = 0.0
        var peakMB = 0.0
        var stages: [String: Double] = [:]
    }

    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench").path
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nastavnik").path
    /// `NASTAVNIK_BENCH_DIR`, else the temporary folder: a file system whose folder creation is
    /// not slowed by a crowded parent (a /tmp full of test leftovers costs ten times as much).
    static let scratch = (ProcessInfo.processInfo.environment["NASTAVNIK_BENCH_DIR"] ?? NSTemporaryDirectory()) + "/nastavnik-scale"

    static func run(_ options: Options) {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("build the release binary first: swift build -c release --product nastavnik")
            exit(2)
        }
        print("machine: \(machine()); date: \(today()); runs per figure: \(options.runs) (medians)")
        // The binaries measured side by side, alternating night by night: this build, and
        // `--vs` another (an earlier commit's release binary).
        var binaries = [("nastavnik", binary)]
        if let other = options.versus { binaries.append(("vs", other)) }
        for (label, path) in binaries { print("\(label): \(path)") }
        for schools in options.sizes {
            let inbox = options.staff ? withStaff(schools) : generated(schools)
            var nights: [String: [String: [Measure]]] = [:]
            var baseline: [Measure] = []
            for _ in 0..<options.runs {
                for (label, path) in binaries {
                    let work = scratch + "/work-\(label)-\(schools)"
                    copy(inbox, to: work)
                    nights[label, default: [:]]["first", default: []].append(night(path, work, asOf: "2023-03-20"))
                    nights[label, default: [:]]["quiet", default: []].append(night(path, work, asOf: "2023-03-21"))
                    typical(from: inbox, to: work, share: 20)
                    nights[label, default: [:]]["typical", default: []].append(night(path, work, asOf: "2023-03-22"))
                }
                if !options.skipBaseline {
                    let base = scratch + "/base-\(schools)"
                    copy(generated(schools), to: base)
                    baseline.append(
                        measure(["python3", shared + "/ref_pipeline.py", "run", "--config", "config", "--as-of", "2023-03-20"], in: base))
                }
            }
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: inbox + "/inbox"))?.filter { $0.hasSuffix(".csv") }.count ?? 0
            print("\n## \(schools) schools, \(files) files")
            for (label, _) in binaries {
                for name in ["first", "quiet", "typical"] {
                    let m = median(nights[label]?[name] ?? [])
                    print(
                        String(
                            format: "%@ %@ night: wall %.2f s, user %.2f s, system %.2f s, peak RSS %.0f MB, %.2f ms per school", label,
                            name,
                            m.wall, m.user, m.system, m.peakMB, m.wall / Double(schools) * 1000))
                    print(
                        "  stages: "
                            + m.stages.sorted { $0.key < $1.key }.map { String(format: "%@ %.2f", $0.key, $0.value) }.joined(
                                separator: ", "))
                }
            }
            if binaries.count == 2 {
                for name in ["first", "quiet", "typical"] {
                    let ratios = zip(nights["vs"]?[name] ?? [], nights["nastavnik"]?[name] ?? []).map { $0.wall / $1.wall }
                    print(String(format: "%@ night: vs / nastavnik = %.2f× (median of the pairs)", name, mid(ratios)))
                }
            }
            if !baseline.isEmpty {
                let b = median(baseline)
                let ratios = zip(baseline, nights["nastavnik"]?["first"] ?? []).map { $0.wall / $1.wall }
                print(
                    String(
                        format:
                            "baseline (Python) first night: wall %.2f s, peak RSS %.0f MB; nastavnik is %.2f× faster (median of the pairs)",
                        b.wall, b.peakMB, mid(ratios)))
            }
        }
    }

    /// The shared generator's inbox for `schools`, made once; every file older than
    /// `min_file_age_seconds`.
    static func generated(_ schools: Int) -> String {
        let out = scratch + "/inbox-\(schools)"
        if !FileManager.default.fileExists(atPath: out + "/config/schools.csv") {
            try? FileManager.default.removeItem(atPath: out)
            shell(["python3", shared + "/gen_scale.py", "--schools", "\(schools)", "--seed", "1", "--out", out])
            shell(["find", out + "/inbox", "-type", "f", "-exec", "touch", "-d", "2023-03-19 21:00", "{}", "+"])
        }
        return out
    }

    /// The generator's inbox with a staff list per school, made once.
    static func withStaff(_ schools: Int) -> String {
        let out = scratch + "/inbox-\(schools)-staff"
        if !FileManager.default.fileExists(atPath: out + "/config/schools.csv") {
            copy(generated(schools), to: out)
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/bench-staff.py").path
            shell(["python3", script, shared, out])
            shell(["find", out + "/inbox", "-type", "f", "-exec", "touch", "-d", "2023-03-19 21:00", "{}", "+"])
        }
        return out
    }

    static func copy(_ from: String, to: String) {
        try? FileManager.default.removeItem(atPath: to)
        shell(["cp", "-a", from, to])
    }

    /// A typical night: every `share`-th school sends one changed file (its mentors, a blank line
    /// added: a new file, the same rows).
    static func typical(from inbox: String, to work: String, share: Int) {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: inbox + "/inbox")) ?? []).sorted()
        for (i, folder) in folders.enumerated() where i % share == 0 {
            let source = inbox + "/inbox/" + folder
            let target = work + "/inbox/" + folder
            try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            guard
                let name = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).sorted().first(where: {
                    $0.hasPrefix("mentors") || $0.hasPrefix("наставники")
                }),
                var bytes = FileManager.default.contents(atPath: source + "/" + name)
            else { continue }
            bytes.append(contentsOf: [0x0D, 0x0A])
            _ = FileManager.default.createFile(atPath: target + "/" + name, contents: bytes)
        }
        shell(["find", work + "/inbox", "-type", "f", "-exec", "touch", "-d", "2023-03-19 21:00", "{}", "+"])
    }

    static func night(_ binary: String, _ work: String, asOf: String) -> Measure {
        var m = measure([binary, "run", "--config", work + "/config", "--as-of", asOf, "--quiet"], in: work)
        let runs = ((try? FileManager.default.contentsOfDirectory(atPath: work + "/var/runs")) ?? []).filter { $0.hasPrefix(asOf) }.sorted()
        if let last = runs.last, let data = FileManager.default.contents(atPath: work + "/var/runs/" + last),
            let journal = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let timings = journal["timings"] as? [String: Double]
        {
            m.stages = timings
        }
        return m
    }

    /// Runs a command under /usr/bin/time -v: wall, user + system time, peak RSS.
    static func measure(_ command: [String], in directory: String) -> Measure {
        let report = scratch + "/time-\(UUID().uuidString)"
        shell(["/usr/bin/time", "-v", "-o", report] + command, in: directory, quiet: true)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: report)
        func value(_ label: String) -> String? {
            text.split(separator: "\n").first { $0.contains(label) }.map {
                String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        var m = Measure()
        m.user = Double(value("User time (seconds)") ?? "0") ?? 0
        m.system = Double(value("System time (seconds)") ?? "0") ?? 0
        m.peakMB = (Double(value("Maximum resident set size (kbytes)") ?? "0") ?? 0) / 1024
        // «Elapsed (wall clock) time (h:mm:ss or m:ss): 0:29.29»
        if let elapsed = text.split(separator: "\n").first(where: { $0.contains("Elapsed (wall clock)") })?.split(separator: " ").last {
            m.wall = elapsed.split(separator: ":").reduce(0.0) { $0 * 60 + (Double($1) ?? 0) }
        }
        return m
    }

    static func median(_ measures: [Measure]) -> Measure {
        guard !measures.isEmpty else { return Measure() }
        var m = Measure(
            wall: mid(measures.map(\.wall)), user: mid(measures.map(\.user)), system: mid(measures.map(\.system)),
            peakMB: mid(measures.map(\.peakMB)))
        for key in Set(measures.flatMap(\.stages.keys)) { m.stages[key] = mid(measures.map { $0.stages[key] ?? 0 }) }
        return m
    }

    static func mid(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    @discardableResult
    static func shell(_ command: [String], in directory: String? = nil, quiet: Bool = false) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try? process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":")[1]).trimmingCharacters(in: .whitespaces) } ?? "?"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }

    static func today() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
