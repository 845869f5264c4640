import Domain
import Foundation
import XLSX

/// Where each workbook goes and how it is stamped.
public struct OutputPlace: Sendable {
    public var outbox: String
    public var asOf: CivilDate
    /// Where workbooks are written before they are renamed into place (`Workbook`): the nightly
    /// run empties it of what a killed run left; nil: beside each file.
    public var staging: String?

    public init(outbox: String, asOf: CivilDate, staging: String? = nil) {
        self.outbox = outbox
        self.asOf = asOf
        self.staging = staging
    }

    /// Midnight UTC of the as-of date: the same night gives the same bytes.
    var created: Date { Date(timeIntervalSince1970: TimeInterval(asOf.daysSinceEpoch) * 86_400) }

    public func path(_ name: String) -> String { "\(outbox)/\(name)-\(asOf.iso).xlsx" }
}
