import CommandTestSupport
import Foundation
import Testing

/// Every input of the fuzzing corpus (the seeds and each input that once failed) replayed through
/// the fuzz target's checks: a verdict that says why, and no crash.
struct FuzzCorpusTests {
    @Test func theCorpusReplaysCleanly() throws {
        let corpus = CommandRunner.root.appendingPathComponent("Tests/FuzzCorpus")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().map {
            corpus.appendingPathComponent($0).path
        }
        #expect(inputs.count >= 50)
        let process = Process()
        process.executableURL = CommandRunner.built("nastavnik-fuzz")
        process.arguments = inputs
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("replayed \(inputs.count) inputs"))
    }
}
