import Foundation
import Registry
import XLSXTestSupport

/// A scratch installation: config/ (the shipped schools and roadmap, files taken at once), inbox/,
/// and the outbox/ and var/ a run creates — driven through the real binary.
public final class Workspace: Sendable {
    public let root: URL
    public var config: URL { root.appendingPathComponent("config") }
    public var inbox: URL { root.appendingPathComponent("inbox") }
    public var state: URL { root.appendingPathComponent("var") }
    public var outbox: URL { root.appendingPathComponent("outbox") }
    public let asOf: String

    public init(settings: String = "min_file_age_seconds = 0\n", asOf: String = "2026-03-01") throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nastavnik-ws-\(UUID().uuidString)")
        self.asOf = asOf
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let shipped = CommandRunner.root.appendingPathComponent("config")
        for name in ["schools.csv", "roadmap.csv"] {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: config.appendingPathComponent(name))
        }
        try settings.write(to: config.appendingPathComponent("nastavnik.toml"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Puts a file into a school's folder (or at the inbox root when `folder` is empty).
    public func drop(_ folder: String, _ name: String, _ bytes: [UInt8]) throws {
        let dir = folder.isEmpty ? inbox : inbox.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: dir.appendingPathComponent(name))
    }

    @discardableResult
    public func run(
        _ extra: [String] = [], environment: [String: String] = [:], asUser: uid_t? = nil, measured: Bool = false
    ) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["run", "--config", config.path, "--as-of", asOf] + extra, environment: environment, asUser: asUser, measured: measured)
    }

    /// The user the hostile tests run the job as, when they run as root: `nobody`, owning the
    /// installation as a service user owns it.
    public static let serviceUser: uid_t = 65534

    /// Hands the installation to the service user (when the tests run as root).
    public func handOver() {
        guard getuid() == 0 else { return }
        let walker = FileManager.default.enumerator(atPath: root.path)
        chown(root.path, Self.serviceUser, Self.serviceUser)
        while let path = walker?.nextObject() as? String {
            lchown(root.appendingPathComponent(path).path, Self.serviceUser, Self.serviceUser)
        }
    }

    /// Every file under the inbox, archive and quarantine, by its bytes: what «every input in
    /// exactly one place» compares.
    public func everyInput() throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        for folder in [inbox, state.appendingPathComponent("archive"), state.appendingPathComponent("quarantine")] {
            for path in files(under: folder) {
                let url = folder.appendingPathComponent(path)
                var info = stat()
                guard lstat(url.path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFREG {
                    all.append(Array((try? Data(contentsOf: url)) ?? Data("unreadable:\(url.lastPathComponent)".utf8)))
                } else {
                    all.append(Array("special:\(url.lastPathComponent)".utf8))
                }
            }
        }
        return all.sorted { $0.lexicographicallyPrecedes($1) }
    }

    public func registry() throws -> Registry { try Registry(path: state.appendingPathComponent("registry.sqlite").path) }

    /// Files below a folder, relative to it.
    public func files(under url: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
                || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.appendingPathComponent(path).path)) != nil
        }.sorted()
    }

    public func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// A school's receipt workbook of the as-of date.
    public func receipt(_ folder: String) throws -> XLSXFile {
        try XLSXFile(path: outbox.appendingPathComponent("schools/\(folder)/receipt-\(asOf).xlsx").path)
    }

    /// Every row of every sheet of the receipt, cells joined by « | », for searching.
    public func receiptText(_ folder: String) throws -> String {
        try receipt(folder).sheets.flatMap { sheet in (1...max(sheet.lastRow, 1)).map { sheet.row($0).joined(separator: " | ") } }
            .joined(separator: "\n")
    }
}

/// School files for the run tests (valid СНИЛС numbers, checksums computed by hand).
public enum Files {
    public static let mentorA = "112-233-445 95", mentorB = "145-274-509 62", mentorC = "003-263-353 97"
    public static let menteeA = "141-008-408 00", menteeB = "205-132-059 00", menteeC = "952-530-077 00"

    public static func csv(_ rows: [[String]]) -> [UInt8] {
        Array(
            rows.map { row in
                row.map {
                    $0.contains(";") || $0.contains("\n") || $0.contains("\"")
                        ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0
                }
                .joined(separator: ";")
            }.joined(
                separator: "\r\n"
            ).utf8) + [13, 10]
    }

    public static let mentorHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)", "Педагогический стаж, лет",
        "Квалификационная категория", "Дата ПК по наставничеству", "Согласие на публикацию",
    ]
    public static func mentorTable(_ people: [(String, String)]) -> [[String]] {
        [mentorHeader]
            + people.map { [$0.0, $0.1, "Галина", "Петровна", "12.03.1971", "Учитель", "Математика", "20", "высшая", "14.11.2022", "да"] }
    }
    public static func mentors(_ people: [(String, String)]) -> [UInt8] { csv(mentorTable(people)) }

    public static let menteeHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)", "Педагогический стаж, лет",
        "Профессиональные затруднения", "Согласие на публикацию",
    ]
    public static func menteeTable(_ people: [(String, String)]) -> [[String]] {
        [menteeHeader] + people.map { [$0.0, $0.1, "Артём", "", "14.06.2000", "Учитель", "Математика", "1", "", "да"] }
    }
    public static func mentees(_ people: [(String, String)]) -> [UInt8] { csv(menteeTable(people)) }

    public static let programHeader = [
        "Номер программы", "СНИЛС наставника", "СНИЛС наставляемых", "Форма наставничества", "Модель", "Направления", "Режим",
        "Дата начала", "Дата окончания", "Приказ о закреплении", "Согласие участников", "Статус", "Дата завершения", "Основание завершения",
        "Результаты опубликованы",
    ]
    public static func programTable(_ list: [(number: String, mentor: String, mentees: String)]) -> [[String]] {
        [programHeader]
            + list.map {
                [
                    $0.number, $0.mentor, $0.mentees, "традиционная", "педагог – педагог", "методическое", "очный", "01.09.2025",
                    "31.05.2026", "Приказ № 1 от 01.09.2025", "да", "реализуется", "", "", "",
                ]
            }
    }
    public static func programs(_ list: [(number: String, mentor: String, mentees: String)]) -> [UInt8] { csv(programTable(list)) }

    public static func profile(_ code: String, total: Int = 30) -> [UInt8] {
        csv([
            ["Код ОО", "Педагогических работников, всего", "из них до 35 лет", "из них молодых специалистов"],
            [code, "\(total)", "5", "2"],
        ])
    }
}
