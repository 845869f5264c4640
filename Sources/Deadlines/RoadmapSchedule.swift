import Configuration
import Domain

/// A roadmap item with its `Срок` understood.
public struct ScheduledItem: Sendable {
    public var item: RoadmapItem
    public var term: Term
}

/// `config/roadmap.csv` read as deadlines; built before a run touches anything.
public struct RoadmapSchedule: Sendable {
    public var items: [ScheduledItem]

    /// Fails on the first `Срок` it does not understand, naming the file, line and text (exit 2).
    public init(_ plan: RoadmapPlan) throws(ConfigurationError) {
        items = []
        for item in plan.items {
            guard let term = TermParser.parse(item.term) else {
                throw ConfigurationError(
                    file: plan.path, line: item.line,
                    "срок «\(item.term)» мероприятия \(item.code) не распознан. Примеры понятных сроков: «Декабрь 2022 г.», "
                        + "«20 - 25 января 2023 г.», «до 30 января 2023 года», «30.01.2023», «Ежеквартально», "
                        + "«1 раз в полугодие», «В течение года», «В течение всего периода реализации»")
            }
            items.append(ScheduledItem(item: item, term: term))
        }
    }

    public func items(for level: RoadmapLevel) -> [ScheduledItem] { items.filter { $0.item.level == level } }
}
