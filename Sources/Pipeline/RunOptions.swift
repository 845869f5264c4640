import Domain
import Foundation

/// The options of one `nastavnik run`.
public struct RunOptions: Sendable {
    public var asOf: CivilDate
    /// `2023-H1` or `2023-H2`; nil: the half-year holding `asOf`.
    public var period: String?
    public var now: Date
    /// Called after each file with its number, the number of files, and what became of it.
    public var progress: (@Sendable (Int, Int, TakenFile) -> Void)?

    public init(asOf: CivilDate, period: String?, now: Date = Date(), progress: (@Sendable (Int, Int, TakenFile) -> Void)? = nil) {
        self.asOf = asOf
        self.period = period
        self.now = now
        self.progress = progress
    }

    var reportingPeriod: ReportingPeriod { period.flatMap(ReportingPeriod.init) ?? ReportingPeriod(containing: asOf) }
}
