/// A half-year of statistical reporting: `2023-H1` is 1 January – 30 June 2023.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 or 2.
    public let half: Int

    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), ["H1", "H2"].contains(parts[1]) else { return nil }
        self.year = year
        half = parts[1] == "H1" ? 1 : 2
    }

    /// The half-year holding `date`.
    public init(containing date: CivilDate) {
        year = date.year
        half = date.month <= 6 ? 1 : 2
    }

    public var start: CivilDate { CivilDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var end: CivilDate { CivilDate(year: year, month: half == 1 ? 6 : 12, day: 1)!.endOfMonth() }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    public var previous: ReportingPeriod { half == 2 ? ReportingPeriod(year: year, half: 1) : ReportingPeriod(year: year - 1, half: 2) }
    public var next: ReportingPeriod { half == 1 ? ReportingPeriod(year: year, half: 2) : ReportingPeriod(year: year + 1, half: 1) }

    private init(year: Int, half: Int) {
        self.year = year
        self.half = half
    }

    /// Every half-year from the one holding `start` to `last`, in order (none when `start` is later).
    public static func range(from start: CivilDate, through last: ReportingPeriod) -> [ReportingPeriod] {
        var out: [ReportingPeriod] = []
        var period = ReportingPeriod(containing: start)
        while period.start <= last.start {
            out.append(period)
            period = period.next
        }
        return out
    }

    /// `2023-H1`.
    public var description: String { "\(year)-H\(half)" }

    /// «1-е полугодие 2023 г.».
    public var russian: String { "\(half)-е полугодие \(year) г." }
}
