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

    /// Whether file `a` is applied before file `b`: by dataset, then by name (dated suffixes sort by
    /// date). Unrecognised files come last.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let da = DatasetRecognition.fromFileName(a), db = DatasetRecognition.fromFileName(b)
        switch (da, db) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a < b
        }
    }

    public static func validate(_ files: consuming [File], context: ValidationContext) -> [ValidatedFile] {
        var files = files
        var ownMentors: Set<Snils>?
        var ownMentees: Set<Snils>?
        var results: [ValidatedFile] = []
        var fileContext = context
        for i in files.indices.sorted(by: { precedes(files[$0].name, files[$1].name) }) {
            fileContext.people = BatchPeople(base: context.people, school: context.school, mentors: ownMentors, mentees: ownMentees)
            // Taken out of the list, so that validation parses the file in its own memory.
            let bytes = files[i].bytes
            files[i].bytes = []
            let result = FileValidator.validate(name: files[i].name, bytes: bytes, context: fileContext)
            if !result.isAccepted, let dataset = result.dataset { fileContext.rejectedFiles[dataset, default: []].append(files[i].name) }
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
