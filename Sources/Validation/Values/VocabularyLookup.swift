import Domain
import Reading

/// A vocabulary's accepted spellings, normalised once per file.
struct VocabularyLookup<V: Vocabulary> {
    /// Canonical spellings as bytes (UTF-8 and Windows-1251): most cells are written exactly so, and
    /// match without a `String`.
    private var exact: [(utf8: [UInt8], windows1251: [UInt8], value: V)] = []
    private var normalized: [String: V] = [:]

    init() {
        for value in V.allCases {
            exact.append((Array(value.rawValue.utf8), Windows1251.bytes(value.rawValue) ?? [], value))
            for spelling in [value.rawValue] + value.synonyms {
                normalized[TextKey.normalize(spelling)] = value
            }
        }
    }

    func match(_ cell: Cell) -> V? {
        for (utf8, windows1251, value) in exact where cell.equals(utf8: utf8, windows1251: windows1251) {
            return value
        }
        return normalized[TextKey.normalize(cell.string)]
    }

    func match(_ text: String) -> V? {
        normalized[TextKey.normalize(text)]
    }

    static var allowed: String { V.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ") }
}
