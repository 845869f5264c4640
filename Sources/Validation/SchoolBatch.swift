import Domain
import Reading

/// A school's files of one night (or of one `validate` call), judged together: datasets in the order
/// of SPEC §5, so that programmes see the mentors and mentees the same batch brings.
public enum SchoolBatch {
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Files in the order they are applied: by dataset, then by name (dated suffixes sort by date).
    /// Unrecognised files come last.
    public static func order(_ names: [String]) -> [String] {
        names.sorted { a, b in
            let da = DatasetRecognition.fromFileName(a), db = DatasetRecognition.fromFileName(b)
            switch (da, db) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
    }

    public static func validate(_ files: [File], context: ValidationContext) -> [ValidatedFile] {
        var ownMentors: Set<Snils>?
        var ownMentees: Set<Snils>?
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [ValidatedFile] = []
        var fileContext = context
        for name in order(files.map(\.name)) {
            fileContext.people = BatchPeople(base: context.people, school: context.school, mentors: ownMentors, mentees: ownMentees)
            let result = FileValidator.validate(name: name, bytes: byName[name]!.bytes, context: fileContext)
            if !result.isAccepted, let dataset = result.dataset { fileContext.rejectedFiles[dataset, default: []].append(name) }
            switch result.rows {
            case .mentors(let list): ownMentors = Set(list.map(\.snils))
            case .mentees(let list): ownMentees = Set(list.map(\.snils))
            default: break
            }
            results.append(result)
        }
        return results
    }
}
