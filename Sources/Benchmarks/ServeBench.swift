import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The curators' page under load: the release binary `nastavnik serve` on a fresh installation
/// (the demo district's schools), signed in once as a school; `uploads` typical school files
/// (15 mentors) sent at once, every answer checked and every file placed; then `samples` uploads
/// of a 1,000-row file one after the other. Prints p50 and p95 of each.
enum ServeBench {
    static func run(uploads: Int, samples: Int) {
        let root = NSTemporaryDirectory() + "nastavnik-bench-serve-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let binary = here + "/.build/release/nastavnik"
        try! FileManager.default.createDirectory(atPath: root + "/config", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
        for name in ["schools.csv", "roadmap.csv"] {
            try! FileManager.default.copyItem(atPath: here + "/config/" + name, toPath: root + "/config/" + name)
        }
        try! "min_file_age_seconds = 0\n".write(toFile: root + "/config/nastavnik.toml", atomically: true, encoding: .utf8)
        let school = "tetyushi-sosh1"
        let code = String(shell([binary, "access", "issue", school, "--config", root + "/config"]).split(separator: "\n").last!)

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
        while !line.contains(0x0A) { line.append(output.fileHandleForReading.availableData) }
        let text = String(decoding: line, as: UTF8.self)
        let base = String(text[text.range(of: #"http://[0-9.]+:\d+"#, options: .regularExpression)!])

        // Signed in once, as the page is.
        let (login, csrf) = signIn(base: base, school: school, code: code)
        let session = URLSession(configuration: .ephemeral)
        @Sendable func upload(_ name: String, _ body: Data) async -> (seconds: Double, ok: Bool) {
            var request = URLRequest(url: URL(string: "\(base)/api/v1/schools/\(school)/files?name=\(name)")!)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue(login, forHTTPHeaderField: "Cookie")
            request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token")
            let start = DispatchTime.now().uptimeNanoseconds
            let answer = try? await session.data(for: request)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let ok =
                (answer?.1 as? HTTPURLResponse)?.statusCode == 200
                && String(decoding: answer?.0 ?? Data(), as: UTF8.self).contains("\"verdict\"")
            return (seconds, ok)
        }
        let typical = Data(MentorsFile.text(rows: 15).utf8)
        let concurrent = blocking {
            await withTaskGroup(of: (Double, Bool).self) { group in
                for i in 0..<uploads { group.addTask { await upload("mentors-\(i).csv", typical) } }
                var all: [(Double, Bool)] = []
                for await result in group { all.append(result) }
                return all
            }
        }
        let placed =
            (try? FileManager.default.contentsOfDirectory(atPath: root + "/inbox/\(school)"))?.filter { $0.hasPrefix("mentors-") }.count
            ?? 0
        report("\(uploads) concurrent uploads of a 15-row file", concurrent.map(\.0), ok: concurrent.count { $0.1 }, placed: placed)

        let large = Data(MentorsFile.text(rows: 1_000).utf8)
        var sequential: [(Double, Bool)] = []
        for i in 0..<samples { sequential.append(blocking { await upload("large-\(i % 3).csv", large) }) }
        report(
            "verdict of a 1,000-row file (\(large.count / 1024) KB), one at a time", sequential.map(\.0), ok: sequential.count { $0.1 },
            placed: nil)
    }

    static func report(_ what: String, _ seconds: [Double], ok: Int, placed: Int?) {
        let sorted = seconds.sorted()
        func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(
            String(
                format: "%@: %d answered 200 with verdicts of %d%@; p50 %.3f s, p95 %.3f s, max %.3f s", what, ok, seconds.count,
                placed.map { ", \($0) placed in the inbox" } ?? "", at(0.5), at(0.95), sorted.last ?? 0))
    }

    /// The sign-in form, as a browser posts it: the login cookie and token, then the session cookie.
    static func signIn(base: String, school: String, code: String) -> (cookie: String, csrf: String) {
        let page = shell(["curl", "-s", "-i", base + "/"])
        let login = page.firstMatch(of: /nastavnik_login=([0-9a-f]+)/)!.1
        let token = page.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)!.1
        let signed = shell([
            "curl", "-s", "-i", "-H", "Cookie: nastavnik_login=\(login)", "--data", "csrf=\(token)&folder=\(school)&code=\(code)",
            base + "/login",
        ])
        let session = "nastavnik_session=" + signed.firstMatch(of: /nastavnik_session=([0-9a-f]+)/)!.1
        let school = shell(["curl", "-s", "-H", "Cookie: \(session)", base + "/school"])
        return (session, String(school.firstMatch(of: /data-csrf="([0-9a-f]+)"/)!.1))
    }

    static func shell(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try! process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    final class Box<T>: @unchecked Sendable { var value: T? }

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
