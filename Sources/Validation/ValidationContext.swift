import Domain

/// What a file is judged against besides its own content.
public struct ValidationContext: Sendable {
    /// The folder the file came from: a `Код ОО` of config/schools.csv, or `district`.
    public var school: String
    /// "Not in the future" means not after this date.
    public var asOf: CivilDate
    /// Roadmap item codes this folder may report (`ОО` items for a school, `район` items for the district).
    public var roadmapCodes: Set<String>
    /// Mentors and mentees known beyond the file itself (the registry, and the school's batch).
    public var people: any PeopleDirectory
    /// When set, warnings reject a file as errors do (`strict` in nastavnik.toml).
    public var strict: Bool
    /// This folder's files rejected earlier in the same batch, so that a programme naming a person
    /// of a rejected file can say why the person is missing.
    public var rejectedFiles: [Dataset: [String]] = [:]
    /// The datasets this folder may send, with the reason given for any other (the district's
    /// folder takes only its roadmap); nil: all of them.
    public var onlyDatasets: (datasets: Set<Dataset>, reason: String)?

    public init(
        school: String, asOf: CivilDate, roadmapCodes: Set<String>, people: any PeopleDirectory = PeopleIndex(),
        strict: Bool = false
    ) {
        self.school = school
        self.asOf = asOf
        self.roadmapCodes = roadmapCodes
        self.people = people
        self.strict = strict
    }
}

/// Answers the reference questions of the `programs` rules; the registry answers them across schools.
public protocol PeopleDirectory: Sendable {
    /// Codes of the schools whose current mentors include this СНИЛС.
    func schoolsWithMentor(_ snils: Snils) -> Set<String>
    /// Whether the school's current mentees include this СНИЛС.
    func isMentee(_ snils: Snils, of school: String) -> Bool
}

/// People held in memory: the files of one `validate` call, or a test's registry.
public struct PeopleIndex: PeopleDirectory {
    var mentors: [Snils: Set<String>] = [:]
    var mentees: [Snils: Set<String>] = [:]

    public init() {}

    public mutating func addMentors(_ list: some Sequence<Snils>, school: String) {
        for snils in list { mentors[snils, default: []].insert(school) }
    }

    public mutating func addMentees(_ list: some Sequence<Snils>, school: String) {
        for snils in list { mentees[snils, default: []].insert(school) }
    }

    public func schoolsWithMentor(_ snils: Snils) -> Set<String> { mentors[snils] ?? [] }
    public func isMentee(_ snils: Snils, of school: String) -> Bool { mentees[snils]?.contains(school) ?? false }
}

/// A school's own files of this batch take the place of its snapshot in the directory beneath.
struct BatchPeople: PeopleDirectory {
    let base: any PeopleDirectory
    let school: String
    let mentors: Set<Snils>?
    let mentees: Set<Snils>?

    func schoolsWithMentor(_ snils: Snils) -> Set<String> {
        guard let mentors else { return base.schoolsWithMentor(snils) }
        var schools = base.schoolsWithMentor(snils)
        schools.remove(school)
        if mentors.contains(snils) { schools.insert(school) }
        return schools
    }

    func isMentee(_ snils: Snils, of school: String) -> Bool {
        if school == self.school, let mentees { return mentees.contains(snils) }
        return base.isMentee(snils, of: school)
    }
}
