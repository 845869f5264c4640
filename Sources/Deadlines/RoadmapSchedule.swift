import Config
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
                    "срок «\(item.term)» мероприятия \(item.code) не распознан или понимается двояко. Понятные сроки: "
                        + "дата («30.01.2023», «30 января 2023 г.», «до 01.09.2023», «до конца 2023 года»), месяц («Декабрь 2022 г.»), "
                        + "квартал («I квартал 2023 г.», «1-2 квартал 2024»), год («в течение 2023 года»), "
                        + "учебный год («2023-2024 учебный год»), промежуток («20 - 25 января 2023 г.», «декабрь 2023 – январь 2024», "
                        + "«с 1 по 15 сентября 2023 г.»), повторяющиеся («ежемесячно», «Ежеквартально», «1 раз в полугодие», "
                        + "«ежегодно», «ежегодно до 25 мая», «август, январь»), «В течение года», "
                        + "без срока («В течение всего периода реализации», «постоянно», «по мере необходимости»)")
            }
            items.append(ScheduledItem(item: item, term: term))
        }
    }

    public func items(for level: RoadmapLevel) -> [ScheduledItem] { items.filter { $0.item.level == level } }
}
