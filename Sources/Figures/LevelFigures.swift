import Config
import Deadlines
import Domain

/// A unit's package as the registry holds it: when it came, and whether it was returned.
public struct ReceivedPackage: Sendable {
    public var package: Package
    /// The as-of date of the run that took it.
    public var received: CivilDate
    /// Returned by this level (`nastavnik region return`), with why; until a new package comes.
    public var returned: (on: CivilDate, reason: String)?

    public init(package: Package, received: CivilDate, returned: (on: CivilDate, reason: String)? = nil) {
        self.package = package
        self.received = received
        self.returned = returned
    }
}

/// Every figure of a region's or the country's night, from its units' packages: a line per unit of
/// `districts.csv` (or `regions.csv`), zeros where no package came, their total, every school below,
/// the half-years before, the level's own roadmap, completeness, and the level's own package.
public struct LevelFigures: Sendable {
    /// A unit's line: its package's total under its own code and name, and how its package stands.
    public struct Line: Sendable {
        public var unit: Unit
        public var package: ReceivedPackage?
        public var row: PackageRow
        /// `нет данных`, `предварительные`, `утверждены`, `возвращён`.
        public var state: String
        /// Came by `package_due_days` after the half-year's end.
        public var onTime: Bool
    }

    /// A half-year's statform lines, unit by unit.
    public struct Period: Sendable {
        public var period: ReportingPeriod
        public var rows: [StatformRow]
        public var total: StatformRow
        public var sent: Int
    }

    public static let noData = "нет данных"
    public static let returned = "возвращён"

    public var level: Level
    public var kind: UnitKind
    public var ownCode: String
    public var ownName: String
    public var asOf: CivilDate
    public var period: ReportingPeriod
    public var lines: [Line]
    public var total: PackageRow
    public var schools: [SchoolLine]
    /// Every half-year from the model's start to this one.
    public var dynamics: [Period]
    /// The level's own roadmap items.
    public var deadlines: DeadlineReport
    public var roadmap: [RoadmapRow]
    /// What this level sends up; nil at the top.
    public var package: Package?
    /// Units' packages this level returned (any half-year) and not yet replaced: their receipts say so.
    public var returnedPackages: [(folder: String, period: String, on: CivilDate, reason: String)]

    public var statform: [StatformRow] { lines.map(\.row.statform) }
    public var statformTotal: StatformRow { total.statform }
    public var unitsSent: Int { lines.count { $0.package != nil } }
    public var unitsOnTime: Int { lines.count(where: \.onTime) }

    /// `packages`: each unit's current package by half-year (the night's, and the ones before for
    /// `Динамика`); `snapshot`: the level's own roadmap progress.
    public init(
        configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod,
        packages: [ReportingPeriod: [String: ReceivedPackage]], snapshot: RegistrySnapshot
    ) {
        let settings = configuration.settings
        level = settings.level
        kind = configuration.units.kind
        ownCode = settings.ownCode
        ownName = settings.ownName
        self.asOf = asOf
        self.period = period
        let due = period.end.adding(days: settings.packageDueDays)
        let tonight = packages[period] ?? [:]
        lines = configuration.units.units.map { unit in
            let received = tonight[unit.code]
            var row = received.map { $0.package.total } ?? PackageRow(statform: StatformRow(code: unit.code, name: unit.name))
            row.statform.code = unit.code
            row.statform.name = unit.name
            let state = received.map { $0.returned != nil ? Self.returned : $0.package.state } ?? Self.noData
            row.state = state
            row.received = received?.received
            return Line(unit: unit, package: received, row: row, state: state, onTime: received.map { $0.received <= due } ?? false)
        }
        if kind == .district {
            // A leaver of one district hired by another is a move between districts, not a loss.
            let paired = lines.map { $0.row.retention ?? RetentionCounts() }.pairingMoves(lines.map { $0.package?.package.links })
            for i in lines.indices where lines[i].row.retention != nil { lines[i].row.retention = paired[i] }
        }
        deadlines = DeadlineReport(
            schedule: schedule, schools: [], snapshot: snapshot,
            rules: DeadlineRules(asOf: asOf, modelStart: settings.modelStartDate, dueSoonDays: settings.dueSoonDays),
            districtFolder: settings.level.ownFolder)
        roadmap = RoadmapRow.rows(deadlines: deadlines, schools: [])
        var total = PackageRow.total(of: lines.map(\.row), code: "Итого", name: kind.count(lines.count))
        total.overdueOwnItems += deadlines.district.values.count { $0.status == .overdue }
        self.total = total
        let regionCode = settings.level == .region ? settings.regionCode : ""
        let regionName = settings.level == .region ? settings.regionName : ""
        schools = lines.flatMap { line in
            (line.package?.package.schools ?? []).map { school in
                var school = school
                if !regionCode.isEmpty {
                    school.regionCode = regionCode
                    school.regionName = regionName
                }
                return school
            }
        }
        dynamics = ReportingPeriod.range(from: settings.modelStartDate, through: period).map { past in
            let held = packages[past] ?? [:]
            let rows = configuration.units.units.map { unit in
                var row = held[unit.code]?.package.total.statform ?? StatformRow(code: unit.code, name: unit.name)
                row.code = unit.code
                row.name = unit.name
                return row
            }
            return Period(
                period: past, rows: rows,
                total: StatformRow.total(of: rows, code: "Итого", name: configuration.units.kind.count(rows.count)),
                sent: held.count)
        }
        returnedPackages = packages.values.flatMap { held in
            held.compactMap { folder, received in
                received.returned.map { (folder, received.package.period, $0.on, $0.reason) }
            }
        }.sorted { ($0.folder, $0.period) < ($1.folder, $1.period) }
        if let packageLevel = settings.level.packageLevel {
            package = Package(
                level: packageLevel, code: settings.ownCode, name: settings.ownName, period: period, dataOn: asOf, units: kind,
                rows: lines.map(\.row), total: total, schools: schools)
        }
    }
}
