/// How a run ended, and the exit code that says so (SPEC §8): the one place the code is decided.
public enum RunEnd: Sendable, Equatable {
    /// The night's work is done; rejected files are reported, not failures.
    case completed
    /// Bad usage or configuration, found before anything was touched.
    case badConfiguration(String)
    /// Another run holds the lock; nothing was touched.
    case locked
    /// The run itself failed (the registry holds what was committed before; the next run goes on).
    case failed(String)
    /// A run that never finished, as the next run records it (as a shell reports SIGKILL).
    case killed

    public var exitCode: Int32 {
        switch self {
        case .completed: 0
        case .failed: 1
        case .badConfiguration: 2
        case .locked: 3
        case .killed: 137
        }
    }
}
