import Domain

/// A unit's package read by its contract (module Packages, handed to the judge by whoever makes it):
/// the judge gives it a night's verdict as it gives a school's file one — it may wait for the next
/// night, be a repeat, be refused — and the rules of what a package must hold stay in one place.
public protocol PackageRules: Sendable {
    /// The findings on the file's bytes, and the package when it reads without an error.
    func read(_ bytes: [UInt8], folder: String, label: String) -> PackageReading
}

/// What a package's rules made of a file.
public struct PackageReading: Sendable {
    public var findings: [Finding]
    public var package: ReadPackage?

    public init(findings: [Finding], package: ReadPackage?) {
        self.findings = findings
        self.package = package
    }
}

/// A package that reads as one, for the judge and the registry.
public struct ReadPackage: Sendable, Equatable {
    /// `2023-H1`.
    public var period: String
    /// The day its figures stand at (`Данные на`).
    public var dataOn: CivilDate
    /// SHA-256 of its cells as shown, sheet by sheet: the same for a package opened and saved again
    /// unchanged, and in every process.
    public var identity: String
    /// Its units' lines.
    public var rows: Int
    /// What the registry keeps of it: its figures, as JSON.
    public var content: [UInt8]

    public init(period: String, dataOn: CivilDate, identity: String, rows: Int, content: [UInt8]) {
        self.period = period
        self.dataOn = dataOn
        self.identity = identity
        self.rows = rows
        self.content = content
    }
}
