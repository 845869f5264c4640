import Domain
import Foundation
import TOMLKit
import Toolkit

/// `config/nastavnik.toml`. Every key has a default, so the file is optional; relative paths are
/// resolved against the folder that holds `config/` (the project or installation root).
public struct Settings: Sendable, Equatable {
    public var inbox = "inbox"
    public var outbox = "outbox"
    /// Runtime state: registry, archive, quarantine, run journal.
    public var state = "var"
    /// The registry database; relative paths are inside `state`.
    public var database = "registry.sqlite"
    public var minFileAgeSeconds = 60
    public var maxFileBytes = 50 * 1_048_576
    public var dueSoonDays = 14
    /// When the mentoring model started: recurring roadmap items are judged from here.
    public var modelStartDate = CivilDate(year: 2023, month: 1, day: 1)!
    /// Warnings reject a file as errors do.
    public var strict = false
    /// Cores the run may use; 0: all of them. The outputs are the same bytes whatever it is.
    public var workers = 0
    /// Named in workbook titles.
    public var districtName = "Тетюшский муниципальный район Республики Татарстан"
    /// Where this instance stands: a district takes schools' files, a region districts' packages,
    /// the country regions' packages.
    public var level = Level.district
    /// The district's code in its region's `districts.csv` (its package's `Код` and file name).
    public var districtCode = "tetyushi"
    public var regionCode = ""
    public var regionName = ""
    public var countryName = "Российская Федерация"
    /// Days after a half-year's end by which a unit's package counts as sent on time.
    public var packageDueDays = 20
    /// The region's secret for pairing teachers who move between its districts (`LinkKey`); none
    /// by default, and then no pseudonyms are written.
    public var linkKeyFile: String?

    public init() {}

    /// Every key, with its type and default, for the README and for unknown-key errors.
    public static let keys = [
        "inbox", "outbox", "state", "database", "min_file_age_seconds", "max_file_bytes", "due_soon_days",
        "model_start_date", "strict", "district_name", "workers", "level", "district_code", "region_code", "region_name", "country_name",
        "package_due_days", "link_key_file",
    ]

    /// This instance's own code and name, as its package and its titles give them.
    public var ownCode: String {
        switch level {
        case .district: districtCode
        case .region: regionCode
        case .country: "country"
        }
    }

    public var ownName: String {
        switch level {
        case .district: districtName
        case .region: regionName
        case .country: countryName
        }
    }

    public static func load(path: String) throws(ConfigurationError) -> Settings {
        var settings = Settings()
        guard FileManager.default.fileExists(atPath: path) else { return settings }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, "файл не читается как UTF-8: \(error.localizedDescription)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: path, line: error.source.begin.line, "ошибка синтаксиса TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: path, "ошибка синтаксиса TOML: \(error)")
        }
        func line(of key: String) -> Int? {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(key)
            }.map { $0 + 1 }
        }
        func fail(_ key: String, _ expected: String) -> ConfigurationError {
            ConfigurationError(file: path, line: line(of: key), "ключ «\(key)»: ожидается \(expected)")
        }
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "inbox", "outbox", "state", "database", "district_name", "region_name", "country_name", "link_key_file":
                guard let s = value.string, !s.isEmpty else { throw fail(key, "непустая строка") }
                switch key {
                case "inbox": settings.inbox = s
                case "outbox": settings.outbox = s
                case "state": settings.state = s
                case "database": settings.database = s
                case "region_name": settings.regionName = s
                case "country_name": settings.countryName = s
                case "link_key_file": settings.linkKeyFile = s
                default: settings.districtName = s
                }
            case "district_code", "region_code":
                guard let s = value.string, UnitDirectory.isCode(s) else {
                    throw fail(key, "код из латинских строчных букв, цифр и дефиса")
                }
                if key == "district_code" { settings.districtCode = s } else { settings.regionCode = s }
            case "level":
                guard let s = value.string, let level = Level(rawValue: s) else {
                    throw fail(key, "\"district\", \"region\" или \"country\"")
                }
                settings.level = level
            case "min_file_age_seconds", "max_file_bytes", "due_soon_days", "workers", "package_due_days":
                guard let n = value.int, n >= 0 else { throw fail(key, "целое число ≥ 0") }
                switch key {
                case "min_file_age_seconds": settings.minFileAgeSeconds = n
                case "max_file_bytes": settings.maxFileBytes = n
                case "workers": settings.workers = n
                case "package_due_days": settings.packageDueDays = n
                default: settings.dueSoonDays = n
                }
            case "model_start_date":
                if let d = value.date, let date = CivilDate(year: d.year, month: Int(d.month), day: Int(d.day)) {
                    settings.modelStartDate = date
                } else if let s = value.string, let date = CivilDate(iso: s) {
                    settings.modelStartDate = date
                } else {
                    throw fail(key, "дата ГГГГ-ММ-ДД")
                }
            case "strict":
                guard let b = value.bool else { throw fail(key, "true или false") }
                settings.strict = b
            default:
                throw ConfigurationError(
                    file: path, line: line(of: key),
                    "неизвестный ключ «\(key)»; допустимые ключи: \(keys.joined(separator: ", "))")
            }
        }
        if settings.level == .region && (settings.regionCode.isEmpty || settings.regionName.isEmpty) {
            throw ConfigurationError(file: path, "для level = \"region\" нужны ключи «region_code» и «region_name»")
        }
        return settings
    }
}

extension Settings {
    /// The number of threads for the work that can be shared: `workers`, or every active core.
    public var threads: Int { workers > 0 ? workers : Parallel.workers }
}
