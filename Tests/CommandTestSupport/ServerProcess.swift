import Foundation
import Testing

/// `nastavnik serve` as a running process, driven over HTTP by curl (a client of its own, not the
/// server's code): its address from the line it prints, its log kept in a file, stopped when the
/// test is done.
public final class ServerProcess: @unchecked Sendable {
    public let process = Process()
    public let url: String
    public let port: UInt16
    public let ws: Workspace
    /// Where its standard error (the log) goes.
    public let log: URL

    /// `arguments` after `serve`'s own; `openFiles`: the process's limit of open files (set by
    /// prlimit, as `LimitNOFILE` or `ulimit -n` would).
    public init(_ ws: Workspace, arguments: [String] = [], openFiles: Int? = nil) throws {
        self.ws = ws
        log = ws.root.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        var command = [CommandRunner.binary.path, "serve", "--config", ws.config.path, "--listen", "127.0.0.1:0"] + arguments
        if let openFiles { command = ["/usr/bin/prlimit", "--nofile=\(openFiles):\(openFiles)", "--"] + command }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
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
        port = UInt16(url.split(separator: ":").last!)!
    }

    deinit {
        process.terminate()
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A school's access code, issued by the command line.
    public func issue(_ folder: String) throws -> String {
        let result = try CommandRunner.run(["access", "issue", folder, "--config", ws.config.path])
        return try #require(result.stdout.split(separator: "\n").last.map(String.init))
    }

    /// What the server has logged so far.
    public var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}

/// A connection of the test's own to the server, byte by byte: what curl would not do (stop half
/// way, pause, send a header of any size, stay idle).
public final class RawConnection: @unchecked Sendable {
    public let fd: Int32

    public init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            if fd >= 0 { close(fd) }
            throw POSIXError(.ECONNREFUSED)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// Sends every byte; false once the server has closed the connection.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    public func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// What the server sends until it closes the connection or `seconds` pass.
    public func receive(seconds: Double) -> String {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the server has closed the connection (nothing more to read, without waiting).
    public var closedByServer: Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK))
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }
}

/// A response as curl saw it.
public struct Reply {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }
    public var json: Any? { try? JSONSerialization.jsonObject(with: body) }

    /// `curl -i` with the given arguments against `url`.
    public static func curl(_ arguments: [String], url: String, body: [UInt8]? = nil) throws -> Reply {
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
