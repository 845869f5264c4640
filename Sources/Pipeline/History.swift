import Config
import Domain
import Figures
import Foundation
import Registry

/// The registry's past half-years, each as it stood at its end (the registry keeps every snapshot
/// it accepted): what the monitoring workbook's `Динамика` and the half-yearly report compare.
/// Worked out once: kept in the registry under the last run recorded for the half-year.
struct History {
    /// Every half-year from the one of `model_start_date` to the one before the period.
    var periods: [PeriodFigures] = []
    /// Figures worked out now and not yet kept, by their key: the caller keeps them (`keep`).
    var unkept: [(period: ReportingPeriod, key: String, data: Data)] = []

    /// Every half-year from the one of `model_start_date` to the one before `period`.
    static func before(_ period: ReportingPeriod, registry: Registry, configuration: Configuration) throws -> History {
        let start = configuration.settings.modelStartDate
        guard ReportingPeriod(containing: start).start < period.start else { return History() }
        let schools = configuration.schools.schools
        let directory = FileReading.sha256(Array(schools.map(\.code).joined(separator: "\n").utf8))
        var history = History()
        for past in ReportingPeriod.range(from: start, through: period.previous) {
            // What the registry held on the half-year's last day can only change with a run
            // recorded for a day of it: figures kept under that run are the half-year's.
            let run = try registry.lastRun(onOrBefore: past.end) ?? 0
            let key = "period \(past), run \(run), schools \(directory), layout 1"
            if let data = try registry.cachedFigures(key), let stored = try? JSONDecoder().decode(PeriodFigures.Stored.self, from: data) {
                history.periods.append(PeriodFigures(period: past, asOf: past.end, stored: stored, schools: schools))
                continue
            }
            let figures = PeriodFigures(
                period: past, asOf: past.end, snapshot: try registry.snapshot(asOf: past.end), schools: schools,
                sending: try registry.sendingFolders(from: past.start, to: past.end))
            history.periods.append(figures)
            history.unkept.append((past, key, try JSONEncoder().encode(figures.stored)))
        }
        return history
    }

    /// Keeps what was worked out; a figure that cannot be kept is a problem of the run (it will be
    /// worked out again), never a silent one.
    func keep(in registry: Registry) -> [RunProblem] {
        unkept.compactMap { entry in
            do {
                try registry.cacheFigures(entry.key, entry.data)
                return nil
            } catch {
                return .figuresNotCached(entry.period, error)
            }
        }
    }
}
