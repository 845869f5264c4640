import Domain
import Foundation
import Reading

/// Which column of the file holds which column of the dataset, and the header as the school wrote it.
public struct HeaderMap: Sendable {
    public let dataset: Dataset
    /// File column index of each schema column, by `Column.rawValue`.
    private var positions: [Int?] = Array(repeating: nil, count: Column.allCases.count)
    /// Every header cell as written, by file column.
    public let written: [String]
    /// File columns that match no column of the dataset.
    public private(set) var unknown: [Int] = []
    /// Required columns the file lacks.
    public private(set) var missing: [Column] = []
    /// File columns naming a column already named earlier.
    public private(set) var duplicates: [(column: Int, first: Int)] = []

    public init(dataset: Dataset, header: [String]) {
        self.dataset = dataset
        self.written = header
        let columns = dataset.columns
        let byName = Self.names[dataset.rank]
        for (i, text) in header.enumerated() {
            let key = TextKey.normalizedBytes(text)
            if key.isEmpty { continue }
            guard let column = byName[key] else {
                unknown.append(i)
                continue
            }
            if let first = positions[column.rawValue] {
                duplicates.append((i, first))
            } else {
                positions[column.rawValue] = i
            }
        }
        missing = columns.filter { !$0.optional && positions[$0.rawValue] == nil }
    }

    /// Each dataset's column names (SPEC titles and English aliases), normalised once, by rank.
    private static let names: [[[UInt8]: Column]] = Dataset.allCases.map { dataset in
        var byName: [[UInt8]: Column] = [:]
        for column in dataset.columns {
            byName[TextKey.normalizedBytes(column.title)] = column
            byName[TextKey.normalizedBytes(column.key)] = column
        }
        return byName
    }

    /// The map of a file's header, made once for each header seen: the schools' files are exported
    /// from the same templates, so most headers are byte for byte the same, and a file whose
    /// header was seen before needs neither its header's strings nor their normalising.
    static func of(_ dataset: Dataset, table: CSVTable) -> HeaderMap {
        var key = [UInt8(dataset.rank), table.windows1251 ? 1 : 0]
        table.withFields { fields in
            for i in 0..<fields.fieldCount(0) {
                key += fields.field(0, i)
                key.append(0)  // never in a text the reader accepts
            }
        }
        return cache.map(key) { HeaderMap(dataset: dataset, header: table.record(0)) }
    }

    private static let cache = HeaderCache()

    /// The file column holding `column`, if the file has it.
    public func position(of column: Column) -> Int? { positions[column.rawValue] }

    /// How many header cells name a column of `dataset`: the evidence for recognising it.
    static func matches(_ dataset: Dataset, header: [String]) -> Int {
        HeaderMap(dataset: dataset, header: header).positions.count { $0 != nil }
    }

    /// The header as written for a column, or its SPEC title when the file lacks it.
    public func title(_ column: Column) -> String {
        position(of: column).map { written[$0] } ?? column.title
    }

    public func title(ofFileColumn i: Int) -> String { i < written.count ? written[i] : "" }
}

/// Header maps by the header's bytes, shared by the threads that judge files; bounded, so that a
/// night of odd headers cannot grow it.
final class HeaderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var maps: [[UInt8]: HeaderMap] = [:]
    private static let limit = 1_024

    func map(_ key: [UInt8], make: () -> HeaderMap) -> HeaderMap {
        lock.lock()
        if let known = maps[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let map = make()
        lock.lock()
        if maps.count < Self.limit { maps[key] = map }
        lock.unlock()
        return map
    }
}
