import Domain
import Foundation

/// Which dataset a file holds: from its name (English or Russian, any suffix), else from its header.
public enum DatasetRecognition {
    /// `mentors.csv`, `Наставники_2023-01-20.csv`, `дорожная карта.csv`.
    public static func fromFileName(_ name: String) -> Dataset? {
        var stem = name.precomposedStringWithCanonicalMapping.lowercased()
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        stem = stem.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        for dataset in Dataset.allCases {
            for prefix in [dataset.rawValue, dataset.russianFileName] where stem.hasPrefix(prefix) {
                let rest = stem.dropFirst(prefix.count)
                if rest.first.map({ !$0.isLetter }) ?? true { return dataset }
            }
        }
        return nil
    }

    /// The dataset whose columns the header names most, when that is clear (at least two columns,
    /// more than any other dataset).
    public static func fromHeader(_ header: [String]) -> Dataset? {
        let scores = Dataset.allCases.map { ($0, HeaderMap.matches($0, header: header)) }.sorted { $0.1 > $1.1 }
        guard scores[0].1 >= 2, scores[0].1 > scores[1].1 else { return nil }
        return scores[0].0
    }

    /// The names a curator may give files, for a rejection message.
    public static var acceptedNames: String {
        Dataset.allCases.map { "\($0.rawValue) / \($0.russianFileName)" }.joined(separator: ", ")
    }
}
