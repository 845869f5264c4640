/// Failures of the run itself (not of a school's file): exit code 1.
public enum RunError: Error, CustomStringConvertible {
    case io(String)

    public var description: String {
        switch self {
        case .io(let message): message
        }
    }
}
