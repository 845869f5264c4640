import Domain
import Foundation
import Testing

@testable import Pipeline

/// The journal is written with a line per file; it must read as the same document as one encoded
/// whole: its own keys in snake case, each file in the one shape of a judged file (`JudgedFile`).
struct RunJournalTests {
    func document(files: Int) -> RunJournal.Document {
        let names = ["mentors.csv", "наставники \"новые\".csv", "a/b\\c.csv", "tab\there.csv", "]files[.csv"]
        return RunJournal.Document(
            run: 7, startedAt: "2023-03-20T02:30:00Z", finishedAt: "2023-03-20T02:31:00Z", asOf: "2023-03-20", period: nil,
            exitCode: 0,
            files: (0..<files).map { i in
                JudgedFile(
                    TakenFile(
                        folder: "school-\(i)", name: names[i % names.count], dataset: i % 3 == 0 ? nil : .mentors,
                        sha256: i % 4 == 0 ? "" : "ab\(i)", verdict: .accepted, rowCount: i, inboxPath: "school-\(i)/x",
                        storedPath: "archive/school-\(i)/2023-03-20_x", findings: []))
            },
            quarantinedUnread: [.init(name: "\"files\" : [", reason: "r", storedPath: "q")])
    }

    /// The document encoded whole: its keys in snake case, the files' as `validate` writes them.
    func whole(_ document: RunJournal.Document) throws -> NSDictionary {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var head = document
        head.files = []
        let dictionary = try #require(
            JSONSerialization.jsonObject(with: try encoder.encode(head), options: .mutableContainers) as? NSMutableDictionary)
        dictionary["files"] = try document.files.map { try JSONSerialization.jsonObject(with: try JSONEncoder().encode($0)) }
        return dictionary
    }

    @Test(arguments: [0, 1, 12])
    func aJournalWithALinePerFileReadsAsTheWholeDocument(files: Int) throws {
        let document = document(files: files)
        let written = try RunJournal.encoded(document)
        let read = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let expected = try whole(document)
        #expect(read != nil)
        #expect(read == expected)
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("    {\"") && $0.contains("\"storedPath\":") } == files)
    }
}
