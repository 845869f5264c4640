import Foundation
import Testing

/// A headless Chromium driven through WebDriver (Debian's `chromedriver`, speaking the W3C
/// protocol over HTTP): what a curator does, done by a real browser. The protocol's requests are
/// sent with curl.
public final class WebDriver: @unchecked Sendable {
    public let driver = Process()
    public let base: String
    public var session = ""

    public init() throws {
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
    public func call(_ method: String, _ path: String, _ body: Any?) throws -> Any? {
        var arguments = ["-X", method, "-H", "Content-Type: application/json"]
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        if data == nil && method == "POST" { arguments += ["--data", "{}"] }
        let reply = try Reply.curl(arguments, url: base + path, body: data.map(Array.init))
        return reply.json
    }

    public func go(_ url: String) throws { try call("POST", "/session/\(session)/url", ["url": url]) }

    /// The first element matching a CSS selector, waiting for it up to five seconds.
    public func element(_ css: String) throws -> String? {
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

    public func type(_ css: String, _ text: String) throws {
        let id = try #require(try element(css), "\(css)")
        try call("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    public func click(_ css: String) throws {
        let id = try #require(try element(css), "\(css)")
        try call("POST", "/session/\(session)/element/\(id)/click", [:])
    }

    /// A computed CSS property of the first element matching a selector.
    public func css(_ selector: String, _ property: String) throws -> String? {
        let id = try #require(try element(selector), "\(selector)")
        return (try call("GET", "/session/\(session)/element/\(id)/css/\(property)", nil) as? [String: Any])?["value"] as? String
    }

    /// What a script run in the page returns.
    public func run(_ script: String) throws -> Any? {
        (try call("POST", "/session/\(session)/execute/sync", ["script": script, "args": []]) as? [String: Any])?["value"]
    }

    /// The page's visible text.
    public func text() throws -> String {
        let id = try #require(try element("body"))
        return ((try call("GET", "/session/\(session)/element/\(id)/text", nil) as? [String: Any])?["value"] as? String) ?? ""
    }

    /// Waits until the page's text holds `needle` (up to ten seconds).
    public func wait(for needle: String) throws -> Bool {
        for _ in 0..<100 {
            if try text().contains(needle) { return true }
            usleep(100_000)
        }
        return false
    }
}
