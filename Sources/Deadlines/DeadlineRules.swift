import Domain

/// The statuses of SPEC §6.
public enum DeadlineStatus: String, Sendable, CaseIterable, Codable {
    case doneOnTime = "выполнено в срок"
    case doneLate = "выполнено с нарушением срока"
    case overdue = "просрочено"
    case dueSoon = "срок наступает"
    case notYetDue = "срок не наступил"
    case ongoing = "постоянно"
}

/// How one roadmap item stands for one school (or the district) on the as-of date.
public struct ItemStatus: Sendable, Equatable {
    public var status: DeadlineStatus
    /// The date the status is judged against: the due date; for a recurring item the end of the
    /// missed period when overdue, else of the current period; nil for ongoing items.
    public var due: CivilDate?
    /// The latest completion reported, if any.
    public var lastDone: CivilDate?
}

/// The rules of SPEC §6, for one item and one reporter's completions.
public struct DeadlineRules: Sendable {
    public var asOf: CivilDate
    public var modelStart: CivilDate
    public var dueSoonDays: Int

    public init(asOf: CivilDate, modelStart: CivilDate, dueSoonDays: Int) {
        self.asOf = asOf
        self.modelStart = modelStart
        self.dueSoonDays = dueSoonDays
    }

    public func evaluate(_ term: Term, completions: [CivilDate]) -> ItemStatus {
        let last = completions.max()
        switch term {
        case .ongoing:
            return ItemStatus(status: .ongoing, due: nil, lastDone: last)
        case .due(let date):
            return ItemStatus(status: oneOff(due: date, completions), due: date, lastDone: last)
        case .window(_, let end):
            return ItemStatus(status: oneOff(due: end, completions), due: end, lastDone: last)
        case .firstYear:
            let end = CivilDate(year: modelStart.year + 1, month: modelStart.month, day: 1)!
                .adding(days: modelStart.day - 1).adding(days: -1)
            return ItemStatus(status: oneOff(due: end, completions), due: end, lastDone: last)
        case .recurring(let days):
            return recurring(.days(days), completions)
        case .weekly:
            return recurring(.week, completions)
        }
    }

    /// The date shown beside an item for everyone (`Срок (дата)`): the due date, a window's end,
    /// the current period's end for recurring items; nil when ongoing.
    public func nominalDue(_ term: Term) -> CivilDate? {
        switch term {
        case .ongoing: nil
        case .recurring(let days): Period(containing: max(asOf, modelStart), .days(days)).end
        case .weekly: Period(containing: max(asOf, modelStart), .week).end
        default: evaluate(term, completions: []).due
        }
    }

    /// A one-off item due on `due`.
    func oneOff(due: CivilDate, _ completions: [CivilDate]) -> DeadlineStatus {
        if completions.contains(where: { $0 <= due }) { return .doneOnTime }
        if !completions.isEmpty { return .doneLate }
        let daysLeft = asOf.days(until: due)
        if daysLeft < 0 { return .overdue }
        return daysLeft <= dueSoonDays ? .dueSoon : .notYetDue
    }

    /// Periods between the due days (quarters, half-years, months, years, or the days a roadmap
    /// names), or weeks, from the one holding the model's start: the most recent ended period
    /// without a completion makes the item overdue; otherwise the current period is judged as a
    /// one-off item due at its end, counting completions inside it. A weekly item is so done in
    /// every week, from Monday to Sunday: a week without a completion makes it overdue until the
    /// next week ends.
    func recurring(_ cadence: Period.Cadence, _ completions: [CivilDate]) -> ItemStatus {
        let last = completions.max()
        let current = Period(containing: max(asOf, modelStart), cadence)
        if asOf >= modelStart, let previous = current.previous, previous.end >= Period(containing: modelStart, cadence).start,
            !completions.contains(where: previous.contains)
        {
            return ItemStatus(status: .overdue, due: previous.end, lastDone: last)
        }
        let inside = completions.filter(current.contains)
        return ItemStatus(status: oneOff(due: current.end, inside), due: current.end, lastDone: last)
    }
}

/// A period of a recurring item: from the day after one due day to the next, or a week.
public struct Period: Sendable, Equatable {
    public var start: CivilDate
    public var end: CivilDate
    let cadence: Cadence

    /// How a recurring item's periods run.
    enum Cadence: Sendable, Equatable {
        /// Between days of the year.
        case days([DueDay])
        /// Monday to Sunday.
        case week
    }

    /// The period holding `date`: ending on the first due day on or after it, or its week.
    init(containing date: CivilDate, _ cadence: Cadence) {
        switch cadence {
        case .days(let dueDays):
            let sorted = dueDays.sorted()
            let dues = (date.year - 1...date.year + 1).flatMap { year in sorted.map { $0.date(in: year) } }
            let index = dues.firstIndex { $0 >= date }!
            end = dues[index]
            start = dues[index - 1].adding(days: 1)
        case .week:
            // 1 January 1970 was a Thursday: days since a Monday.
            let sinceMonday = ((date.daysSinceEpoch + 3) % 7 + 7) % 7
            start = date.adding(days: -sinceMonday)
            end = start.adding(days: 6)
        }
        self.cadence = cadence
    }

    var previous: Period? { Period(containing: start.adding(days: -1), cadence) }

    func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }
}
