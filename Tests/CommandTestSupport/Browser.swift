import Foundation
import Testing

/// Headless Chromium, the real client of the web pages (Debian's `chromium`, which `make test`
/// installs through `scripts/setup.sh chromium`).
public enum Browser {
    /// What the browser made of a page: its DOM after loading, and what it wrote to its console.
    public struct Load {
        public var dom: String
        public var console: [String]
    }

    public static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func arguments(_ chromium: String) -> [String] {
        let profile = NSTemporaryDirectory() + "nastavnik-chromium-\(UUID().uuidString)"
        return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"]
    }

    /// Loads a page from `file://` and dumps its DOM (scripts given time to run: the harness's).
    public static func load(_ page: URL) throws -> Load {
        let chromium = try #require(executable, "headless Chromium is missing: scripts/setup.sh chromium installs it")
        let result = try CommandRunner.exec(
            arguments(chromium) + ["--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(2000))")
        return Load(dom: result.stdout, console: result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }

    /// The page's width and the viewport's at a phone's width (390 px), measured inside an iframe
    /// of that width (headless windows are never narrower than 500 px): a copy of the page with a
    /// script that reports them to the harness around it.
    public static func widthOnAPhone(_ page: URL) throws -> (content: Int, viewport: Int) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-phone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try String(contentsOf: page, encoding: .utf8)
        let report =
            "<script>parent.postMessage(document.documentElement.scrollWidth + \"/\" + document.documentElement.clientWidth, \"*\")</script>"
        try html.replacingOccurrences(of: "</body>", with: report + "</body>").write(
            to: folder.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>390</title></head><body style="margin:0">\
        <iframe src="page.html" style="width:390px;height:900px;border:0"></iframe>\
        <script>addEventListener("message", function (e) { document.body.setAttribute("data-width", e.data) })</script></body></html>
        """.write(to: folder.appendingPathComponent("harness.html"), atomically: true, encoding: .utf8)
        let dom = try load(folder.appendingPathComponent("harness.html")).dom
        let measured = try #require(dom.firstMatch(of: /data-width="(\d+)\/(\d+)"/), "the page reported no width: \(dom.prefix(300))")
        return (Int(measured.1)!, Int(measured.2)!)
    }
}
