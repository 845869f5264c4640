import Config
import Deadlines
import Domain
import Figures
import Fixtures
import Foundation
import Registry

/// A hand-built registry (the real SQLite): records accepted as the nightly run would record them,
/// read back as the night's snapshot and figures.
enum RegistryFixture {
    typealias R = Records

    static func make(_ snapshots: [(school: String, rows: DatasetRows)]) throws -> Registry {
        let registry = try Registry(inMemory: ())
        let run = try registry.beginRun(startedAt: Date(timeIntervalSince1970: 0), asOf: day("2026-03-01"), period: nil)
        try registry.record(
            snapshots.enumerated().map { i, snapshot in
                let name = "\(snapshot.rows.dataset?.rawValue ?? "package").csv"
                return (
                    TakenFile(
                        folder: snapshot.school, name: name, dataset: snapshot.rows.dataset, sha256: "sha\(i)", verdict: .accepted,
                        rowCount: snapshot.rows.count, inboxPath: "\(snapshot.school)/\(name)",
                        storedPath: "archive/\(snapshot.school)/\(name)",
                        findings: []),
                    snapshot.rows
                )
            }, run: run)
        return registry
    }

    /// The snapshot and figures of a registry, as of 2026-03-01, period 2026-H1.
    static func night(_ registry: Registry, schedule: RoadmapSchedule? = nil) throws -> (RegistrySnapshot, NightFigures) {
        let snapshot = try registry.snapshot()
        var settings = Settings()
        settings.districtName = "Тетюшский район"
        let figures = NightFigures(
            snapshot: snapshot, schools: R.schools, settings: settings,
            schedule: try schedule ?? RoadmapSchedule(RoadmapPlan(items: [], path: "")), asOf: day("2026-03-01"),
            period: ReportingPeriod("2026-H1")!)
        return (snapshot, figures)
    }

    static var schools: SchoolDirectory { R.schools }

    static func scratch() -> String {
        NSTemporaryDirectory() + "nastavnik-wb-\(UUID().uuidString)"
    }
}
