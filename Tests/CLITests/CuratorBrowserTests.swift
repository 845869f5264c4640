import Foundation
import Testing

/// A headless Chromium driven through WebDriver (Debian's `chromedriver`, speaking the W3C
/// protocol over HTTP): what a curator does, done by a real browser. The protocol's requests are
/// sent with curl.
final class WebDriver: @unchecked Sendable {
    let driver = Process()
    let base: String
    var session = ""

    init() throws {
        let port = Int.random(in: 20_000...40_000)
        base = "http://127.0.0.1:\(port)"
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        driver.arguments = ["chromedriver", "--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        for _ in 0..<50 {
            if (try? Reply.curl([], url: base + "/status"))?.status == 200 { break }
            usleep(100_000)
        }
        let profile = NSTemporaryDirectory() + "nastavnik-webdriver-\(UUID().uuidString)"
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile)",
                        ],
                    ],
                ]
            ]
        ]
        let reply = try call("POST", "/session", capabilities)
        session = try #require(((reply as? [String: Any])?["value"] as? [String: Any])?["sessionId"] as? String)
    }

    deinit {
        _ = try? call("DELETE", "/session/\(session)", nil)
        // Started by the test runner, it may have SIGTERM blocked: killed outright.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    @discardableResult
    func call(_ method: String, _ path: String, _ body: Any?) throws -> Any? {
        var arguments = ["-X", method, "-H", "Content-Type: application/json"]
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        if data == nil && method == "POST" { arguments += ["--data", "{}"] }
        let reply = try Reply.curl(arguments, url: base + path, body: data.map(Array.init))
        return reply.json
    }

    func go(_ url: String) throws { try call("POST", "/session/\(session)/url", ["url": url]) }

    /// The first element matching a CSS selector, waiting for it up to five seconds.
    func element(_ css: String) throws -> String? {
        for _ in 0..<50 {
            let reply = try call("POST", "/session/\(session)/element", ["using": "css selector", "value": css]) as? [String: Any]
            if let value = reply?["value"] as? [String: Any], let id = value.values.first as? String,
                value.keys.contains(where: { $0.hasPrefix("element-") })
            {
                return id
            }
            usleep(100_000)
        }
        return nil
    }

    func type(_ css: String, _ text: String) throws {
        let id = try #require(try element(css), "\(css)")
        try call("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    func click(_ css: String) throws {
        let id = try #require(try element(css), "\(css)")
        try call("POST", "/session/\(session)/element/\(id)/click", [:])
    }

    /// The page's visible text.
    func text() throws -> String {
        let id = try #require(try element("body"))
        return ((try call("GET", "/session/\(session)/element/\(id)/text", nil) as? [String: Any])?["value"] as? String) ?? ""
    }

    /// Waits until the page's text holds `needle` (up to ten seconds).
    func wait(for needle: String) throws -> Bool {
        for _ in 0..<100 {
            if try text().contains(needle) { return true }
            usleep(100_000)
        }
        return false
    }
}

/// A curator signs in, uploads a good file and a bad one through the page, and reads the verdicts
/// and findings off it; another school's curator does not see the first school's files.
struct CuratorBrowserTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    func signIn(_ browser: WebDriver, _ server: ServerProcess, folder: String, code: String) throws {
        try browser.go(server.url + "/")
        try browser.type("#folder", folder)
        try browser.type("#code", code)
        try browser.click("#signin-button")
    }

    @Test(.timeLimit(.minutes(3)))
    func uploadThroughThePageAndReadTheVerdicts() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let codeA = try server.issue(a)
        let codeB = try server.issue(b)
        let files = try CommandRunner.scratch([
            "наставники.csv": Files.mentors([(Files.mentorA, "Андреева")]),
            "наставляемые.csv": Files.mentees([("bad", "Петров")]),
        ])
        let browser = try WebDriver()

        // A wrong code is refused with a message on the page.
        try signIn(browser, server, folder: a, code: "WRONG-CODE")
        #expect(try browser.wait(for: "Неверный код ОО или код доступа"))

        try signIn(browser, server, folder: a, code: codeA)
        #expect(try browser.wait(for: "Отправить файлы"))
        try browser.type("#files", files.appendingPathComponent("наставники.csv").path)
        #expect(try browser.wait(for: "наставники.csv: принят"))
        try browser.type("#files", files.appendingPathComponent("наставляемые.csv").path)
        #expect(try browser.wait(for: "наставляемые.csv: отклонён"))
        #expect(try browser.text().contains("«bad» — не СНИЛС"))
        // Both wait for tonight, and the page lists them after a reload.
        #expect(ws.files(under: ws.inbox) == ["\(a)/наставляемые.csv", "\(a)/наставники.csv"])
        try browser.go(server.url + "/school")
        #expect(try browser.wait(for: "Ждут ночной обработки"))
        #expect(try browser.text().contains("наставники.csv"))
        // Withdrawn from the page.
        try browser.click("#waiting-files tbody tr:nth-child(1) button")
        #expect(try browser.wait(for: "Ждут ночной обработки"))
        #expect(ws.files(under: ws.inbox) == ["\(a)/наставники.csv"])

        // Another school's curator sees nothing of school A's.
        try browser.click("header button")
        try signIn(browser, server, folder: b, code: codeB)
        #expect(try browser.wait(for: "Файлов, ожидающих обработки, нет"))
        #expect(!(try browser.text().contains("наставники.csv")))
        try browser.go(server.url + "/api/v1/schools/\(a)/files")
        #expect(try browser.text().contains("Этот вход открывает только папку «\(b)»"))
    }
}
