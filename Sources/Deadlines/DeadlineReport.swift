import Domain

/// A deadline finding about a programme (SPEC §6), for the district and the school.
public struct ProgramDeadline: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case notClosed = "не закрыта в срок"
        case resultsNotPublished = "результаты не опубликованы"
        case unusualDuration = "срок вне 3–12 месяцев"
    }
    public var school: String
    public var number: String
    public var mentor: Snils
    public var kind: Kind
    /// The date the finding is about: the end date, or the closing date.
    public var date: CivilDate
    public var message: String
}

/// Every deadline on the as-of date: each school's `ОО` items, the district's `район` items and the
/// programmes' own deadlines. Computed once per run; receipts and workbooks only show it.
public struct DeadlineReport: Sendable {
    public var asOf: CivilDate
    public var schoolItems: [ScheduledItem]
    public var districtItems: [ScheduledItem]
    /// School code → item code → status.
    public var schools: [String: [String: ItemStatus]]
    /// Item code → status, from the district's own roadmap file.
    public var district: [String: ItemStatus]
    public let programs: [ProgramDeadline]
    public var rules: DeadlineRules
    /// School code → its programmes' findings (for its receipt), grouped once.
    private let programsBySchool: [String: [ProgramDeadline]]

    /// The programme findings of one school.
    public func programs(of school: String) -> [ProgramDeadline] { programsBySchool[school] ?? [] }

    /// `Просрочено мероприятий`: items (not periods) overdue for the school.
    public func overdueCount(school: String) -> Int {
        schools[school]?.values.count { $0.status == .overdue } ?? 0
    }

    public init(schedule: RoadmapSchedule, schools: [String], snapshot: RegistrySnapshot, rules: DeadlineRules, districtFolder: String) {
        asOf = rules.asOf
        self.rules = rules
        let schoolItems = schedule.items(for: .school)
        let districtItems = schedule.items(for: .district)
        func statuses(_ items: [ScheduledItem], _ folder: String) -> [String: ItemStatus] {
            let done = Dictionary(grouping: snapshot[folder].roadmap, by: \.itemCode).mapValues { $0.map(\.doneDate) }
            return Dictionary(
                uniqueKeysWithValues: items.map { ($0.item.code, rules.evaluate($0.term, completions: done[$0.item.code] ?? [])) })
        }
        self.schoolItems = schoolItems
        self.districtItems = districtItems
        self.schools = Dictionary(uniqueKeysWithValues: schools.map { ($0, statuses(schoolItems, $0)) })
        district = statuses(districtItems, districtFolder)
        programs = schools.flatMap { school in snapshot[school].programs.flatMap { Self.findings($0, school: school, asOf: rules.asOf) } }
        programsBySchool = Dictionary(grouping: programs, by: \.school)
    }

    /// The programme rules of SPEC §6: still running after its end date; completed with no results
    /// published 30 days after closing (п. 4.15); a planned duration outside 3–12 months.
    static func findings(_ program: ProgramRecord, school: String, asOf: CivilDate) -> [ProgramDeadline] {
        var out: [ProgramDeadline] = []
        func add(_ kind: ProgramDeadline.Kind, _ date: CivilDate, _ message: String) {
            out.append(
                ProgramDeadline(school: school, number: program.number, mentor: program.mentor, kind: kind, date: date, message: message))
        }
        if program.status == .running, program.endDate < asOf {
            add(
                .notClosed, program.endDate,
                "Программа «\(program.number)» в статусе «реализуется», хотя срок окончания \(program.endDate.russian) прошёл: "
                    + "закройте её или продлите."
            )
        }
        if program.status == .completed, let closed = program.closedDate, program.resultsURL == nil, closed.adding(days: 30) < asOf {
            add(
                .resultsNotPublished, closed,
                "Программа «\(program.number)» завершена \(closed.russian), а результаты не опубликованы (п. 4.15): укажите ссылку на них.")
        }
        if !ProgramRecord.isTypicalDuration(from: program.startDate, to: program.endDate) {
            add(
                .unusualDuration, program.endDate,
                "Срок программы «\(program.number)» \(program.startDate.russian)–\(program.endDate.russian) "
                    + "вне 3–12 месяцев персонализированной программы."
            )
        }
        return out
    }
}
