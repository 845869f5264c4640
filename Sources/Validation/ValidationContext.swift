import Domain

/// What a file is judged against besides its own content. Built per folder by the judgement
/// (module `Judgement`), the same for `validate` and the nightly run.
public struct ValidationContext: Sendable {
    /// The folder the file came from: a `Код ОО` of config/schools.csv, or `district`.
    public var school: String
    /// "Not in the future" means not after this date.
    public var asOf: CivilDate
    /// Roadmap item codes this folder may report (`ОО` items for a school, `район` items for the district).
    public var roadmapCodes: Set<String>
    /// Mentors and mentees known beyond the file itself: the registry with tonight's files laid over it.
    public var people: any PeopleDirectory
    /// This folder's files rejected earlier the same night, so that a programme naming a person of
    /// a rejected file can say why the person is missing.
    public var rejectedFiles: [Dataset: [String]] = [:]
    /// The datasets this folder may send, with the reason given for any other (the district's
    /// folder takes only its roadmap); nil: all of them.
    public var onlyDatasets: (datasets: Set<Dataset>, reason: String)?

    public init(school: String, asOf: CivilDate, roadmapCodes: Set<String>, people: any PeopleDirectory) {
        self.school = school
        self.asOf = asOf
        self.roadmapCodes = roadmapCodes
        self.people = people
    }
}

/// Answers the reference questions of the `programs` rules.
public protocol PeopleDirectory: Sendable {
    /// Codes of the schools whose current mentors include this СНИЛС.
    func schoolsWithMentor(_ snils: Snils) -> Set<String>
    /// Whether the school's current mentees include this СНИЛС.
    func isMentee(_ snils: Snils, of school: String) -> Bool
}
