import CommandTestSupport
import Foundation
import Testing

/// The demo district's first night (`inbox/` of the repository), every school's files uploaded
/// through the API one by one in the order the night applies them: each upload's verdict, and the
/// verdicts the waiting list shows before the night, are the night's.
struct FirstNightTests {
    /// The datasets in the night's apply order (SPEC §5), told by the demo files' names.
    static let order = [
        ["profile", "сведения"], ["curators", "кураторы"], ["mentors", "наставники"], ["mentees", "наставляемые"],
        ["programs", "программы"], ["roadmap", "дорожная"],
    ]

    static func rank(_ name: String) -> Int {
        let lower = name.lowercased()
        // «наставляемые» begins with «наставл»: told apart before «наставники».
        if lower.hasPrefix("наставляемые") { return 3 }
        return order.firstIndex { $0.contains { lower.hasPrefix($0) } } ?? order.count
    }

    @Test(.timeLimit(.minutes(3)))
    func uploadedFileByFileTheVerdictsAreTheNights() throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let ws = try Workspace(asOf: today)
        let demo = CommandRunner.root.appendingPathComponent("inbox")
        let folders = try FileManager.default.contentsOfDirectory(atPath: demo.path).sorted()
        // The district's own roadmap comes by the shared folder, as the office puts it there.
        var uploads: [(folder: String, name: String)] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: demo.appendingPathComponent(folder).path) {
                if folder == "district" {
                    try ws.drop(folder, name, Array(try Data(contentsOf: demo.appendingPathComponent("\(folder)/\(name)"))))
                } else {
                    uploads.append((folder, name))
                }
            }
        }
        uploads.sort { (Self.rank($0.name), $0.folder, $0.name) < (Self.rank($1.name), $1.folder, $1.name) }
        #expect(uploads.count > 20)

        let server = try ServerProcess(ws)
        var codes: [String: String] = [:]
        for folder in Set(uploads.map(\.folder)) { codes[folder] = try server.issue(folder) }
        var atUpload: [String: String] = [:]
        for (folder, name) in uploads {
            let bytes = Array(try Data(contentsOf: demo.appendingPathComponent("\(folder)/\(name)")))
            let reply = try upload(server, folder, name: name, code: codes[folder], bytes)
            #expect(reply.status == 200, "\(folder)/\(name): \(reply.text)")
            for (label, verdict) in verdicts(reply) { atUpload["\(folder)/\(label)"] = verdict }
        }
        var listed: [String: String] = [:]
        for folder in Set(uploads.map(\.folder)) {
            let list = try Reply.curl(
                ["-H", "Authorization: Bearer \(codes[folder]!)"], url: "\(server.url)/api/v1/schools/\(folder)/files")
            for file in (list.json as? [[String: Any]]) ?? [] {
                let verdicts = file["verdicts"] as? [String] ?? []
                listed["\(folder)/\(file["name"] as? String ?? "")"] = verdicts.count == 1 ? verdicts[0] : verdicts.joined(separator: ",")
            }
        }

        #expect(try ws.run().status <= 1)
        let journal = try #require(ws.files(under: ws.state.appendingPathComponent("runs")).first)
        let night =
            try JSONSerialization.jsonObject(with: Data(contentsOf: ws.state.appendingPathComponent("runs/\(journal)"))) as? [String: Any]
        var atNight: [String: String] = [:]
        for file in (night?["files"] as? [[String: Any]]) ?? [] where file["school"] as? String != "district" {
            atNight["\(file["school"] as? String ?? "")/\(file["file"] as? String ?? "")"] = file["verdict"] as? String
        }
        #expect(atNight.count == uploads.count)
        #expect(atUpload == atNight)
        #expect(listed == atNight)
        #expect(Set(atNight.values).contains("принят"))
    }
}
