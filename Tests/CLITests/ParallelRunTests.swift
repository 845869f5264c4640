import CommandTestSupport
import Foundation
import Testing

/// Both cores, same bytes: files are judged and outputs written in parallel, and nothing of that
/// shows in what the district receives.
struct ParallelRunTests {
    @Test func aRunOnBothCoresWritesTheBytesOfARunOnOne() throws {
        func night(workers: Int) throws -> (FaultMatrixTests.Outcome, Workspace) {
            let ws = try FaultMatrixTests.night()
            try "min_file_age_seconds = 0\nworkers = \(workers)\n".write(
                to: ws.config.appendingPathComponent("nastavnik.toml"), atomically: true, encoding: .utf8)
            let result = try ws.run()
            #expect(result.status == 0, "\(result.stderr)")
            return (try FaultMatrixTests.outcome(ws), ws)
        }
        let (one, _) = try night(workers: 1)
        let (two, _) = try night(workers: 2)
        let (four, _) = try night(workers: 4)
        #expect(one.registry == two.registry && one.registry == four.registry)
        #expect(
            one.outputs.count == 12 + 1 + 8 + 1 + 1,
            "12 workbooks, the district's page, a page for each of the 8 schools, the report, the package for the region")
        #expect(one.outputs == two.outputs)
        #expect(one.outputs == four.outputs)
    }
}
