import Foundation

/// Where every output of a night goes (SPEC §7), each path worked out here once: the writers write
/// to it, the night's plan names it, the curators' page finds it.
public struct OutputPlace: Sendable {
    public var outbox: String
    public var asOf: CivilDate
    /// Where workbooks are written before they are renamed into place (`Workbook`): the nightly
    /// run empties it of what a killed run left; nil: beside each file.
    public var staging: String?
    /// Where a workbook's parts too large for memory wait, in unnamed files, until they are zipped:
    /// the state folder at night (nil: beside each file).
    public var scratch: String?

    public init(outbox: String, asOf: CivilDate, staging: String? = nil, scratch: String? = nil) {
        self.outbox = outbox
        self.asOf = asOf
        self.staging = staging
        self.scratch = scratch
    }

    /// Midnight UTC of the as-of date: the same night gives the same bytes.
    public var created: Date { Date(timeIntervalSince1970: TimeInterval(asOf.daysSinceEpoch) * 86_400) }

    /// `registry-DATE.xlsx`, `statform-DATE.xlsx`, `monitoring-DATE.xlsx`.
    public func dated(_ name: String) -> String { "\(outbox)/\(name)-\(asOf.iso).xlsx" }
    public var registry: String { dated("registry") }
    public var statform: String { dated("statform") }
    public var monitoring: String { dated("monitoring") }
    /// The level's overview page.
    public var overviewPage: String { Self.overviewPage(outbox: outbox) }
    /// The half-yearly report.
    public func report(_ period: ReportingPeriod) -> String { "\(outbox)/\(Self.reportName(period))" }
    /// The package a level sends up for a half-year.
    public func upward(code: String, period: String) -> String { "\(outbox)/upward/\(Self.packageName(code: code, period: period))" }
    /// A unit's receipt of the night: `schools/<code>/`, at a region `districts/<code>/`, at the
    /// country `regions/<code>/`.
    public func receipt(_ folder: String, units: UnitKind) -> String {
        "\(Self.receipts(outbox: outbox, folder: folder, units: units))/\(Self.receiptPrefix)\(asOf.iso).xlsx"
    }
    /// What a school may publish, as a workbook and as a page.
    public func publicExtract(_ school: String) -> String { "\(outbox)/public/\(school)/nastavnichestvo-\(asOf.iso).xlsx" }
    public func schoolPage(_ school: String) -> String { Self.schoolPage(outbox: outbox, school: school) }

    // What does not depend on the night, for whoever looks for them (the curators' page).

    public static func overviewPage(outbox: String) -> String { "\(outbox)/index.html" }
    public static func schoolPage(outbox: String, school: String) -> String { "\(outbox)/public/\(school)/index.html" }
    public static func receipts(outbox: String, folder: String, units: UnitKind) -> String { "\(outbox)/\(area(units))/\(folder)" }

    /// Where a level's units' receipts go: `schools`, `districts`, `regions`.
    public static func area(_ units: UnitKind) -> String {
        switch units {
        case .school: "schools"
        case .district: "districts"
        case .region: "regions"
        }
    }
    public static let receiptPrefix = "receipt-"
    public static func reportName(_ period: ReportingPeriod) -> String { "spravka-\(period).docx" }
    public static func packageName(code: String, period: String) -> String { "\(code)-\(period).xlsx" }
}
