import Config
import Deadlines
import Domain
import Figures
import Foundation
import Registry
import Reports
import Workbooks

/// `nastavnik report` and `nastavnik approve`: any half-year's report and package, from the
/// registry as it stood at that half-year's end (the current half-year: as it stands on the as-of
/// date); and the approval of a half-year's package.
public enum ReportOnDemand {
    public enum Failure: Error, CustomStringConvertible {
        case noRegistry(String)
        case future(ReportingPeriod)
        case noApproval(ReportingPeriod)
        case topLevel

        public var description: String {
            switch self {
            case .noRegistry(let path):
                "Реестра ещё нет (\(path)): справка составляется по принятым данным — сначала выполните nastavnik run."
            case .future(let period): "Полугодие \(period) ещё не началось — справку за него составить нельзя."
            case .noApproval(let period): "Пакет за \(period) не утверждён — отзывать нечего."
            case .topLevel: "На федеральном уровне пакет никуда не отправляется — утверждать нечего."
            }
        }
    }

    /// A half-year's figures and package, as the registry held them.
    struct Half {
        var period: ReportingPeriod
        var day: CivilDate
        var report: Data
        var package: Package?
    }

    static func half(
        configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod?, registry: Registry
    ) throws -> Half {
        let period = period ?? ReportingPeriod(containing: asOf)
        guard period.start <= asOf else { throw Failure.future(period) }
        let day = period.contains(asOf) ? asOf : period.end
        let snapshot = try registry.snapshot(asOf: day)
        if configuration.level != .district {
            let figures = LevelFigures(
                configuration: configuration, schedule: schedule, asOf: day, period: period, packages: try Approvals.unitPackages(registry),
                snapshot: snapshot)
            return Half(period: period, day: day, report: try LevelReport.data(figures), package: figures.package)
        }
        let figures = NightFigures(
            snapshot: snapshot, schools: configuration.schools, settings: configuration.settings, schedule: schedule,
            asOf: day, period: period, history: try History.before(period, registry: registry, configuration: configuration).periods,
            sending: try registry.sendingFolders(from: period.start, to: day), linkKey: configuration.linkKey)
        return Half(period: period, day: day, report: try HalfYearReport.data(figures), package: figures.package)
    }

    static func registry(_ configuration: Configuration, readOnly: Bool) throws -> Registry {
        guard FileManager.default.fileExists(atPath: configuration.database) else { throw Failure.noRegistry(configuration.database) }
        return try Registry(path: configuration.database, readOnly: readOnly)
    }

    /// Writes `outbox/spravka-YYYY-HN.docx` and the half-year's package (as approved, if it was)
    /// in `outbox/upward/`; returns their paths.
    public static func write(configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod?) throws
        -> [String]
    {
        let registry = try registry(configuration, readOnly: true)
        let half = try half(configuration: configuration, schedule: schedule, asOf: asOf, period: period, registry: registry)
        let place = OutputPlace(outbox: configuration.outbox, asOf: half.day)
        let path = place.report(half.period)
        try AtomicWrite.write(half.report, to: path)
        guard let package = try Approvals.approved(half.period, registry: registry) ?? half.package else { return [path] }
        return [path, try PackageWorkbook.write(package, place: place)]
    }

    /// `nastavnik approve`: records who approved the half-year's figures as they stand now, and
    /// writes the package so; returns its path.
    public static func approve(
        configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod, by: String, now: Date = Date()
    ) throws -> String {
        let registry = try registry(configuration, readOnly: false)
        let half = try half(configuration: configuration, schedule: schedule, asOf: asOf, period: period, registry: registry)
        guard let package = half.package?.approved(by: by, on: asOf) else { throw Failure.topLevel }
        try registry.approve(period: period.description, by: by, on: asOf, content: Array(try JSONEncoder().encode(package)), at: now)
        return try PackageWorkbook.write(package, place: OutputPlace(outbox: configuration.outbox, asOf: half.day))
    }

    /// `nastavnik approve --withdraw`: reopens the half-year (recorded with why); the package is
    /// written again as preliminary, with the figures as they stand now.
    public static func withdraw(
        configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod, reason: String,
        now: Date = Date()
    ) throws -> String {
        let registry = try registry(configuration, readOnly: false)
        guard try registry.withdrawApproval(period: period.description, reason: reason, at: now) else { throw Failure.noApproval(period) }
        let half = try half(configuration: configuration, schedule: schedule, asOf: asOf, period: period, registry: registry)
        guard let package = half.package else { throw Failure.topLevel }
        return try PackageWorkbook.write(package, place: OutputPlace(outbox: configuration.outbox, asOf: half.day))
    }
}

/// `nastavnik region return`: a unit's accepted package of a half-year returned, until a new one.
public enum PackageReturn {
    public static func returnPackage(
        configuration: Configuration, folder: String, period: ReportingPeriod, on day: CivilDate, reason: String
    )
        throws -> Bool
    {
        try ReportOnDemand.registry(configuration, readOnly: false).returnPackage(
            folder: folder, period: period.description, on: day, reason: reason)
    }
}
