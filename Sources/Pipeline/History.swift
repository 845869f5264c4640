import Configuration
import Domain
import Figures
import Registry

/// The registry's past half-years, each as it stood at its end (the registry keeps every snapshot
/// it accepted): what the monitoring workbook's `Динамика` and the half-yearly report compare.
enum History {
    /// Every half-year from the one of `model_start_date` to the one before `period`.
    static func before(_ period: ReportingPeriod, registry: Registry, configuration: Configuration) throws -> [PeriodFigures] {
        let start = configuration.settings.modelStartDate
        guard ReportingPeriod(containing: start).start < period.start else { return [] }
        let schools = configuration.schools.schools
        return try ReportingPeriod.range(from: start, through: period.previous).map { past in
            PeriodFigures(
                period: past, asOf: past.end, snapshot: try registry.snapshot(asOf: past.end), schools: schools,
                sending: try registry.sendingFolders(from: past.start, to: past.end))
        }
    }
}
