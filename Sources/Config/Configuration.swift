import Domain
import Foundation

/// Everything in `config/`, loaded and checked up front, with the runtime paths resolved.
public struct Configuration: Sendable {
    public var directory: String
    public var settings: Settings
    /// The district's schools (none above a district).
    public var schools: SchoolDirectory
    /// The units this level takes files or packages from, in the order every output follows:
    /// the schools of `schools.csv`, the districts of `districts.csv`, the regions of `regions.csv`.
    public var units: UnitDirectory
    public var roadmap: RoadmapPlan
    /// The region's link key (`link_key_file`), read with the rest of the settings.
    public var linkKey: LinkKey?

    public var level: Level { settings.level }

    /// The folder `config/` lies in: relative paths of the settings start here.
    public var root: String { (directory as NSString).deletingLastPathComponent }

    public var inbox: String { resolve(settings.inbox) }
    public var outbox: String { resolve(settings.outbox) }
    public var state: String { resolve(settings.state) }
    public var database: String {
        settings.database.hasPrefix("/") ? settings.database : (state as NSString).appendingPathComponent(settings.database)
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : ((root as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    public static func load(directory: String) throws(ConfigurationError) -> Configuration {
        let dir = (directory as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: dir, "папка настроек не найдена")
        }
        let absolute = dir.hasPrefix("/") ? dir : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir)
        let settings = try Settings.load(path: dir + "/nastavnik.toml")
        let kind = settings.level.units
        let schools = kind == .school ? try SchoolDirectory.load(path: dir + "/schools.csv") : SchoolDirectory(schools: [])
        let units =
            kind == .school
            ? UnitDirectory(kind: .school, units: schools.schools.map { Unit(code: $0.code, name: $0.name) })
            : try UnitDirectory.load(path: dir + "/" + kind.directoryFile, kind: kind, reserved: settings.level.ownFolder)
        var configuration = Configuration(
            directory: (absolute as NSString).standardizingPath, settings: settings, schools: schools, units: units,
            roadmap: try RoadmapPlan.load(path: dir + "/roadmap.csv"))
        if let file = settings.linkKeyFile {
            configuration.linkKey = try LinkKey.load(path: configuration.resolve(file), setting: dir + "/nastavnik.toml")
        }
        return configuration
    }

    /// The inbox must exist before a run touches anything; the other folders are created as needed.
    public func checkFolders() throws(ConfigurationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: directory + "/nastavnik.toml", "входящая папка не найдена: \(inbox) (ключ «inbox»)")
        }
    }
}
