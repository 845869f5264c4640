import Testing
import Toolkit

struct ParallelTests {
    @Test func resultsKeepTheOrderOfTheInput() {
        let items = Array(0..<1_000)
        #expect(Parallel.map(items, workers: 4) { $0 * $0 } == items.map { $0 * $0 })
        #expect(Parallel.map([Int](), workers: 4) { $0 }.isEmpty)
    }
}

struct HexTests {
    @Test func bytesAreWrittenLowerCaseTwoDigitsEach() {
        #expect(Hex.lowercase([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(Hex.lowercase([UInt8]()).isEmpty)
    }
}
