import Configuration
import Domain
import Validation

/// What the judgement needs of the configuration: the as-of date, strictness, the folders in
/// output order and which roadmap codes each may report.
public struct JudgingRules: Sendable {
    public var asOf: CivilDate
    /// `strict` in nastavnik.toml: warnings reject a file as errors do.
    public var strict: Bool
    /// Folders in the order every output follows: config/schools.csv, then the district's.
    public var folders: [String]
    var schoolRoadmapCodes: Set<String>
    var districtRoadmapCodes: Set<String>

    public init(configuration: Configuration, asOf: CivilDate) {
        self.init(
            asOf: asOf, strict: configuration.settings.strict, schools: configuration.schools.schools.map(\.code),
            schoolRoadmapCodes: configuration.roadmap.codes(for: .school), districtRoadmapCodes: configuration.roadmap.codes(for: .district)
        )
    }

    public init(asOf: CivilDate, strict: Bool, schools: [String], schoolRoadmapCodes: Set<String>, districtRoadmapCodes: Set<String>) {
        self.asOf = asOf
        self.strict = strict
        folders = schools + [SchoolDirectory.districtFolder]
        self.schoolRoadmapCodes = schoolRoadmapCodes
        self.districtRoadmapCodes = districtRoadmapCodes
    }

    /// How files of a folder are judged: its roadmap codes, and for the district's folder only its
    /// roadmap.
    func context(folder: String, people: any PeopleDirectory, rejected: [Dataset: [String]]) -> ValidationContext {
        let district = folder == SchoolDirectory.districtFolder
        var context = ValidationContext(
            school: folder, asOf: asOf, roadmapCodes: district ? districtRoadmapCodes : schoolRoadmapCodes, people: people)
        context.rejectedFiles = rejected
        if district {
            context.onlyDatasets = ([.roadmap], "Отдел образования присылает в папку district только дорожную карту (roadmap.csv).")
        }
        return context
    }
}
