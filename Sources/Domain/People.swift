/// A person of a school's list (curators, mentors or mentees), as the reference checks, the
/// spelling check and the monitoring workbook need them.
public struct PersonEntry: Sendable, Hashable {
    public var school: String
    public var dataset: Dataset
    public var snils: Snils
    public var name: PersonName
    /// The row of the file the person came from (0 when unknown).
    public var row: Int

    public init(school: String, dataset: Dataset, snils: Snils, name: PersonName, row: Int = 0) {
        self.school = school
        self.dataset = dataset
        self.snils = snils
        self.name = name
        self.row = row
    }
}

extension PersonName {
    /// What two spellings of one person must share (SPEC §5, «same person, different names»): the
    /// full name with case, `ё`/`е`, dashes and spaces not counted. The one place this is decided.
    public var spellingKey: String { TextKey.normalize(full) }
}

extension DatasetRows {
    /// The people of a list (curators, mentors, mentees); nil for the other datasets.
    public func people(school: String) -> [PersonEntry]? {
        switch self {
        case .curators(let list): list.map { PersonEntry(school: school, dataset: .curators, snils: $0.snils, name: $0.name, row: $0.row) }
        case .mentors(let list): list.map { PersonEntry(school: school, dataset: .mentors, snils: $0.snils, name: $0.name, row: $0.row) }
        case .mentees(let list): list.map { PersonEntry(school: school, dataset: .mentees, snils: $0.snils, name: $0.name, row: $0.row) }
        default: nil
        }
    }

    /// The dataset the rows are of; nil for a package.
    public var dataset: Dataset? {
        switch self {
        case .package: nil
        case .profile: .profile
        case .curators: .curators
        case .mentors: .mentors
        case .mentees: .mentees
        case .programs: .programs
        case .roadmap: .roadmap
        case .staff: .staff
        }
    }
}

/// Who the order counts as young (SPEC §7, the order's Положение): a teacher under 35 full years,
/// and a young specialist, under 3 years of pedagogical experience. The one place of both limits.
public enum YoungTeacher {
    public static func isUnder35(born: CivilDate, on day: CivilDate) -> Bool { born.fullYears(on: day) < 35 }
    public static func isYoungSpecialist(experienceYears: Double) -> Bool { experienceYears < 3 }
}
