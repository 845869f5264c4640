import Config
import Domain
import Validation

/// What the judgement needs of the configuration: the as-of date, strictness, the folders in
/// output order and which roadmap codes each may report.
public struct JudgingRules: Sendable {
    public var asOf: CivilDate
    /// `strict` in nastavnik.toml: warnings reject a file as errors do.
    public var strict: Bool
    /// Folders in the order every output follows: config/schools.csv (or the level's units), then
    /// the level's own.
    public var folders: [String]
    /// The level's own folder (`district`): its roadmap only.
    var ownFolder: String
    var schoolRoadmapCodes: Set<String>
    var districtRoadmapCodes: Set<String>

    public init(configuration: Configuration, asOf: CivilDate) {
        self.init(
            asOf: asOf, strict: configuration.settings.strict, schools: configuration.units.codes,
            schoolRoadmapCodes: configuration.roadmap.codes(for: .school),
            districtRoadmapCodes: configuration.roadmap.codes(for: .district),
            ownFolder: configuration.level.ownFolder)
    }

    public init(
        asOf: CivilDate, strict: Bool, schools: [String], schoolRoadmapCodes: Set<String>, districtRoadmapCodes: Set<String>,
        ownFolder: String = SchoolDirectory.districtFolder
    ) {
        self.asOf = asOf
        self.strict = strict
        self.ownFolder = ownFolder
        folders = schools + [ownFolder]
        self.schoolRoadmapCodes = schoolRoadmapCodes
        self.districtRoadmapCodes = districtRoadmapCodes
    }

    /// How files of a folder are judged: its roadmap codes, and for the district's folder only its
    /// roadmap.
    func context(folder: String, people: any PeopleDirectory, rejected: [Dataset: [String]]) -> ValidationContext {
        let district = folder == ownFolder
        var context = ValidationContext(
            school: folder, asOf: asOf, roadmapCodes: district ? districtRoadmapCodes : schoolRoadmapCodes, people: people)
        context.rejectedFiles = rejected
        if district {
            let who = ownFolder == SchoolDirectory.districtFolder ? "Отдел образования присылает" : "Сюда присылается"
            context.onlyDatasets = ([.roadmap], "\(who) в папку \(ownFolder) только дорожную карту (roadmap.csv).")
        }
        return context
    }
}
