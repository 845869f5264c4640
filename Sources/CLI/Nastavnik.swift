import ArgumentParser
import Foundation
import Logging

/// The command line: one subcommand per file, each only gathering options and handing over.
struct Nastavnik: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Муниципальный реестр наставничества: проверка и приём файлов школ, отчёты для отдела образования.",
        discussion: """
            Примеры:
              nastavnik run
              nastavnik validate наставники.csv --school tetyushi-sosh1
              nastavnik inspect inbox/tetyushi-sosh2/наставники.csv
              nastavnik templates --out outbox/templates

            Коды завершения: 0 — выполнено; 1 — файлы отклонены (validate) или внутренний сбой; \
            2 — неверный вызов или настройки; 3 — уже идёт другой запуск.
            """,
        subcommands: [
            Run.self, Validate.self, Inspect.self, Templates.self, Report.self, Approve.self, Region.self, Serve.self, Access.self,
        ]
    )
}

/// Exit codes of `validate`, `inspect` and usage errors (SPEC §8); `run` decides its own in
/// `RunEnd` (module Pipeline).
enum Exit {
    static let rejected: Int32 = 1
    static let usage: Int32 = 2
}

/// The entry point, shared by the shipped binary and the crash tests' build of it.
public enum NastavnikCLI {
    public static func main() {
        tuneMemory()
        // Log lines go to stderr; stdout carries the summary and the findings.
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        do {
            var command = try Nastavnik.parseAsRoot()
            if let server = command as? any AsyncParsableCommand {
                try runBlocking(server)
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Nastavnik.exitCode(for: error)
            if code == .success { Nastavnik.exit(withError: error) }  // --help
            FileHandle.standardError.write(Data((Nastavnik.fullMessage(for: error) + "\n").utf8))
            // ArgumentParser says 64 for a usage error; the contract says 2.
            exit(code == .validationFailure ? Exit.usage : code.rawValue)
        }
    }
}

/// Runs an async command (`serve`) to its end from the synchronous entry point.
private func runBlocking(_ command: any AsyncParsableCommand) throws {
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var command = command
    Task {
        do {
            try await command.run()
        } catch {
            outcome.error = error
        }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
}

/// Where findings and reports are printed.
enum Output {
    static func line(_ text: String = "") { print(text) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

extension NastavnikCLI {
    /// A night writes tens of thousands of small workbooks; for each, zlib takes and frees a few
    /// hundred kilobytes per part. glibc would hand that memory back to the kernel every time and
    /// take it again (zeroed pages, a system call each way); kept, it is reused. Measured: a
    /// receipt-sized workbook 4.1 → 2.7 ms.
    static func tuneMemory() {
        #if os(Linux)
            // glibc's <malloc.h>, which Swift's Glibc module leaves out: M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD.
            _ = glibcMallopt(-1, 256 << 20)
            _ = glibcMallopt(-2, 16 << 20)
            _ = glibcMallopt(-3, 32 << 20)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
