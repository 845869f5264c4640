import Domain
import Foundation
import Reading
import Validation

/// A school of the district, as `config/schools.csv` lists it.
public struct School: Sendable, Equatable {
    /// `Код ОО`: the school's inbox folder name.
    public var code: String
    public var name: String
    public var shortName: String
    public var inn: String

    public init(code: String, name: String, shortName: String, inn: String) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.inn = inn
    }
}

/// `config/schools.csv`: the district's schools in the order every output follows.
public struct SchoolDirectory: Sendable {
    public var schools: [School]
    /// The district's own folder (its roadmap); not a school.
    public static let districtFolder = "district"

    public init(schools: [School]) { self.schools = schools }

    public func school(_ code: String) -> School? { schools.first { $0.code == code } }

    public static func load(path: String) throws(ConfigurationError) -> SchoolDirectory {
        let table = try ConfigTable(path: path, required: ["Код ОО", "Наименование ОО", "Краткое наименование", "ИНН"])
        var schools: [School] = []
        for row in table.rows {
            let code = row["Код ОО"], name = row["Наименование ОО"], inn = row["ИНН"]
            let short = row["Краткое наименование"].isEmpty ? name : row["Краткое наименование"]
            guard !code.isEmpty, code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
                code.unicodeScalars.allSatisfy(\.isASCII)
            else {
                throw row.error("Код ОО «\(code)» должен состоять из латинских строчных букв, цифр и дефиса (это имя папки)")
            }
            guard code != districtFolder else {
                throw row.error("код «\(districtFolder)» зарезервирован за папкой отдела образования")
            }
            guard !schools.contains(where: { $0.code == code }) else { throw row.error("Код ОО «\(code)» повторяется") }
            guard !name.isEmpty else { throw row.error("не заполнено «Наименование ОО»") }
            guard InnCheck.isValid(inn) else {
                throw row.error("ИНН «\(inn)» неверен: нужно 10 цифр с верной контрольной цифрой")
            }
            schools.append(School(code: code, name: name, shortName: short, inn: inn))
        }
        return SchoolDirectory(schools: schools)
    }
}

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
