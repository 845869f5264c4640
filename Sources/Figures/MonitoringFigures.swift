import Config
import Deadlines
import Domain

/// A school's row of `Мониторинг` (SPEC §7).
public struct MonitoringRow: Sendable {
    public var school: School
    /// Curators' full names, in row order.
    public var curators: [String]
    public var intake: SchoolIntake
    public var programsActive: Int
    public var overdueItems: Int
    public var siteURL: String?
    public var mentors: Int
    public var mentees: Int
    public var programDeadlines: Int
}

/// A row of `Дорожная карта`: an item with its date and how it stands.
public struct RoadmapRow: Sendable {
    public var item: RoadmapItem
    /// `Срок (дата)`: the due date, a window's end, the current period's end; nil when ongoing.
    public var nominalDue: CivilDate?
    /// A district item: its SPEC §6 status. A school item: how many schools are done and overdue.
    public var status: String
}

extension RoadmapRow {
    static func rows(deadlines: DeadlineReport, schools: [String]) -> [RoadmapRow] {
        (deadlines.districtItems + deadlines.schoolItems).map { scheduled in
            let item = scheduled.item
            let status: String
            if item.level == .district {
                status = deadlines.district[item.code]?.status.rawValue ?? ""
            } else if scheduled.term == .ongoing {
                status = DeadlineStatus.ongoing.rawValue
            } else {
                let all = schools.compactMap { deadlines.schools[$0]?[item.code]?.status }
                let done = all.count { $0 == .doneOnTime || $0 == .doneLate }
                let overdue = all.count { $0 == .overdue }
                status = "выполнили \(done) из \(all.count) ОО; просрочено: \(overdue)"
            }
            return RoadmapRow(item: item, nominalDue: deadlines.rules.nominalDue(scheduled.term), status: status)
        }
    }
}

/// One СНИЛС listed under more than one spelling (SPEC §5), for the monitoring workbook: every
/// entry of the number, in school and list order.
public struct SpellingGroup: Sendable {
    public var snils: Snils
    public var entries: [PersonEntry]

    static func groups(in snapshot: RegistrySnapshot, folders: [String]) -> [SpellingGroup] {
        // Most numbers are listed once: count them first, and gather the entries of the others.
        let lists = folders.map { snapshot[$0] }
        var listed: [Snils: Int] = [:]
        listed.reserveCapacity(lists.reduce(0) { $0 + $1.curators.count + $1.mentors.count + $1.mentees.count })
        for data in lists {
            for snils in data.snilses { listed[snils, default: 0] += 1 }
        }
        var bySnils: [Snils: [PersonEntry]] = [:]
        for (folder, data) in zip(folders, lists) where data.snilses.contains(where: { listed[$0, default: 0] > 1 }) {
            for person in data.people(school: folder) where listed[person.snils, default: 0] > 1 {
                bySnils[person.snils, default: []].append(person)
            }
        }
        return bySnils.filter { Set($0.value.map(\.name.spellingKey)).count > 1 }
            .map { SpellingGroup(snils: $0.key, entries: $0.value) }.sorted { $0.snils < $1.snils }
    }
}

extension RegistrySnapshot.Folder {
    /// The numbers of the folder's curators, mentors and mentees, in that order.
    fileprivate var snilses: some Sequence<Snils> {
        curators.lazy.map(\.snils) + mentors.lazy.map(\.snils) + mentees.lazy.map(\.snils)
    }
}
