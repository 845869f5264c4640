import Domain
import Reading

/// A vocabulary's accepted spellings, normalised once per process (`Lookups`).
struct VocabularyLookup<V: Vocabulary>: Sendable {
    /// Canonical spellings as bytes (UTF-8 and Windows-1251): most cells are written exactly so, and
    /// match without a `String`.
    private var exact: [(utf8: [UInt8], windows1251: [UInt8], value: V)] = []
    /// By the bytes of the normalised spelling (`TextKey.normalizedBytes`): hashing bytes costs
    /// less than hashing a Cyrillic `String`.
    private var normalized: [[UInt8]: V] = [:]

    init() {
        for value in V.allCases {
            exact.append((Array(value.rawValue.utf8), Windows1251.bytes(value.rawValue) ?? [], value))
            for spelling in [value.rawValue] + value.synonyms {
                normalized[TextKey.normalizedBytes(spelling)] = value
            }
        }
    }

    func match(_ cell: Cell) -> V? {
        for (utf8, windows1251, value) in exact where cell.equals(utf8: utf8, windows1251: windows1251) {
            return value
        }
        return normalized[TextKey.normalizedBytes(cell.string)]
    }

    func match(_ text: String) -> V? {
        normalized[TextKey.normalizedBytes(text)]
    }

    static var allowed: String { V.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ") }
}

/// Every vocabulary's look-up, built once.
enum Lookups {
    static let categories = VocabularyLookup<QualificationCategory>()
    static let forms = VocabularyLookup<MentoringForm>()
    static let models = VocabularyLookup<MentoringModel>()
    static let directions = VocabularyLookup<Direction>()
    static let modes = VocabularyLookup<WorkMode>()
    static let statuses = VocabularyLookup<ProgramStatus>()
    static let reasons = VocabularyLookup<CloseReason>()
    static let dismissalReasons = VocabularyLookup<DismissalReason>()
}
