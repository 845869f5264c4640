import Config
import Domain

/// Whether young teachers stay (the order's Положение, 2.1, «закрепление молодых специалистов»):
/// the young teachers employed a year before the as-of date, and where each is on it. The counts of
/// one unit — a school, a district, a region — and, added up, of any level above: every rate is a
/// ratio of sums.
public struct RetentionCounts: Sendable, Codable, Equatable {
    /// Schools whose staff list the figures come from.
    public var schoolsWithStaff = 0
    /// Young teachers employed on D0 (`Молодых педагогов на <D0>`): under 35, or under 3 years of
    /// pedagogical experience, on that day.
    public var cohort = 0
    /// Of them, mentees of a programme that started on or before D0.
    public var mentored = 0
    /// Employed on the as-of date in the same school.
    public var stayed = 0
    /// Employed then in another school of the unit, not in the first.
    public var moved = 0
    /// In a school of another district (a region pairs its districts' leavers and hires).
    public var movedAway = 0
    /// In none of them.
    public var left = 0
    /// The mentored who stayed or moved.
    public var mentoredKept = 0

    public init() {}

    public var kept: Int { stayed + moved + movedAway }

    /// `Закрепление, %`: those who stayed or moved (to another school of the district, or of
    /// another district where a region paired them) per cohort × 100; nil without a cohort.
    public var rate: Double? { Self.percent(kept, of: cohort) }
    /// `Закрепление наставляемых, %`.
    public var mentoredRate: Double? { Self.percent(mentoredKept, of: mentored) }
    /// `Закрепление не наставляемых, %`.
    public var notMentoredRate: Double? { Self.percent(kept - mentoredKept, of: cohort - mentored) }

    static func percent(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) * 100 }

    public static func + (a: RetentionCounts, b: RetentionCounts) -> RetentionCounts {
        var sum = a
        sum.schoolsWithStaff += b.schoolsWithStaff
        sum.cohort += b.cohort
        sum.mentored += b.mentored
        sum.stayed += b.stayed
        sum.moved += b.moved
        sum.movedAway += b.movedAway
        sum.left += b.left
        sum.mentoredKept += b.mentoredKept
        return sum
    }

    /// The mentored, the others and all: how many there were, how many stayed or moved, the rate.
    public var groups: [(title: String, was: Int, kept: Int, rate: Double?)] {
        [
            ("в наставничестве", mentored, mentoredKept, mentoredRate),
            ("не в наставничестве", cohort - mentored, kept - mentoredKept, notMentoredRate),
            ("все", cohort, kept, rate),
        ]
    }

    /// Below this many people in either group a difference is noted as possibly chance.
    static let smallGroup = 10

    /// «Наставляемые закрепляются чаще: 80,0 % против 66,7 % у остальных» and, for small groups, a
    /// caution.
    public var comparison: String {
        let n = RussianNumbers.self
        guard let mentoredRate, let notMentoredRate else {
            return mentored == 0
                ? "Наставляемых среди них не было — сравнить не с чем." : "Все молодые педагоги были в наставничестве — сравнить не с чем."
        }
        let (a, b) = ((mentoredRate * 10).rounded(), (notMentoredRate * 10).rounded())
        let verdict =
            a > b
            ? "Наставляемые закрепляются чаще: \(n.percent(mentoredRate)) против \(n.percent(notMentoredRate)) у остальных."
            : a < b
                ? "Наставляемые закрепляются реже: \(n.percent(mentoredRate)) против \(n.percent(notMentoredRate)) у остальных."
                : "Наставляемые и остальные закрепляются одинаково: \(n.percent(mentoredRate))."
        let others = cohort - mentored
        guard min(mentored, others) < Self.smallGroup else { return verdict }
        return verdict + " Групп мало (\(n.integer(mentored)) и \(n.integer(others)) человек) — разница может быть случайной."
    }

    /// What a leaver found among another district's hires becomes: a move, not a loss.
    mutating func leaverFoundElsewhere(mentored wasMentored: Bool) {
        left -= 1
        movedAway += 1
        if wasMentored { mentoredKept += 1 }
    }
}

/// The year's leavers and hires of a district under keyed pseudonyms (`LinkKey`), for its region to
/// tell a move to another district from leaving. No other personal field: which school, when,
/// why, stay behind.
public struct StaffLinks: Sendable, Codable, Equatable {
    /// A young teacher of a school's cohort who is employed nowhere in the district on the as-of
    /// date: once per school whose cohort they were in.
    public struct Leaver: Sendable, Codable, Equatable, Hashable {
        public var pseudonym: String
        public var mentored: Bool

        public init(pseudonym: String, mentored: Bool) {
            self.pseudonym = pseudonym
            self.mentored = mentored
        }
    }

    public var leavers: [Leaver] = []
    /// People employed on the as-of date who were hired after D0, each once.
    public var hires: [String] = []

    public init(leavers: [Leaver] = [], hires: [String] = []) {
        self.leavers = leavers
        self.hires = hires
    }
}

/// The district's retention: a row per school of `schools.csv`, the total, and, with a link key,
/// the pseudonyms of the year's leavers and hires.
public struct Retention: Sendable {
    /// The day a year before the as-of date: the cohort is taken on it.
    public var start: CivilDate
    public var asOf: CivilDate
    public var rows: [RetentionCounts]
    public var total: RetentionCounts
    public var links: StaffLinks?

    /// Young on D0: under 35 full years, or under 3 full years since pedagogical work began.
    public static func isYoung(_ person: StaffRecord, on day: CivilDate) -> Bool {
        YoungTeacher.isUnder35(born: person.birthDate, on: day)
            || YoungTeacher.isYoungSpecialist(experienceYears: Double(person.teachingSince.fullYears(on: day)))
    }

    /// The year to `asOf`: D0 is the same day a year before (29 February: the 28th).
    public static func start(of asOf: CivilDate) -> CivilDate { asOf.adding(months: -12) }

    /// `pseudonym`: the link key's, when the district has one.
    public init(snapshot: RegistrySnapshot, schools: [School], asOf: CivilDate, pseudonym: (@Sendable (Snils) -> String)? = nil) {
        let start = Self.start(of: asOf)
        self.start = start
        self.asOf = asOf
        let lists = schools.map { snapshot[$0.code] }
        // Where each person works on the as-of date; who was mentored by D0.
        var employedAt: [Snils: Set<Int>] = [:]
        var hires: Set<Snils> = []
        var mentored: Set<Snils> = []
        for (index, data) in lists.enumerated() {
            for person in data.staff where person.isEmployed(on: asOf) {
                employedAt[person.snils, default: []].insert(index)
                if person.hiredOn > start { hires.insert(person.snils) }
            }
            for program in data.programs where program.startDate <= start { mentored.formUnion(program.mentees) }
        }
        var leavers: [StaffLinks.Leaver] = []
        rows = lists.enumerated().map { index, data in
            var row = RetentionCounts()
            guard !data.staff.isEmpty else { return row }
            row.schoolsWithStaff = 1
            var counted: Set<Snils> = []
            for person in data.staff where person.isEmployed(on: start) && Self.isYoung(person, on: start) {
                guard counted.insert(person.snils).inserted else { continue }
                let isMentored = mentored.contains(person.snils)
                row.cohort += 1
                if isMentored { row.mentored += 1 }
                let now = employedAt[person.snils] ?? []
                if now.contains(index) {
                    row.stayed += 1
                } else if !now.isEmpty {
                    row.moved += 1
                } else {
                    row.left += 1
                    if let pseudonym { leavers.append(StaffLinks.Leaver(pseudonym: pseudonym(person.snils), mentored: isMentored)) }
                    continue
                }
                if isMentored { row.mentoredKept += 1 }
            }
            return row
        }
        total = rows.reduce(RetentionCounts(), +)
        links = pseudonym.map { pseudonym in
            StaffLinks(
                leavers: leavers.sorted { ($0.pseudonym, $0.mentored ? 1 : 0) < ($1.pseudonym, $1.mentored ? 1 : 0) },
                hires: hires.map(pseudonym).sorted())
        }
    }
}

extension Array where Element == RetentionCounts {
    /// A region's lines of districts with their leavers found among another district's hires
    /// counted as moves: `links[i]` are line i's (nil: its package carries none).
    public func pairingMoves(_ links: [StaffLinks?]) -> [RetentionCounts] {
        var hiredBy: [String: Set<Int>] = [:]
        for (i, unit) in links.enumerated() {
            for hire in unit?.hires ?? [] { hiredBy[hire, default: []].insert(i) }
        }
        var out = self
        for (i, unit) in links.enumerated() {
            for leaver in unit?.leavers ?? [] where hiredBy[leaver.pseudonym]?.contains(where: { $0 != i }) ?? false {
                out[i].leaverFoundElsewhere(mentored: leaver.mentored)
            }
        }
        return out
    }
}
