import Domain

/// The units of this level in the order every output follows: `config/districts.csv` (`Код МО`,
/// `Наименование МО`) at a region, `config/regions.csv` (`Код субъекта`, `Наименование субъекта`)
/// at the country, the schools of `schools.csv` at a district. A unit's code is its inbox folder.
public struct UnitDirectory: Sendable {
    public let kind: UnitKind
    public let units: [Unit]
    private let positions: [String: Int]

    public init(kind: UnitKind, units: [Unit]) {
        self.kind = kind
        self.units = units
        positions = Dictionary(units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var codes: [String] { units.map(\.code) }

    public func unit(_ code: String) -> Unit? { positions[code].map { units[$0] } }

    /// `[a-z0-9-]+`: a folder's name.
    public static func isCode(_ code: String) -> Bool {
        !code.isEmpty && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func load(path: String, kind: UnitKind, reserved: String) throws(ConfigurationError) -> UnitDirectory {
        let table = try ConfigTable(path: path, required: [kind.codeColumn, kind.nameColumn])
        var units: [Unit] = []
        var codes: Set<String> = []
        for row in table.rows {
            let code = row[kind.codeColumn]
            let name = row[kind.nameColumn]
            guard isCode(code) else {
                throw row.error("\(kind.codeColumn) «\(code)» должен состоять из латинских строчных букв, цифр и дефиса (это имя папки)")
            }
            guard code != reserved else { throw row.error("код «\(reserved)» зарезервирован за папкой собственной дорожной карты") }
            guard codes.insert(code).inserted else { throw row.error("\(kind.codeColumn) «\(code)» повторяется") }
            guard !name.isEmpty else { throw row.error("не заполнено «\(kind.nameColumn)»") }
            units.append(Unit(code: code, name: name))
        }
        return UnitDirectory(kind: kind, units: units)
    }
}
