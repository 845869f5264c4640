import CommandTestSupport
import Foundation
import Testing

/// What a slow line, a cut line and a stranger do to the server: a body arrives whole or is not
/// taken at all, however slowly it comes; a client that stops sending is let go; headers, forms and
/// connections are bounded before they are paid for, and the server answers others meanwhile.
struct ServerLimitsTests {
    let a = "tetyushi-sosh1"

    /// The head of an upload with its access code.
    func head(_ code: String, name: String, length: Int?) -> String {
        "POST /api/v1/schools/\(a)/files?name=\(name) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(code)\r\n"
            + (length.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n") + "\r\n"
    }

    /// A list of 49 mentors paused after its 20th row past the idle timeout: the connection is
    /// closed, nothing is placed or journaled, and the night takes nothing; the same file sent
    /// whole afterwards is taken.
    @Test(.timeLimit(.minutes(2)), arguments: [false, true])
    func aPausedUploadIsNotTakenCut(chunked: Bool) throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws, arguments: ["--idle-timeout", "2"])
        let code = try server.issue(a)
        let people = (0..<49).map { (Self.snils($0), "Андреева") }
        let file = Files.mentors(people)
        let twentyRows = Files.mentors(Array(people.prefix(20)))
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(head(code, name: "mentors.csv", length: chunked ? nil : file.count)))
        #expect(
            connection.send(chunked ? Array(String(twentyRows.count, radix: 16).utf8) + [13, 10] + twentyRows + [13, 10] : twentyRows))
        sleep(4)
        #expect(connection.closedByServer)
        _ = connection.send(Array(file.dropFirst(twentyRows.count)))
        #expect(ws.files(under: ws.inbox).isEmpty, "\(ws.files(under: ws.inbox))")
        #expect(!FileManager.default.fileExists(atPath: ws.state.appendingPathComponent("audit/uploads.jsonl").path))
        #expect(server.logText.contains("оборвалась: \(twentyRows.count) из \(chunked ? "?" : "\(file.count)") байт"))
        #expect(try ws.run().status == 0)
        #expect(try ws.registry().currentCounts()[a] == nil)
        let whole = try upload(server, a, name: "mentors.csv", code: code, file)
        #expect(verdicts(whole) == ["mentors.csv": "принят"])
    }

    /// A connection that dies half-way through its body leaves nothing for the night.
    @Test(.timeLimit(.minutes(2)))
    func anUploadCutHalfWayLeavesNothing() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        for length in [100_000, nil] {
            let connection = try RawConnection(port: server.port)
            #expect(connection.send(head(code, name: "mentors.csv", length: length)))
            #expect(
                connection.send(
                    length == nil
                        ? Array("7530\r\n".utf8) + [UInt8](repeating: 0x41, count: 20_000) : [UInt8](repeating: 0x41, count: 30_000)))
            usleep(300_000)
        }
        usleep(700_000)
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(try upload(server, a, name: "mentors.csv", code: code, Files.mentors([(Files.mentorA, "Андреева")])).status == 200)
    }

    /// A slow line that keeps sending: a file of 372 KB sent in pieces with a pause shorter than the
    /// idle timeout between them, for longer than the timeout in all, arrives whole.
    @Test(.timeLimit(.minutes(2)))
    func aSlowSteadyUploadArrivesWhole() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws, arguments: ["--idle-timeout", "2"])
        let code = try server.issue(a)
        let file = Files.mentors((0..<3000).map { (Self.snils($0), "Андреева") })
        #expect(file.count > 300_000)
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(head(code, name: "mentors.csv", length: file.count)))
        let piece = file.count / 8 + 1
        for start in stride(from: 0, to: file.count, by: piece) {
            #expect(connection.send(Array(file[start..<min(start + piece, file.count)])))
            usleep(700_000)
        }
        let answer = connection.receive(seconds: 10)
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(300))")
        #expect(try Data(contentsOf: ws.inbox.appendingPathComponent("\(a)/mentors.csv")) == Data(file))
    }

    /// Two heads of 256 KB are refused with 431 after the first 32 KB, while a normal request is
    /// answered within a second; a head of too many fields likewise.
    @Test(.timeLimit(.minutes(2)))
    func hugeHeadersAreRefusedAndOthersAnswered() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let big = (0..<2).map { _ in try? RawConnection(port: server.port) }
        let huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 256 * 1024) + "\r\n\r\n"
        let senders = big.map { connection in Thread { _ = connection?.send(huge) } }
        for sender in senders { sender.start() }
        let start = Date()
        let normal = try Reply.curl([], url: server.url + "/")
        #expect(normal.status == 200)
        #expect(Date().timeIntervalSince(start) < 1)
        for connection in big { #expect(connection?.receive(seconds: 5).hasPrefix("HTTP/1.1 431") == true) }
        let many = try RawConnection(port: server.port)
        #expect(many.send("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<200).map { "X-H\($0): v\r\n" }.joined() + "\r\n"))
        #expect(many.receive(seconds: 5).hasPrefix("HTTP/1.1 431"))
        let line = try RawConnection(port: server.port)
        #expect(line.send("GET /" + String(repeating: "a", count: 40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(line.receive(seconds: 5).hasPrefix("HTTP/1.1 431"))
    }

    /// A sign-in form of 50 MB is refused from its length, before its body is read.
    @Test(.timeLimit(.minutes(2)))
    func aHugeFormIsRefusedUnread() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let connection = try RawConnection(port: server.port)
        #expect(
            connection.send(
                "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\nfolder="
            ))
        #expect(connection.receive(seconds: 5).hasPrefix("HTTP/1.1 413"))
        #expect(connection.closedByServer)
    }

    /// 1,100 idle connections against a server allowed 1,024 open files: it neither stops nor
    /// refuses the next request; the idle ones it had to let go are closed.
    @Test(.timeLimit(.minutes(2)))
    func idleConnectionsCannotStopIt() throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 1300 {
            limit.rlim_cur = 1300
            limit.rlim_max = max(limit.rlim_max, 1300)
            try #require(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, "the test needs 1,300 open files of its own")
        }
        let ws = try Workspace()
        let server = try ServerProcess(ws, openFiles: 1024)
        var idle: [RawConnection] = []
        for _ in 0..<1100 { idle.append(try RawConnection(port: server.port)) }
        usleep(500_000)
        let start = Date()
        let normal = try Reply.curl([], url: server.url + "/")
        #expect(normal.status == 200)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(server.process.isRunning)
        let closed = idle.filter(\.closedByServer).count
        #expect(closed >= 1100 - 1024 && closed < 1100, "\(closed) closed")
        #expect(!server.logText.contains("Too many open files"))
    }

    /// Idle connections are closed after the idle timeout.
    @Test(.timeLimit(.minutes(1)))
    func idleConnectionsAreClosed() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws, arguments: ["--idle-timeout", "1"])
        let connection = try RawConnection(port: server.port)
        #expect(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(connection.receive(seconds: 4).hasPrefix("HTTP/1.1 200"))
        #expect(connection.closedByServer)
    }

    /// A valid СНИЛС for each number (the checksum computed as SPEC §4 says).
    static func snils(_ n: Int) -> String {
        let digits = String(format: "%09d", 100_000_000 + n).map { Int(String($0))! }
        var sum = 0
        for (i, d) in digits.enumerated() { sum += d * (9 - i) }
        let check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : (sum % 101 == 100 ? 0 : sum % 101)
        let text = digits.map(String.init).joined()
        return "\(text.prefix(3))-\(text.dropFirst(3).prefix(3))-\(text.dropFirst(6)) \(String(format: "%02d", check))"
    }
}
