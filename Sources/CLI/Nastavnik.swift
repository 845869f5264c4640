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
        subcommands: [Run.self, Validate.self, Inspect.self, Templates.self]
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
        // Log lines go to stderr; stdout carries the summary and the findings.
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        do {
            var command = try Nastavnik.parseAsRoot()
            try command.run()
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

/// Where findings and reports are printed.
enum Output {
    static func line(_ text: String = "") { print(text) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
