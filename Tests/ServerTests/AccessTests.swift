import CommandTestSupport
import Foundation
import Testing

/// A browser's session, signed in through the page's form by curl.
struct SignedIn {
    var cookie: String
    var csrf: String

    init?(_ server: ServerProcess, folder: String, code: String, address: String? = nil) throws {
        let start = try Reply.curl([], url: server.url + "/")
        guard let login = start.headers["set-cookie"]?.split(separator: ";").first.map(String.init),
            let csrf = start.text.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)?.1
        else { return nil }
        let signed = try Reply.curl(
            ["-X", "POST", "-H", "Cookie: \(login)", "--data", "csrf=\(csrf)&folder=\(folder)&code=\(code)"]
                + (address.map { ["-H", "X-Forwarded-For: \($0)"] } ?? []), url: server.url + "/login")
        guard signed.status == 303, let cookie = signed.headers["set-cookie"]?.split(separator: ";").first.map(String.init) else {
            return nil
        }
        self.cookie = cookie
        let page = try Reply.curl(["-H", "Cookie: \(cookie)"], url: server.url + "/school")
        self.csrf = page.text.firstMatch(of: /data-csrf="([0-9a-f]+)"/).map { String($0.1) } ?? ""
    }

    /// The school's page: 200, or a redirect to the sign-in when the session is over.
    func page(_ server: ServerProcess) throws -> Reply { try Reply.curl(["-H", "Cookie: \(cookie)"], url: server.url + "/school") }
}

/// Who may do what, and for how long: sessions end with their code and on signing out, wrong codes
/// are counted so that no one can lock a school out, and the pages allow no inline script.
struct AccessTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    @Test(.timeLimit(.minutes(2)))
    func sessionsEndWithTheirCodeAndOnSigningOut() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let first = try server.issue(a)
        let revoked = try #require(try SignedIn(server, folder: a, code: first))
        #expect(try revoked.page(server).status == 200)
        #expect(try CommandRunner.run(["access", "revoke", a, "--config", ws.config.path]).status == 0)
        #expect(try revoked.page(server).status == 303, "revoking a code ends its sessions at once")

        let second = try server.issue(a)
        let reissued = try #require(try SignedIn(server, folder: a, code: second))
        #expect(try upload(server, a, name: "m.csv", code: second, Files.mentors([(Files.mentorA, "Андреева")])).status == 200)
        let third = try server.issue(a)
        #expect(try reissued.page(server).status == 303, "issuing a new code ends the old one's sessions")
        #expect(try upload(server, a, name: "m.csv", code: second, [0x41]).status == 401, "and the old code opens nothing")

        // Signing out without the form's token still ends the session on the server.
        let session = try #require(try SignedIn(server, folder: a, code: third))
        #expect(try Reply.curl(["-X", "POST", "-H", "Cookie: \(session.cookie)"], url: server.url + "/logout").status == 303)
        #expect(try session.page(server).status == 303)
    }

    /// Ten wrong codes for a school from one address shut that address out of that school only:
    /// another school behind the same address signs in, and its right code does not reset the
    /// count for the first; the first school from another address is not locked out.
    @Test(.timeLimit(.minutes(2)))
    func wrongCodesAreCountedPerSchoolAndAddress() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let codeA = try server.issue(a)
        let codeB = try server.issue(b)
        let village = "X-Forwarded-For: 10.1.1.1"
        var statuses: [Int] = []
        for i in 0..<11 {
            statuses.append(try upload(server, a, name: "m.csv", code: "WRONG-\(i)", [0x41], headers: [village]).status)
            if i == 4 { #expect(try upload(server, b, name: "m.csv", code: codeB, [0x41], headers: [village]).status == 200) }
        }
        #expect(statuses.prefix(10).allSatisfy { $0 == 401 }, "\(statuses)")
        #expect(statuses.last == 429)
        #expect(try upload(server, a, name: "m.csv", code: codeA, [0x41], headers: [village]).status == 429)
        #expect(try upload(server, b, name: "m.csv", code: codeB, [0x41], headers: [village]).status == 200)
        #expect(try upload(server, a, name: "m.csv", code: codeA, [0x41], headers: ["X-Forwarded-For: 10.2.2.2"]).status == 200)
        #expect(try SignedIn(server, folder: b, code: codeB, address: "10.1.1.1") != nil)
        #expect(server.logText.components(separatedBy: "API: неверный код для «\(a)» с 10.1.1.1").count - 1 == 10)
    }

    /// The pages hold no inline script, and the policy allows none.
    @Test(.timeLimit(.minutes(2)))
    func noInlineScript() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let session = try #require(try SignedIn(server, folder: a, code: code))
        for reply in [try Reply.curl([], url: server.url + "/"), try session.page(server)] {
            let policy = try #require(reply.headers["content-security-policy"])
            let scripts = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("script-src") }
            #expect(scripts == ["script-src 'self'"], "\(policy)")
            #expect(!reply.text.contains("<script>"), "every script is a file of the server's")
            #expect(reply.headers["x-frame-options"] == "DENY")
        }
        let script = try Reply.curl([], url: server.url + "/static/curator.js")
        #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true)
    }
}
