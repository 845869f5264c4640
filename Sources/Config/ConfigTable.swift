import Domain
import Foundation
import Reading
import Validation

/// A configuration CSV read with the same reader as the schools' files, with required columns
/// checked and every row's file line kept for error messages.
struct ConfigTable {
    struct Row {
        let path: String
        let line: Int
        let values: [String: String]
        subscript(_ column: String) -> String { values[column] ?? "" }
        func error(_ message: String) -> ConfigurationError { ConfigurationError(file: path, line: line, message) }
    }

    let rows: [Row]

    init(path: String, required: [String], optional: [String] = []) throws(ConfigurationError) {
        let document: CSVDocument
        do {
            document = try CSVDocument.load(path: path, maxBytes: 16 << 20)
        } catch {
            throw ConfigurationError(file: path, error.message)
        }
        let table = document.table
        guard table.count > 0 else { throw ConfigurationError(file: path, "нет строки заголовков") }
        let header = table.record(0).map(TextKey.normalize)
        var index: [String: Int] = [:]
        for column in required + optional {
            if let i = header.firstIndex(of: TextKey.normalize(column)) {
                index[column] = i
            } else if required.contains(column) {
                throw ConfigurationError(file: path, line: table.rows[0], "нет столбца «\(column)»")
            }
        }
        rows = (1..<table.count).compactMap { r in
            let values = index.mapValues { table.string(r, $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            if values.values.allSatisfy(\.isEmpty) { return nil }
            return Row(path: path, line: table.rows[r], values: values)
        }
    }
}
