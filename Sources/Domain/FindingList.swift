/// A file's findings: every one counted, the first `limit` kept and shown. A file of a million bad
/// rows costs the memory, the registry rows and the receipt lines of five hundred, and its receipt
/// still says how many more there are.
public struct FindingList: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public static let limit = 500

    public private(set) var items: [Finding] = []
    /// Every error and warning, kept or not.
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0

    public init() {}

    public init(arrayLiteral findings: Finding...) { self.init(findings) }

    public init(_ findings: some Sequence<Finding>) {
        for finding in findings { append(finding) }
    }

    /// As the registry keeps them: the kept items and the counts of all.
    public init(items: [Finding], errorCount: Int, warningCount: Int) {
        self.items = items
        self.errorCount = errorCount
        self.warningCount = warningCount
    }

    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> Finding { items[position] }

    public var hasErrors: Bool { errorCount > 0 }
    /// Findings counted but not kept.
    public var omitted: Int { errorCount + warningCount - items.count }

    public mutating func append(_ finding: Finding) {
        append(finding.severity) { finding }
    }

    /// Counts a finding, and makes it only while the list has room: building the message costs
    /// more than the check that found it.
    public mutating func append(_ severity: Severity, _ make: () -> Finding) {
        if severity == .error { errorCount += 1 } else { warningCount += 1 }
        if items.count < Self.limit { items.append(make()) }
    }

    public mutating func append(contentsOf other: FindingList) {
        for finding in other.items { append(finding) }
        // What the other list counted but did not keep.
        let keptErrors = other.items.count { $0.severity == .error }
        errorCount += other.errorCount - keptErrors
        warningCount += other.warningCount - (other.items.count - keptErrors)
    }

    public static func += (list: inout FindingList, more: some Sequence<Finding>) {
        for finding in more { list.append(finding) }
    }

    /// Strict mode: every finding is an error.
    public mutating func makeErrors() {
        for i in items.indices { items[i].severity = .error }
        errorCount += warningCount
        warningCount = 0
    }
}
