import Foundation
import Testing

@testable import Reading

/// The public csv-spectrum suite (../shared/testdata/csv-spectrum): every case must parse to its JSON.
struct CSVSpectrumTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/csv-spectrum")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("csvs").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") && $0 != "location_coordinates.csv" }
            .map { String($0.dropLast(4)) }.sorted()
    }

    @Test func suiteIsPresent() {
        #expect(Self.cases.count >= 10, "csv-spectrum not found at \(Self.root.path)")
    }

    @Test(arguments: cases)
    func caseParsesToItsJSON(name: String) throws {
        let csv = try Data(contentsOf: Self.root.appendingPathComponent("csvs/\(name).csv"))
        let json = try Data(contentsOf: Self.root.appendingPathComponent("json/\(name).json"))
        let expected = try #require(JSONSerialization.jsonObject(with: json) as? [[String: String]])

        let table = try CSVParser.parse(Array(csv), delimiter: Delimiter.comma.rawValue)
        let header = table.count > 0 ? table.record(0) : []
        let objects = (1..<max(table.count, 1)).map { r in
            Dictionary(uniqueKeysWithValues: zip(header, table.record(r)))
        }
        #expect(objects == expected)
    }
}
