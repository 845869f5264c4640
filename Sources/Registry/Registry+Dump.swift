import Domain
import Foundation
import GRDB

extension Registry {
    /// Every data table and file record in a stable order, without run times: what "the same
    /// registry content" means for the determinism and crash tests.
    public func contentDump() throws -> String {
        try queue.read { db in
            var out = ""
            let queries =
                [
                    "SELECT folder, name, sheet, dataset, sha256, verdict, row_count, stored_path, moved FROM source_file "
                        + "ORDER BY folder, name, sheet, sha256, verdict",
                    "SELECT f.folder, f.name, f.sheet, fi.seq, fi.severity, fi.row, fi.column_name, fi.value, fi.message FROM finding fi "
                        + "JOIN source_file f ON f.id = fi.file_id ORDER BY f.folder, f.name, f.sheet, f.sha256, fi.seq",
                    "SELECT s.school, s.dataset, f.name, f.sha256, s.replaced_by_run IS NULL FROM snapshot s "
                        + "JOIN source_file f ON f.id = s.file_id ORDER BY s.school, s.dataset, f.name, f.sha256",
                ]
                + Dataset.allCases.map(\.table).map {
                    "SELECT s.school, f.sha256, r.* FROM \($0) r JOIN snapshot s ON s.id = r.snapshot_id "
                        + "JOIN source_file f ON f.id = s.file_id ORDER BY s.school, f.sha256, r.row"
                }
            for sql in queries {
                out += "# \(sql)\n"
                for row in try Row.fetchAll(db, sql: sql) {
                    out +=
                        row.databaseValues.map { $0.isNull ? "∅" : "\($0)" }.joined(separator: " | ")
                        .replacingOccurrences(of: "\n", with: "\\n") + "\n"
                }
            }
            return out
        }
    }

    /// Counts of current rows per school and dataset, for summaries and tests.
    public func currentCounts() throws -> [String: [Dataset: Int]] {
        try queue.read { db in
            var counts: [String: [Dataset: Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.school, s.dataset, f.row_count FROM snapshot s JOIN source_file f ON f.id = s.file_id
                    WHERE s.replaced_by_run IS NULL
                    """)
            {
                guard let dataset = Dataset(rawValue: row[1]) else { continue }
                counts[row[0], default: [:]][dataset] = row[2]
            }
            return counts
        }
    }
}
