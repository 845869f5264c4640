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

    /// `2023-H1`.
    public var description: String { "\(year)-H\(half)" }

    /// «1-е полугодие 2023 г.».
    public var russian: String { "\(half)-е полугодие \(year) г." }
}
