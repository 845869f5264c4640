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
            let storedPath: String
        }
        struct Stray: Encodable {
            let name: String
            let reason: String
            let storedPath: String
        }
        struct Left: Encodable {
            let path: String
            let reason: String
        }
        let run: Int64
        let startedAt: String
        let finishedAt: String
        let asOf: String
        let period: String?
        let exitCode: Int32
        let recovered: [String]
        let interruptedRuns: [Int64]
        let files: [File]
        let quarantinedUnread: [Stray]
        let leftForNextRun: [Left]
    }

    /// Writes the journal; returns its path.
    @discardableResult
    static func write(_ report: RunReport, exitCode: Int32, state: String) throws -> String {
        let document = Document(
            run: report.runID, startedAt: Timestamp.text(report.startedAt), finishedAt: Timestamp.text(report.finishedAt),
            asOf: report.asOf.iso, period: report.period, exitCode: exitCode, recovered: report.recovered,
            interruptedRuns: report.interruptedRuns,
            files: report.files.map {
                Document.File(
                    folder: $0.folder, name: $0.name, dataset: $0.dataset?.rawValue, sha256: $0.sha256, verdict: $0.verdict.rawValue,
                    rows: $0.rowCount, errors: $0.findings.errorCount, warnings: $0.findings.warningCount, storedPath: $0.storedPath)
            },
            quarantinedUnread: report.strays.map { Document.Stray(name: $0.name, reason: $0.reason, storedPath: $0.storedPath) },
            leftForNextRun: report.leftAlone.map { Document.Left(path: $0.path, reason: $0.reason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let path = "\(state)/runs/\(report.asOf.iso)-run\(report.runID).json"
        try AtomicWrite.write(try encoder.encode(document), to: path)
        return path
    }
}
