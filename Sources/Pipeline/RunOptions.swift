import Domain
import Foundation

/// The options of one `nastavnik run`.
public struct RunOptions: Sendable {
    public var asOf: CivilDate
    /// The statform's half-year; nil: the half-year holding `asOf`.
    public var period: ReportingPeriod?
    public var now: Date
    /// Called after each file with its number, the number of files, and what became of it.
    public var progress: (@Sendable (Int, Int, TakenFile) -> Void)?

    public init(
        asOf: CivilDate, period: ReportingPeriod?, now: Date = Date(), progress: (@Sendable (Int, Int, TakenFile) -> Void)? = nil
    ) {
        self.asOf = asOf
        self.period = period
        self.now = now
        self.progress = progress
    }

    var reportingPeriod: ReportingPeriod { period ?? ReportingPeriod(containing: asOf) }
}
