import ArgumentParser
import Config
import Foundation
import Logging
import Server

extension Nastavnik {
    /// The curators' page and upload API beside the nightly job.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Веб-страница кураторов: загрузка файлов с проверкой сразу и файлы для ночного запуска.",
            discussion: """
                Пример:
                  nastavnik serve --listen 127.0.0.1:8080
                Перед сервером ставится nginx с TLS (deploy/nginx-nastavnik.conf); коды доступа выдаёт nastavnik access issue.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(name: .long, help: ArgumentHelp("Адрес и порт: 127.0.0.1:8080 (порт 0 — любой свободный).", valueName: "HOST:PORT"))
        var listen = "127.0.0.1:8080"

        @Flag(name: .long, help: "Cookie с признаком Secure (сервер стоит за TLS).")
        var secureCookies = false

        @Option(name: .long, help: ArgumentHelp("Закрыть соединение, от которого столько секунд не пришло ни байта.", valueName: "SECONDS"))
        var idleTimeout = ServerLimits().idleSeconds

        @Option(
            name: .long,
            help: ArgumentHelp("Открытых соединений не больше (0 — сколько позволяет лимит открытых файлов).", valueName: "N"))
        var maxConnections = 0

        func validate() throws {
            guard Self.address(listen) != nil else {
                throw ValidationError("--listen: ожидается адрес IPv4 и порт, например 127.0.0.1:8080.")
            }
            guard idleTimeout > 0 else { throw ValidationError("--idle-timeout: ожидается число секунд больше нуля.") }
            guard maxConnections >= 0 else { throw ValidationError("--max-connections: ожидается число ≥ 0.") }
        }

        static func address(_ text: String) -> (host: String, port: Int)? {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let port = UInt16(parts[1]), parts[0].split(separator: ".").count == 4 else { return nil }
            return (String(parts[0]), Int(port))
        }

        func run() async throws {
            // Stopped by SIGTERM (systemd) or Ctrl-C whatever started it with them blocked.
            var stop = sigset_t()
            sigemptyset(&stop)
            sigaddset(&stop, SIGTERM)
            sigaddset(&stop, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &stop, nil)
            let configuration = try loadConfiguration(options)
            let (host, port) = Self.address(listen)!
            var logger = Logger(label: "nastavnik-serve")
            logger.logLevel = .info
            var limits = ServerLimits()
            limits.idleSeconds = idleTimeout
            limits.connections = maxConnections
            let server = CuratorServer(configuration: configuration, limits: limits, logger: logger, secureCookies: secureCookies)
            try await server.run(host: host, port: port) { address in
                // A line at once, even when stdout is a pipe: scripts and tests wait for it.
                FileHandle.standardOutput.write(Data("Страница кураторов: \(address)\n".utf8))
            }
        }
    }

    /// Access codes of the curators' page.
    struct Access: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Коды доступа к странице кураторов: выдать или отозвать.", subcommands: [Issue.self, Revoke.self])

        struct Issue: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Выдать новый код доступа ОО (или district) — он печатается один раз, последней строкой; прежний перестаёт действовать."
            )

            @OptionGroup var options: ConfigOptions

            @Argument(help: ArgumentHelp("Код ОО из config/schools.csv или district.", valueName: "CODE"))
            var folder: String

            func run() throws {
                let configuration = try loadConfiguration(options)
                guard folder == configuration.level.ownFolder || configuration.units.unit(folder) != nil else {
                    Output.error("«\(folder)» нет в config/\(configuration.units.kind.directoryFile).")
                    throw ExitCode(Exit.usage)
                }
                let code = try AccessCodes(state: configuration.state).issue(folder)
                Output.line("Код доступа для «\(folder)» (сообщите его куратору; он больше не будет показан):")
                Output.line(code)
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Отозвать код доступа ОО (или district).")

            @OptionGroup var options: ConfigOptions

            @Argument(help: ArgumentHelp("Код ОО или district.", valueName: "CODE"))
            var folder: String

            func run() throws {
                let configuration = try loadConfiguration(options)
                guard try AccessCodes(state: configuration.state).revoke(folder) else {
                    Output.error("У «\(folder)» нет кода доступа.")
                    throw ExitCode(Exit.usage)
                }
                Output.line("Код доступа «\(folder)» отозван.")
            }
        }
    }
}
