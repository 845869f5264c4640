/// Where an instance of nastavnik stands in the hierarchy of education authorities: a district
/// takes its schools' files; a region its districts' packages; the country its regions'. The same
/// program at every level: the levels differ in configuration and names, not in code paths.
public enum Level: String, Sendable, CaseIterable {
    case district, region, country

    /// The level below: whose files or packages this level takes.
    public var units: UnitKind {
        switch self {
        case .district: .school
        case .region: .district
        case .country: .region
        }
    }

    /// What this level's own package says it is (`Паспорт`, `Уровень`); nil for the top.
    public var packageLevel: String? {
        switch self {
        case .district: "МО"
        case .region: "регион"
        case .country: nil
        }
    }

    /// The folder of the instance's own roadmap progress in its inbox (not a unit's).
    public var ownFolder: String {
        switch self {
        case .district: "district"
        case .region: "region"
        case .country: "country"
        }
    }

    /// How an official of this level is named in a title: «Отдел образования», «Министерство».
    public var ownTitle: String {
        switch self {
        case .district: "Отдел образования"
        case .region: "Министерство образования региона"
        case .country: "Федеральный уровень"
        }
    }
}

/// The units a level is made of, and the words its tables use for them.
public enum UnitKind: String, Sendable, Codable {
    case school, district, region

    /// `Код ОО`, `Код МО`, `Код субъекта`.
    public var codeColumn: String { "Код \(abbreviation)" }
    /// `Наименование ОО`, `Наименование МО`, `Наименование субъекта`.
    public var nameColumn: String { "Наименование \(abbreviation)" }

    /// `ОО`, `МО`, `субъекта` (as the statform's columns write it).
    public var abbreviation: String {
        switch self {
        case .school: "ОО"
        case .district: "МО"
        case .region: "субъекта"
        }
    }

    /// The config file listing them.
    public var directoryFile: String {
        switch self {
        case .school: "schools.csv"
        case .district: "districts.csv"
        case .region: "regions.csv"
        }
    }

    /// What a package of such a unit says in `Уровень`; nil for a school (it sends files).
    public var packageLevel: String? {
        switch self {
        case .school: nil
        case .district: "МО"
        case .region: "регион"
        }
    }

    /// «всего по 45 МО», for a total row.
    public func count(_ n: Int) -> String {
        switch self {
        case .school: "Всего по \(n) ОО"
        case .district: "Всего по \(n) МО"
        case .region: "Всего по \(n) субъектам"
        }
    }
}

/// A unit of a level: a school, a district or a region, by its code and name.
public struct Unit: Sendable, Equatable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
