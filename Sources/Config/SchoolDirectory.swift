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
    public let schools: [School]
    /// Code → position in `schools`: a school is found by its folder without a search.
    private let positions: [String: Int]
    /// The district's own folder (its roadmap); not a school.
    public static let districtFolder = "district"

    public init(schools: [School]) {
        self.schools = schools
        positions = Dictionary(schools.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func school(_ code: String) -> School? { positions[code].map { schools[$0] } }

    public static func load(path: String) throws(ConfigurationError) -> SchoolDirectory {
        let table = try ConfigTable(path: path, required: ["Код ОО", "Наименование ОО", "Краткое наименование", "ИНН"])
        var schools: [School] = []
        var codes: Set<String> = []
        for row in table.rows {
            let code = row["Код ОО"]
            let name = row["Наименование ОО"]
            let inn = row["ИНН"]
            let short = row["Краткое наименование"].isEmpty ? name : row["Краткое наименование"]
            guard !code.isEmpty, code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
                code.unicodeScalars.allSatisfy(\.isASCII)
            else {
                throw row.error("Код ОО «\(code)» должен состоять из латинских строчных букв, цифр и дефиса (это имя папки)")
            }
            guard code != districtFolder else {
                throw row.error("код «\(districtFolder)» зарезервирован за папкой отдела образования")
            }
            guard codes.insert(code).inserted else { throw row.error("Код ОО «\(code)» повторяется") }
            guard !name.isEmpty else { throw row.error("не заполнено «Наименование ОО»") }
            guard InnCheck.isValid(inn) else {
                throw row.error("ИНН «\(inn)» неверен: нужно 10 цифр с верной контрольной цифрой")
            }
            schools.append(School(code: code, name: name, shortName: short, inn: inn))
        }
        return SchoolDirectory(schools: schools)
    }
}
