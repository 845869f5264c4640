import Domain

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
        let columns = Schema.columns(of: dataset)
        var byName: [String: Column] = [:]
        for column in columns {
            byName[TextKey.normalize(column.title)] = column
            byName[TextKey.normalize(column.key)] = column
        }
        for (i, text) in header.enumerated() {
            let key = TextKey.normalize(text)
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
