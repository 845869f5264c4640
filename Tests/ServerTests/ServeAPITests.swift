import CommandTestSupport
import Foundation
import Testing

/// An upload as a school's script sends it.
func upload(_ server: ServerProcess, _ folder: String, name: String, code: String?, _ bytes: [UInt8], headers: [String] = [])
    throws -> Reply
{
    let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    return try Reply.curl(
        ["-X", "POST"] + (code.map { ["-H", "Authorization: Bearer \($0)"] } ?? []) + headers.flatMap { ["-H", $0] },
        url: "\(server.url)/api/v1/schools/\(folder)/files?name=\(encoded)", body: bytes)
}

/// The verdicts of an upload's answer: file (sheet) → verdict.
func verdicts(_ reply: Reply) -> [String: String] {
    var out: [String: String] = [:]
    for file in (reply.json as? [[String: Any]]) ?? [] {
        let label = (file["file"] as? String ?? "") + ((file["sheet"] as? String).map { " — лист «\($0)»" } ?? "")
        out[label] = file["verdict"] as? String
    }
    return out
}

/// The upload API: who may, where a file goes and under what name, what is refused, and that the
/// verdict is the night's.
struct ServeAPITests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    @Test(.timeLimit(.minutes(2)))
    func codesFoldersAndSizes() throws {
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
        #expect(try upload(server, "no-such-school", name: "mentors.csv", code: code, file).status == 404)
        // Too large: refused before it is stored, declared or streamed (chunked).
        let big = file + [UInt8](repeating: 0x41, count: 5000)
        #expect(try upload(server, a, name: "big.csv", code: code, big).status == 413)
        #expect(try upload(server, a, name: "big.csv", code: code, big, headers: ["Transfer-Encoding: chunked"]).status == 413)
        #expect(ws.files(under: ws.inbox).isEmpty)
        // Placed, listed with its verdict, withdrawn.
        #expect(try upload(server, a, name: "mentors.csv", code: code, file).headers["x-nastavnik-placed"] == "inbox")
        let list = try Reply.curl(["-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files")
        let listed = try #require(list.json as? [[String: Any]])
        #expect(listed.map { $0["name"] as? String } == ["mentors.csv"] && listed[0]["verdicts"] as? [String] == ["принят"])
        let gone = try Reply.curl(
            ["-X", "DELETE", "-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files/mentors.csv")
        #expect(gone.status == 200)
        #expect(ws.files(under: ws.inbox).isEmpty)
        // Every upload and withdrawal is in the audit journal; refused ones are not uploads.
        let audit = try ws.text("var/audit/uploads.jsonl").split(separator: "\n")
        #expect(audit.count == 2)
        #expect(
            audit[0].contains("\"action\":\"upload\"") && audit[0].contains("\"sha256\":\"") && audit[0].contains("\"placed\":\"inbox\""))
        #expect(audit[1].contains("\"action\":\"withdraw\""))
        // A wrong code on the API is in the log, by folder and address, never the code.
        #expect(server.logText.contains("API: неверный код для «\(a)» с 127.0.0.1"))
        #expect(!server.logText.contains("AAAA-BBBB"))
    }

    /// A name the night would not take, or that is not what it looks like, is refused with the
    /// reason: never made into another name.
    @Test(.timeLimit(.minutes(2)))
    func namesAreRefusedNeverRewritten() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let file = Files.mentors([(Files.mentorA, "Андреева")])
        let refused: [(name: String, says: String)] = [
            ("~$наставники.csv", "файл блокировки"), (".~lock.наставники.xlsx#", "файл блокировки"), ("x.tmp", "ещё копируется"),
            ("x.tmp.part", "ещё копируется"), ("наставники.csv.crdownload", "ещё копируется"), ("../x.csv", "не путь"),
            ("a/b.csv", "не путь"), ("a\\b.csv", "не путь"), ("mentors\n.csv", "управляющие символы"),
            (".hidden.csv", "начинается с точки"),
            ("тест\u{202E}vsc.exe", "смены направления текста"), (" mentors.csv", "пробелом"),
            (String(repeating: "я", count: 130) + ".csv", "слишком длинное"), ("", "Нет имени"),
        ]
        for (name, says) in refused {
            let reply = try upload(server, a, name: name, code: code, file)
            #expect(reply.status == 400, "\(name.debugDescription): \(reply.status)")
            #expect(((reply.json as? [String: Any])?["message"] as? String ?? "").contains(says), "\(name.debugDescription): \(reply.text)")
        }
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(!ws.files(under: ws.root).contains { $0.hasSuffix("x.csv") || $0.hasSuffix("b.csv") })
        // A name composed and the same name decomposed (as a Mac writes it) are one file, kept composed.
        #expect(try upload(server, a, name: "й.csv", code: code, file).status == 200)
        #expect(try upload(server, a, name: "и\u{0306}.csv", code: code, file).status == 200)
        #expect(ws.files(under: ws.inbox) == ["\(a)/й.csv"])
        #expect(ws.files(under: ws.inbox).first.map { Array($0.utf8.suffix(6)) } == Array("й.csv".utf8))
        // The longest name the file system holds is taken as it is.
        let longest = String(repeating: "я", count: 125) + ".csv"
        #expect(try upload(server, a, name: longest, code: code, file).status == 200)
        #expect(ws.files(under: ws.inbox).contains("\(a)/\(longest)"))
    }

    /// What the page says of a file is what the night then says of it.
    @Test(.timeLimit(.minutes(2)))
    func theVerdictIsTheNights() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let good = try upload(server, a, name: "mentors.csv", code: code, Files.mentors([(Files.mentorA, "Андреева")]))
        let bad = try upload(server, a, name: "mentees.csv", code: code, Files.mentees([("bad", "Петров")]))
        let answers = [good, bad].compactMap { ($0.json as? [[String: Any]])?.first }
        #expect(answers.map { $0["verdict"] as? String } == ["принят", "отклонён"])
        let message = ((answers[1]["findings"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains("СНИЛС"))
        #expect(try ws.run().status == 0)
        let receipt = try ws.receiptText(a)
        #expect(receipt.contains("mentors.csv | Наставники | принят"))
        #expect(receipt.contains("mentees.csv | Наставляемые | отклонён"))
        #expect(receipt.contains(message))
    }

    /// An upload is judged with the files already waiting, as `validate inbox/*/*` and the night
    /// judge them: a programmes file after its mentors and mentees is accepted, saying what it
    /// rested on; when a later change turns an earlier file's verdict, the list shows the new one.
    @Test(.timeLimit(.minutes(2)))
    func judgedWithTheFilesWaiting() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let codeA = try server.issue(a)
        let codeB = try server.issue(b)
        #expect(
            verdicts(try upload(server, a, name: "mentors.csv", code: codeA, Files.mentors([(Files.mentorA, "Андреева")]))) == [
                "mentors.csv": "принят"
            ])
        #expect(
            verdicts(
                try upload(
                    server, a, name: "mentees.csv", code: codeA, Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")]))) == [
                    "mentees.csv": "принят"
                ])
        // B's mentor is invited by A's programme: B sends its list first.
        #expect(
            verdicts(try upload(server, b, name: "наставники.csv", code: codeB, Files.mentors([(Files.mentorC, "Сорокина")]))) == [
                "наставники.csv": "принят"
            ])
        let programmes = try upload(
            server, a, name: "programs.csv", code: codeA,
            Files.programs([("1", Files.mentorA, Files.menteeA), ("2", Files.mentorC, Files.menteeB)]))
        #expect(verdicts(programmes) == ["programs.csv": "принят"], "\(programmes.text)")
        let answer = try #require((programmes.json as? [[String: Any]])?.first)
        #expect(answer["reliedOn"] as? [String] == ["mentors.csv", "mentees.csv"])
        #expect(answer["reliedOnOtherSchools"] as? Int == 1)
        // B withdraws its list: A's programme, waiting, is rejected now, and A's list says so.
        #expect(
            try Reply.curl(
                ["-X", "DELETE", "-H", "Authorization: Bearer \(codeB)"],
                url: "\(server.url)/api/v1/schools/\(b)/files/%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D0%BA%D0%B8.csv"
            ).status == 200)
        let list = try Reply.curl(["-H", "Authorization: Bearer \(codeA)"], url: "\(server.url)/api/v1/schools/\(a)/files")
        let listed = Dictionary(
            uniqueKeysWithValues: ((list.json as? [[String: Any]]) ?? []).map {
                ($0["name"] as? String ?? "", $0["verdicts"] as? [String] ?? [])
            })
        #expect(listed == ["mentees.csv": ["принят"], "mentors.csv": ["принят"], "programs.csv": ["отклонён"]])
        // And the night agrees with the list.
        #expect(try ws.run().status == 0)
        #expect(try ws.receiptText(a).contains("programs.csv | Программы наставничества | отклонён"))
    }

    /// A rejected upload never replaces the file waiting under its name: it is kept aside with its
    /// verdict, and the audit says so. With nothing waiting under its name, it waits for the night.
    @Test(.timeLimit(.minutes(2)))
    func aRejectedUploadReplacesNothing() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        let good = Files.mentors([(Files.mentorA, "Андреева")])
        #expect(try upload(server, a, name: "mentors.csv", code: code, good).status == 200)
        let bad = try upload(server, a, name: "mentors.csv", code: code, Files.mentors([("bad", "Андреева")]))
        #expect(bad.status == 200 && verdicts(bad) == ["mentors.csv": "отклонён"])
        #expect(bad.headers["x-nastavnik-placed"] == "kept")
        #expect(try Data(contentsOf: ws.inbox.appendingPathComponent("\(a)/mentors.csv")) == Data(good))
        let kept = ws.files(under: ws.state.appendingPathComponent("uploads/rejected/\(a)"))
        #expect(kept.count == 2 && kept.contains { $0.hasSuffix(".json") })
        #expect(try ws.text("var/audit/uploads.jsonl").contains("\"placed\":\"kept\",\"school\":\"\(a)\",\"sha256\""))
        // Nothing waiting under the name: it waits, rejected, for the night to judge again.
        let alone = try upload(server, a, name: "mentees.csv", code: code, Files.mentees([("bad", "Петров")]))
        #expect(alone.headers["x-nastavnik-placed"] == "inbox" && verdicts(alone) == ["mentees.csv": "отклонён"])
        #expect(ws.files(under: ws.inbox) == ["\(a)/mentees.csv", "\(a)/mentors.csv"])
    }

    /// While the night holds its lock, an upload waits under a short hidden name whatever its own
    /// name, and takes its place when the night is over; a withdrawal waits for the end of the night.
    @Test(.timeLimit(.minutes(2)))
    func anUploadDuringTheNightWaitsForTheNext() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let code = try server.issue(a)
        try FileManager.default.createDirectory(at: ws.state, withIntermediateDirectories: true)
        let lock = open(ws.state.appendingPathComponent("nastavnik.lock").path, O_RDWR | O_CREAT, 0o640)
        #expect(flock(lock, LOCK_EX) == 0)
        let long = String(repeating: "н", count: 88) + "_наставники.csv"
        #expect(long.utf8.count > 185)
        for name in ["mentors.csv", long] {
            let reply = try upload(server, a, name: name, code: code, Files.mentors([(Files.mentorA, "Андреева")]))
            #expect(reply.status == 200 && reply.headers["x-nastavnik-placed"] == "pending", "\(reply.text)")
        }
        let hidden = ws.files(under: ws.inbox)
        #expect(hidden.allSatisfy { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0.utf8.count < 64 }, "\(hidden)")
        #expect(
            try Reply.curl(
                ["-X", "DELETE", "-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files/mentors.csv"
            ).status == 409)
        flock(lock, LOCK_UN)
        close(lock)
        let list = try Reply.curl(["-H", "Authorization: Bearer \(code)"], url: "\(server.url)/api/v1/schools/\(a)/files")
        #expect(((list.json as? [[String: Any]]) ?? []).allSatisfy { $0["pending"] as? Bool == false })
        #expect(ws.files(under: ws.inbox) == ["\(a)/\(long)", "\(a)/mentors.csv"].sorted())
    }
}
