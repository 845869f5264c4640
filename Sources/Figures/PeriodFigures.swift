import Config
import Domain

/// The statform's figures of one half-year as they stood at its end (for the current half-year:
/// tonight), school by school and in total, with how completely the schools reported: what the
/// monitoring workbook's `Динамика` and the half-yearly report compare.
public struct PeriodFigures: Sendable {
    public var period: ReportingPeriod
    /// The day the figures stand at: the half-year's last, or tonight's.
    public var asOf: CivilDate
    /// In `schools.csv` order.
    public var rows: [StatformRow]
    public var total: StatformRow
    /// Schools that sent files to a run of the half-year.
    public var sending: [School]
    /// Schools with every dataset accepted by then.
    public var complete: [School]
    /// Schools with nothing accepted by then.
    public var withoutData: [School]

    /// `snapshot`: the registry as it stood on `asOf`; `sending`: the folders that sent files in the
    /// half-year up to then.
    public init(period: ReportingPeriod, asOf: CivilDate, snapshot: RegistrySnapshot, schools: [School], sending: Set<String>) {
        self.period = period
        self.asOf = asOf
        rows = schools.map { StatformRow(school: $0, data: snapshot[$0.code], asOf: asOf, period: period) }
        total = StatformRow.total(of: rows, code: "Итого", name: "Всего по \(schools.count) ОО")
        self.sending = schools.filter { sending.contains($0.code) }
        complete = schools.filter { school in Dataset.ofTheOrder.allSatisfy { snapshot[school.code].files[$0] != nil } }
        withoutData = schools.filter { !snapshot[$0.code].hasData }
    }
}

extension PeriodFigures {
    /// What a past half-year's figures keep from one night to the next (they change only when a
    /// run is recorded for a day of that half-year): the rows and which schools reported.
    public struct Stored: Codable, Sendable {
        var rows: [StatformRow]
        var sending: [String]
        var complete: [String]
        var withoutData: [String]
    }

    public var stored: Stored {
        Stored(rows: rows, sending: sending.map(\.code), complete: complete.map(\.code), withoutData: withoutData.map(\.code))
    }

    /// The figures kept on an earlier night, for the same schools.
    public init(period: ReportingPeriod, asOf: CivilDate, stored: Stored, schools: [School]) {
        self.period = period
        self.asOf = asOf
        rows = stored.rows
        total = StatformRow.total(of: rows, code: "Итого", name: "Всего по \(schools.count) ОО")
        func pick(_ codes: [String]) -> [School] {
            let wanted = Set(codes)
            return schools.filter { wanted.contains($0.code) }
        }
        sending = pick(stored.sending)
        complete = pick(stored.complete)
        withoutData = pick(stored.withoutData)
    }
}

/// A row of `Динамика`: a school's (or the district's) counts in one half-year, beside the
/// previous half-year's, and how it reported.
public struct DynamicsRow: Sendable {
    public var period: ReportingPeriod
    /// The school's counts, or the district's total (`Итого`).
    public var counts: StatformRow
    /// The same a half-year before; nil for the first half-year.
    public var previous: StatformRow?
    /// A school: 1 or 0; the total: how many schools.
    public var sent: Int
    public var complete: Int
    public var withoutData: Int
    public var isTotal: Bool

    /// `value − previous`, when there is a previous half-year.
    public func change(_ count: KeyPath<StatformRow, Int>) -> Int? { previous.map { counts[keyPath: count] - $0[keyPath: count] } }

    /// Every half-year's school rows then its total, oldest first.
    public static func rows(_ dynamics: [PeriodFigures]) -> [DynamicsRow] {
        var out: [DynamicsRow] = []
        var before: PeriodFigures?
        for figures in dynamics {
            let sent = Set(figures.sending.map(\.code))
            let complete = Set(figures.complete.map(\.code))
            let empty = Set(figures.withoutData.map(\.code))
            for (i, row) in figures.rows.enumerated() {
                out.append(
                    DynamicsRow(
                        period: figures.period, counts: row, previous: before?.rows[i], sent: sent.contains(row.code) ? 1 : 0,
                        complete: complete.contains(row.code) ? 1 : 0, withoutData: empty.contains(row.code) ? 1 : 0, isTotal: false))
            }
            out.append(
                DynamicsRow(
                    period: figures.period, counts: figures.total, previous: before?.total, sent: sent.count, complete: complete.count,
                    withoutData: empty.count, isTotal: true))
            before = figures
        }
        return out
    }
}
