import Configuration
import Deadlines
import Domain
import Figures
import Foundation
import Registry
import Reports

/// `nastavnik report`: the half-yearly report of any half-year, from the registry as it stood at
/// that half-year's end (the current half-year: as it stands on the as-of date). Reads the
/// registry, changes nothing in it (the past half-years' figures it works out are not kept: the
/// registry may be the district's, read-only to whoever asks).
public enum ReportOnDemand {
    public enum Failure: Error, CustomStringConvertible {
        case noRegistry(String)
        case future(ReportingPeriod)

        public var description: String {
            switch self {
            case .noRegistry(let path):
                "Реестра ещё нет (\(path)): справка составляется по принятым данным — сначала выполните nastavnik run."
            case .future(let period): "Полугодие \(period) ещё не началось — справку за него составить нельзя."
            }
        }
    }

    /// Writes `outbox/spravka-YYYY-HN.docx` and returns its path.
    public static func write(configuration: Configuration, schedule: RoadmapSchedule, asOf: CivilDate, period: ReportingPeriod?) throws
        -> String
    {
        let period = period ?? ReportingPeriod(containing: asOf)
        guard period.start <= asOf else { throw Failure.future(period) }
        guard FileManager.default.fileExists(atPath: configuration.database) else { throw Failure.noRegistry(configuration.database) }
        let registry = try Registry(path: configuration.database, readOnly: true)
        let day = period.contains(asOf) ? asOf : period.end
        let figures = NightFigures(
            snapshot: try registry.snapshot(asOf: day), schools: configuration.schools, settings: configuration.settings,
            schedule: schedule,
            asOf: day, period: period, history: try History.before(period, registry: registry, configuration: configuration).periods,
            sending: try registry.sendingFolders(from: period.start, to: day))
        let path = "\(configuration.outbox)/\(HalfYearReport.fileName(period))"
        try AtomicWrite.write(HalfYearReport.data(figures), to: path)
        return path
    }
}
