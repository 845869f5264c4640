import Domain
import Foundation

/// What went wrong with the run itself (never with a school's file, which is a finding on its
/// receipt): each is collected in `RunReport.problems`, logged, and makes the run's exit code 1
/// (`RunEnd.of`). The rest of the night still happens where it can: the other outputs are written,
/// the journal is written.
public enum RunProblem: Error, Sendable, CustomStringConvertible {
    /// A system call on a path failed (the inbox not listed, a file not moved, an output's
    /// permissions not set, a superseded extract not removed), with its `errno`.
    case fileSystem(FileAction, path: String, errno: Int32)
    /// The same, where Foundation reports the failure as an error of its own.
    case fileOperation(FileAction, path: String, any Error)
    /// The registry could not be opened, read or written.
    case registry(any Error)
    /// A past half-year's figures could not be kept (they are worked out again next night).
    case figuresNotCached(ReportingPeriod, any Error)
    /// An output could not be written; the others were.
    case outputNotWritten(output: String, any Error)
    /// The run's journal could not be written.
    case journalNotWritten(any Error)

    /// What was being done to a path.
    public enum FileAction: String, Sendable {
        case listInbox = "прочитать входящую папку"
        case openLock = "открыть файл блокировки"
        case move = "переместить файл"
        case copy = "скопировать файл"
        case read = "прочитать файл"
        case write = "записать файл"
        case setPermissions = "задать права доступа"
        case removeSuperseded = "удалить прежнюю выгрузку"
    }

    /// `errno` of the last failed call, on `path`.
    static func fileSystem(_ action: FileAction, _ path: String) -> RunProblem { .fileSystem(action, path: path, errno: errno) }

    public var description: String {
        switch self {
        case .fileSystem(let action, let path, let code): "не удалось \(action.rawValue) \(path): \(String(cString: strerror(code)))"
        case .fileOperation(let action, let path, let error): "не удалось \(action.rawValue) \(path): \(error)"
        case .registry(let error): "реестр: \(error)"
        case .figuresNotCached(let period, let error): "показатели полугодия \(period) не сохранены в реестре: \(error)"
        case .outputNotWritten(let output, let error): "\(output): \(error)"
        case .journalNotWritten(let error): "не удалось записать журнал запуска: \(error)"
        }
    }
}

/// How a run ended, and the exit code that says so (SPEC §8).
public enum RunEnd: Sendable {
    /// The night's work is done; rejected files are reported, not failures.
    case completed
    /// Bad usage or configuration, found before anything was touched.
    case badConfiguration(any Error)
    /// Another run holds the lock; nothing was touched.
    case locked
    /// The run itself failed (the registry holds what was committed before; the next run goes on).
    case failed([RunProblem])

    /// The one place a run's exit code is decided: its problems, if any, fail it.
    static func of(_ problems: [RunProblem]) -> RunEnd { problems.isEmpty ? .completed : .failed(problems) }

    public var isCompleted: Bool { if case .completed = self { true } else { false } }

    public var exitCode: Int32 {
        switch self {
        case .completed: 0
        case .failed: 1
        case .badConfiguration: 2
        case .locked: 3
        }
    }

    /// The code recorded for a run that never finished, as the next run finds it (as a shell
    /// reports SIGKILL).
    static let interruptedExitCode: Int32 = 137
}
