import Configuration
import Domain
import Figures
import Foundation
import Registry

/// The registry's past half-years, each as it stood at its end (the registry keeps every snapshot
/// it accepted): what the monitoring workbook's `Динамика` and the half-yearly report compare.
enum History {
    /// Every half-year from the one of `model_start_date` to the one before `period`.
    static func before(_ period: ReportingPeriod, registry: Registry, configuration: Configuration) throws -> [PeriodFigures] {
        let start = configuration.settings.modelStartDate
        guard ReportingPeriod(containing: start).start < period.start else { return [] }
        let schools = configuration.schools.schools
        let directory = FileReading.sha256(Array(schools.map(\.code).joined(separator: "\n").utf8))
        return try ReportingPeriod.range(from: start, through: period.previous).map { past in
            // What the registry held on the half-year's last day can only change with a run
            // recorded for a day of it: figures kept under that run are the half-year's.
            let run = try registry.lastRun(onOrBefore: past.end) ?? 0
            let key = "period \(past), run \(run), schools \(directory), layout 1"
            if let data = try registry.cachedFigures(key), let stored = try? JSONDecoder().decode(PeriodFigures.Stored.self, from: data) {
                return PeriodFigures(period: past, asOf: past.end, stored: stored, schools: schools)
            }
            let figures = PeriodFigures(
                period: past, asOf: past.end, snapshot: try registry.snapshot(asOf: past.end), schools: schools,
                sending: try registry.sendingFolders(from: past.start, to: past.end))
            // `report` reads a registry it may not write: the figures are then worked out again next time.
            try? registry.cacheFigures(key, try JSONEncoder().encode(figures.stored))
            return figures
        }
    }
}
