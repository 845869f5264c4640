import Config
import Deadlines
import Domain

/// One unit's line of a level's package: a school's in a district's package, a district's in a
/// region's. Every number adds up: a level's line is the sum of its units' lines, so the same
/// figures go up from level to level.
public struct PackageRow: Sendable, Codable, Equatable {
    /// The statform's columns: code, name and counts.
    public var statform: StatformRow
    public var schoolsListed = 0
    public var schoolsWithData = 0
    public var schoolsWithCurator = 0
    public var schoolsWithSite = 0
    /// Programmes closed (`завершена`, `прекращена`) in the half-year, and those closed by their
    /// `Дата окончания`.
    public var programsClosed = 0
    public var programsClosedOnTime = 0
    /// Roadmap items overdue: the schools', and the districts' own (for a school: none).
    public var overdueSchoolItems = 0
    public var overdueOwnItems = 0
    /// A school's `Состояние данных`; a district's package state (`утверждены`…).
    public var state = ""
    /// When the unit's data last came.
    public var received: CivilDate?
    /// Whether its young teachers stay; nil in a package of a version that did not count it.
    public var retention: RetentionCounts?

    public init(statform: StatformRow) { self.statform = statform }

    public var code: String { statform.code }
    public var name: String { statform.name }

    /// The sum of `rows`, under a code and name (the `Итого`).
    public static func total(of rows: [PackageRow], code: String, name: String) -> PackageRow {
        var total = PackageRow(statform: StatformRow.total(of: rows.map(\.statform), code: code, name: name))
        for row in rows {
            total.schoolsListed += row.schoolsListed
            total.schoolsWithData += row.schoolsWithData
            total.schoolsWithCurator += row.schoolsWithCurator
            total.schoolsWithSite += row.schoolsWithSite
            total.programsClosed += row.programsClosed
            total.programsClosedOnTime += row.programsClosedOnTime
            total.overdueSchoolItems += row.overdueSchoolItems
            total.overdueOwnItems += row.overdueOwnItems
            if let retention = row.retention { total.retention = (total.retention ?? RetentionCounts()) + retention }
        }
        return total
    }

    /// The indicators of regional monitoring, each a ratio of sums (so a level's is never an
    /// average of its units').
    public var indicators: Indicators { Indicators(self) }
}

/// The indicators regional monitoring uses, as percentages (mentees per mentor as a ratio); nil
/// where the denominator is zero.
public struct Indicators: Sendable, Equatable {
    public static let titles = [
        "Педагоги до 35 лет в наставничестве, %", "Молодые специалисты — наставляемые, %", "Педагоги — наставники, %",
        "Наставляемых на одного наставника", "Наставники, прошедшие ПК, %", "ОО с куратором, %", "ОО с разделом сайта, %",
        "Программы, закрытые в срок, %",
    ]

    public var values: [Double?]

    init(_ row: PackageRow) {
        let s = row.statform
        func ratio(_ a: Int, _ b: Int, _ scale: Double = 100) -> Double? { b == 0 ? nil : Double(a) / Double(b) * scale }
        values = [
            ratio(s.menteesUnder35, s.teachersUnder35), ratio(s.menteesYoungSpecialists, s.youngSpecialists),
            ratio(s.mentors, s.teachersTotal), ratio(s.mentees, s.mentors, 1), ratio(s.mentorsTrained, s.mentors),
            ratio(row.schoolsWithCurator, row.schoolsListed), ratio(row.schoolsWithSite, row.schoolsListed),
            ratio(row.programsClosedOnTime, row.programsClosed),
        ]
    }
}

/// A school of the level, with the district and region it belongs to: the `По ОО` of a region and
/// the country.
public struct SchoolLine: Sendable, Codable, Equatable {
    public var regionCode = ""
    public var regionName = ""
    public var districtCode = ""
    public var districtName = ""
    public var row: StatformRow

    public init(row: StatformRow) { self.row = row }
}

/// What a level sends up for a half-year (README «The package»): who it is, the half-year, whether
/// its figures are approved, a line per unit and their total, and every school below it. Only
/// aggregates: no СНИЛС, no birth date, no person's name but the approver's.
public struct Package: Sendable, Codable, Equatable {
    public static let preliminary = "предварительные"
    public static let approvedState = "утверждены"

    /// `МО`, `регион`.
    public var level: String
    public var code: String
    public var name: String
    /// `2023-H1`.
    public var period: String
    /// The day the figures stand at.
    public var dataOn: CivilDate
    public var approvedBy: String?
    public var approvedOn: CivilDate?
    /// What the units are: their column titles.
    public var units: UnitKind
    public var rows: [PackageRow]
    public var total: PackageRow
    public var schools: [SchoolLine]
    /// A district's year's leavers and hires under the region's link key; nil without one.
    public var links: StaffLinks?

    public init(
        level: String, code: String, name: String, period: ReportingPeriod, dataOn: CivilDate, units: UnitKind, rows: [PackageRow],
        total: PackageRow, schools: [SchoolLine]
    ) {
        self.level = level
        self.code = code
        self.name = name
        self.period = period.description
        self.dataOn = dataOn
        self.units = units
        self.rows = rows
        self.total = total
        self.schools = schools
    }

    public var state: String { approvedBy == nil ? Self.preliminary : Self.approvedState }

    public var reportingPeriod: ReportingPeriod? { ReportingPeriod(period) }

    /// The same figures, approved by `by` on `on`.
    public func approved(by: String, on: CivilDate) -> Package {
        var package = self
        package.approvedBy = by
        package.approvedOn = on
        return package
    }
}

extension Package {
    /// A district's package for the night's half-year: a line per school of `schools.csv` from the
    /// night's figures.
    init(district figures: NightFigures, snapshot: RegistrySnapshot, settings: Settings) {
        let period = figures.period
        var rows: [PackageRow] = []
        for (statform, (monitoring, retention)) in zip(figures.statform, zip(figures.monitoring, figures.retention.rows)) {
            var row = PackageRow(statform: statform)
            let data = snapshot[statform.code]
            row.schoolsListed = 1
            row.schoolsWithData = data.hasData ? 1 : 0
            row.schoolsWithCurator = monitoring.curators.isEmpty ? 0 : 1
            row.schoolsWithSite = monitoring.siteURL.map { $0.isEmpty ? 0 : 1 } ?? 0
            for program in data.programs {
                guard let closed = program.closedDate, period.contains(closed), !program.status.isActive else { continue }
                row.programsClosed += 1
                if closed <= program.endDate { row.programsClosedOnTime += 1 }
            }
            row.overdueSchoolItems = monitoring.overdueItems
            row.state = monitoring.intake.state.rawValue
            row.received = monitoring.intake.lastAccepted
            row.retention = retention
            rows.append(row)
        }
        var total = PackageRow.total(of: rows, code: "Итого", name: UnitKind.school.count(rows.count))
        total.overdueOwnItems = figures.deadlines.district.values.count { $0.status == .overdue }
        let schools = rows.map { row -> SchoolLine in
            var line = SchoolLine(row: row.statform)
            line.districtCode = settings.districtCode
            line.districtName = settings.districtName
            return line
        }
        self.init(
            level: Level.district.packageLevel!, code: settings.districtCode, name: settings.districtName, period: period,
            dataOn: figures.asOf, units: .school, rows: rows, total: total, schools: schools)
        links = figures.retention.links
    }
}
