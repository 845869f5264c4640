import Foundation

/// Who a roadmap item is for: the district office or every school.
public enum RoadmapLevel: String, Sendable {
    case district = "район"
    case school = "ОО"
}

/// A row of `config/roadmap.csv`: the `Срок` stays the text of the order; Deadlines interprets it.
public struct RoadmapItem: Sendable, Equatable {
    public var code: String
    public var title: String
    public var term: String
    public var level: RoadmapLevel
    public var responsible: String
    public var result: String
    /// The file line, for errors about this item.
    public var line: Int

    public init(code: String, title: String, term: String, level: RoadmapLevel, responsible: String, result: String, line: Int) {
        self.code = code
        self.title = title
        self.term = term
        self.level = level
        self.responsible = responsible
        self.result = result
        self.line = line
    }
}

/// `config/roadmap.csv`.
public struct RoadmapPlan: Sendable {
    public var items: [RoadmapItem]
    public var path: String

    public init(items: [RoadmapItem], path: String) {
        self.items = items
        self.path = path
    }

    public func codes(for level: RoadmapLevel) -> Set<String> {
        Set(items.filter { $0.level == level }.map(\.code))
    }

    public static func load(path: String) throws(ConfigurationError) -> RoadmapPlan {
        let table = try ConfigTable(
            path: path, required: ["Код", "Мероприятие", "Срок", "Уровень"], optional: ["Ответственный", "Результат"])
        var items: [RoadmapItem] = []
        for row in table.rows {
            let code = row["Код"]
            guard !code.isEmpty else { throw row.error("не заполнен «Код»") }
            guard !items.contains(where: { $0.code == code }) else { throw row.error("код «\(code)» повторяется") }
            guard !row["Мероприятие"].isEmpty else { throw row.error("не заполнено «Мероприятие»") }
            let levelText = row["Уровень"]
            guard let level = RoadmapLevel.allCases.first(where: { $0.rawValue.lowercased() == levelText.lowercased() }) else {
                throw row.error("«Уровень» должен быть «район» или «ОО», а не «\(levelText)»")
            }
            items.append(
                RoadmapItem(
                    code: code, title: row["Мероприятие"], term: row["Срок"], level: level,
                    responsible: row["Ответственный"], result: row["Результат"], line: row.line))
        }
        return RoadmapPlan(items: items, path: path)
    }
}

extension RoadmapLevel: CaseIterable {}
