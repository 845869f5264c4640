import Foundation
import Testing

/// `nastavnik serve` as a running process, driven over HTTP by curl (a client of its own, not the
/// server's code): its address from the line it prints, stopped when the test is done.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let url: String
    let ws: Workspace

    init(_ ws: Workspace) throws {
        self.ws = ws
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--config", ws.config.path, "--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"http://[0-9.]+:\d+"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        url = String(text[range])
    }

    deinit {
        process.terminate()
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A school's access code, issued by the command line.
    func issue(_ folder: String) throws -> String {
        let result = try CommandRunner.run(["access", "issue", folder, "--config", ws.config.path])
        return try #require(result.stdout.split(separator: "\n").last.map(String.init))
    }
}

/// A response as curl saw it.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: body) }

    /// `curl -i` with the given arguments against `url`.
    static func curl(_ arguments: [String], url: String, body: [UInt8]? = nil) throws -> Reply {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var args = ["curl", "-s", "-i", "--max-time", "60"] + arguments
        let input = Pipe()
        if body != nil {
            args += ["--data-binary", "@-"]
            process.standardInput = input
        }
        process.arguments = args + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        if let body {
            input.fileHandleForWriting.write(Data(body))
            try input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return Reply(status: 0, headers: [:], body: data) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let status = head.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        return Reply(status: status, headers: headers, body: data[split.upperBound...])
    }
}

/// The upload API: who may, where a file goes, what is refused, and that the verdict is the
/// night's.
struct ServeAPITests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    func upload(_ server: ServerProcess, _ folder: String, name: String, code: String?, _ bytes: [UInt8]) throws -> Reply {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try Reply.curl(
            ["-X", "POST"] + (code.map { ["-H", "Authorization: Bearer \($0)"] } ?? []),
            url: "\(server.url)/api/v1/schools/\(folder)/files?name=\(encoded)", body: bytes)
    }

    @Test(.timeLimit(.minutes(2)))
    func codesFoldersSizesAndNames() throws {
        let ws = try Workspace(settings: "min_file_age_seconds = 0\nmax_file_bytes = 4000\n")
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        _ = try server.issue(b)
        let file = Files.mentors([(Files.mentorA, "Андреева")])
        // No code, a wrong one, another school's: refused, nothing written.
        #expect(try upload(server, a, name: "mentors.csv", code: nil, file).status == 401)
        #expect(try upload(server, a, name: "mentors.csv", code: "AAAA-BBBB-CCCC-DDDD-EEEE", file).status == 401)
        #expect(try upload(server, b, name: "mentors.csv", code: code, file).status == 403)
        #expect(try Reply.curl(["-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(b)/files").status == 403)
        // Too large: refused before it is stored.
        let big = try upload(server, a, name: "big.csv", code: code, file + [UInt8](repeating: 0x41, count: 5000))
        #expect(big.status == 413)
        #expect(ws.files(under: ws.inbox).isEmpty)
        // Hostile names: reduced to one safe name in the school's own folder.
        for (name, stored) in [
            ("../x.csv", "x.csv"), ("a/b.csv", "b.csv"), ("mentors\n.csv", "mentors.csv"), (".hidden.csv", "hidden.csv"),
        ] {
            let reply = try upload(server, a, name: name, code: code, file)
            #expect(reply.status == 200, "\(name): \(reply.text)")
            #expect(FileManager.default.fileExists(atPath: ws.inbox.appendingPathComponent("\(a)/\(stored)").path), "\(name)")
        }
        let long = String(repeating: "я", count: 140) + ".csv"
        #expect(try upload(server, a, name: long, code: code, file).status == 200)
        #expect(ws.files(under: ws.inbox).allSatisfy { $0.hasPrefix("\(a)/") && $0.utf8.count <= a.utf8.count + 1 + 255 })
        #expect(!ws.files(under: ws.root).contains { $0.hasSuffix("x.csv") && !$0.hasPrefix("inbox/\(a)/") })
        // The list, and a withdrawal.
        let list = try Reply.curl(["-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files")
        #expect((list.json as? [[String: Any]])?.count == 5)
        let gone = try Reply.curl(
            ["-X", "DELETE", "-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files/x.csv")
        #expect(gone.status == 200)
        #expect(!FileManager.default.fileExists(atPath: ws.inbox.appendingPathComponent("\(a)/x.csv").path))
        // Every upload and withdrawal is in the audit journal.
        let audit = try ws.text("var/audit/uploads.jsonl")
        #expect(audit.split(separator: "\n").count == 6)
        #expect(audit.contains("\"action\":\"withdraw\"") && audit.contains("\"sha256\":\""))
    }

    /// What the page says of a file is what the night then says of it.
    @Test(.timeLimit(.minutes(2)))
    func theVerdictIsTheNights() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let good = try upload(server, a, name: "mentors.csv", code: code, Files.mentors([(Files.mentorA, "Андреева")]))
        let bad = try upload(server, a, name: "mentees.csv", code: code, Files.mentees([("bad", "Петров")]))
        let verdicts = [good, bad].compactMap { ($0.json as? [[String: Any]])?.first }
        #expect(verdicts.map { $0["verdict"] as? String } == ["принят", "отклонён"])
        let message = ((verdicts[1]["findings"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains("СНИЛС"))
        #expect(try ws.run().status == 0)
        let receipt = try ws.receiptText(a)
        #expect(receipt.contains("mentors.csv | Наставники | принят"))
        #expect(receipt.contains("mentees.csv | Наставляемые | отклонён"))
        #expect(receipt.contains(message))
    }

    /// While the night holds its lock, an upload waits under a hidden name, and takes its place
    /// when the night is over; a withdrawal waits for the end of the night.
    @Test(.timeLimit(.minutes(2)))
    func anUploadDuringTheNightWaitsForTheNext() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        try FileManager.default.createDirectory(at: ws.state, withIntermediateDirectories: true)
        let lock = open(ws.state.appendingPathComponent("nastavnik.lock").path, O_RDWR | O_CREAT, 0o640)
        #expect(flock(lock, LOCK_EX) == 0)
        let reply = try upload(server, a, name: "mentors.csv", code: code, Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(reply.status == 200 && reply.headers["x-nastavnik-placed"] == "pending")
        #expect(ws.files(under: ws.inbox).allSatisfy { ($0 as NSString).lastPathComponent.hasPrefix(".") })
        #expect(
            try Reply.curl(
                ["-X", "DELETE", "-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files/mentors.csv"
            ).status == 409)
        flock(lock, LOCK_UN)
        close(lock)
        let list = try Reply.curl(["-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files")
        #expect((list.json as? [[String: Any]])?.first?["pending"] as? Bool == false)
        #expect(ws.files(under: ws.inbox) == ["\(a)/mentors.csv"])
    }

    /// A connection that dies half-way through its body leaves nothing for the night.
    @Test(.timeLimit(.minutes(2)))
    func anUploadCutHalfWayLeavesNothing() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let port = UInt16(server.url.split(separator: ":").last!)!
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        let head =
            "POST /api/v1/schools/\(a)/files?name=mentors.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(code)\r\nContent-Length: 100000\r\n\r\n"
        let partial = Array(head.utf8) + [UInt8](repeating: 0x41, count: 30_000)
        _ = partial.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        usleep(300_000)
        close(fd)
        usleep(500_000)
        #expect(ws.files(under: ws.inbox).isEmpty)
        // The server goes on.
        #expect(try upload(server, a, name: "mentors.csv", code: code, Files.mentors([(Files.mentorA, "Андреева")])).status == 200)
    }

    @Test(.timeLimit(.minutes(2)))
    func repeatedWrongCodesAreRefusedForAWhile() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        var statuses: [Int] = []
        for _ in 0..<11 { statuses.append(try upload(server, a, name: "m.csv", code: "WRONG", [0x41]).status) }
        #expect(statuses.prefix(9).allSatisfy { $0 == 401 })
        #expect(statuses.last == 429)
        #expect(try upload(server, a, name: "m.csv", code: code, [0x41]).status == 429, "refused even with the right code, for a while")
    }
}

/// The district office's page: the last night's overview and workbooks, what schools sent since,
/// and nothing outside the outbox.
struct ServeDistrictTests {
    @Test(.timeLimit(.minutes(2)))
    func theDistrictSeesItsOutputsAndNothingElse() throws {
        let ws = try Workspace()
        try ws.drop("tetyushi-sosh1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try ws.run().status == 0)
        try ws.drop("tetyushi-sosh2", "наставники.csv", Files.mentors([(Files.mentorB, "Белов")]))
        let server = try ServerProcess(ws)
        let code = try server.issue("district")
        let start = try Reply.curl([], url: server.url + "/")
        let login = try #require(start.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        let csrf = try #require(start.text.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)?.1)
        let signed = try Reply.curl(
            ["-X", "POST", "-H", "Cookie: \(login)", "--data", "csrf=\(csrf)&folder=district&code=\(code)"], url: server.url + "/login")
        #expect(signed.status == 303 && signed.headers["location"] == "/district")
        let cookie = try #require(signed.headers["set-cookie"])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let session = String(cookie.split(separator: ";")[0])
        let page = try Reply.curl(["-H", "Cookie: \(session)"], url: server.url + "/district")
        #expect(page.status == 200)
        #expect(page.text.contains("statform-\(ws.asOf).xlsx") && page.text.contains("Сводка района"))
        #expect(page.text.contains("наставники.csv"), "what a school sent since the night")
        let workbook = try Reply.curl(["-H", "Cookie: \(session)"], url: server.url + "/district/file/statform-\(ws.asOf).xlsx")
        #expect(workbook.status == 200 && workbook.body.starts(with: [0x50, 0x4B]))
        for path in [
            "/district/file/..%2Fvar%2Fregistry.sqlite", "/district/file/%2E%2E/config/nastavnik.toml",
            "/school/receipts/..%2F..%2Fregistry-\(ws.asOf).xlsx",
        ] {
            #expect(try Reply.curl(["-H", "Cookie: \(session)"], url: server.url + path).status != 200, "\(path)")
        }
        // A school's session cannot open the district's page.
        #expect(try Reply.curl([], url: server.url + "/district").status == 303)
    }
}
