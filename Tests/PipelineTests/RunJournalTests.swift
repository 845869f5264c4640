import Domain
import Foundation
import Testing

@testable import Pipeline

/// The journal is written with a line per file; it must read as the same document as one
/// encoded whole.
struct RunJournalTests {
    func document(files: Int) -> RunJournal.Document {
        let names = ["mentors.csv", "наставники \"новые\".csv", "a/b\\c.csv", "tab\there.csv", "]files[.csv"]
        return RunJournal.Document(
            run: 7, startedAt: "2023-03-20T02:30:00Z", finishedAt: "2023-03-20T02:31:00Z", asOf: "2023-03-20", period: nil,
            exitCode: 0,
            files: (0..<files).map { i in
                RunJournal.Document.File(
                    TakenFile(
                        folder: "school-\(i)", name: names[i % names.count], dataset: i % 3 == 0 ? nil : .mentors,
                        sha256: i % 4 == 0 ? "" : "ab\(i)", verdict: .accepted, rowCount: i, inboxPath: "school-\(i)/x",
                        storedPath: "archive/school-\(i)/2023-03-20_x", findings: []))
            },
            quarantinedUnread: [.init(name: "\"files\" : [", reason: "r", storedPath: "q")])
    }

    func whole(_ document: RunJournal.Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(document)
    }

    @Test(arguments: [0, 1, 12])
    func aJournalWithALinePerFileReadsAsTheWholeDocument(files: Int) throws {
        let document = document(files: files)
        let written = try RunJournal.encoded(document)
        let read = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: try whole(document)) as? NSDictionary
        #expect(read != nil)
        #expect(read == expected)
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("    {\"") && $0.contains("\"stored_path\":") } == files)
    }
}
