/// How serious a finding is: an error rejects the whole file, a warning is only reported.
public enum Severity: String, Sendable, Codable, Comparable {
    case error = "ошибка"
    case warning = "предупреждение"

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem in one place of one file, worded for a school curator.
public struct Finding: Sendable, Equatable, Codable {
    public var severity: Severity
    /// The file name as the school sent it.
    public var file: String
    /// The row as a spreadsheet shows the file (header = 1); nil for the whole file.
    public var row: Int?
    /// The column header as the school wrote it.
    public var column: String?
    /// The offending value as written.
    public var value: String?
    /// What is wrong and what to do, in Russian.
    public var message: String

    public init(
        _ severity: Severity, file: String, row: Int? = nil, column: String? = nil, value: String? = nil,
        message: String
    ) {
        self.severity = severity
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.message = message
    }
}

extension Array where Element == Finding {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
