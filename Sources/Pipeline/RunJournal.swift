import Foundation
import Registry

/// One JSON document per run under `var/runs/`: what the administrator reads after a night.
enum RunJournal {
    struct Document: Encodable {
        struct File: Encodable {
            let folder: String
            let name: String
            let dataset: String?
            let sha256: String
            let verdict: String
            let rows: Int
            let errors: Int
            let warnings: Int
            let stored_path: String
        }
        struct Stray: Encodable {
            let name: String
            let reason: String
            let stored_path: String
        }
        struct Left: Encodable {
            let path: String
            let reason: String
        }
        let run: Int64
        let started_at: String
        let finished_at: String
        let as_of: String
        let period: String?
        let exit_code: Int32
        let recovered: [String]
        let interrupted_runs: [Int64]
        let files: [File]
        let quarantined_unread: [Stray]
        let left_for_next_run: [Left]
    }

    /// Writes the journal; returns its path.
    @discardableResult
    static func write(_ report: RunReport, exitCode: Int32, state: String) throws -> String {
        let document = Document(
            run: report.runID, started_at: Timestamp.text(report.startedAt), finished_at: Timestamp.text(report.finishedAt),
            as_of: report.asOf.iso, period: report.period, exit_code: exitCode, recovered: report.recovered,
            interrupted_runs: report.interruptedRuns,
            files: report.files.map {
                Document.File(
                    folder: $0.folder, name: $0.name, dataset: $0.dataset?.rawValue, sha256: $0.sha256, verdict: $0.verdict.rawValue,
                    rows: $0.rowCount, errors: $0.findings.errorCount, warnings: $0.findings.warningCount, stored_path: $0.storedPath)
            },
            quarantined_unread: report.strays.map { Document.Stray(name: $0.name, reason: $0.reason, stored_path: $0.storedPath) },
            left_for_next_run: report.leftAlone.map { Document.Left(path: $0.path, reason: $0.reason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = "\(state)/runs/\(report.asOf.iso)-run\(report.runID).json"
        try AtomicWrite.write(try encoder.encode(document), to: path)
        return path
    }
}
