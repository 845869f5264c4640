import Domain
import Foundation

/// Everything in `config/`, loaded and checked up front, with the runtime paths resolved.
public struct Configuration: Sendable {
    public var directory: String
    public var settings: Settings
    public var schools: SchoolDirectory
    public var roadmap: RoadmapPlan

    /// The folder `config/` lies in: relative paths of the settings start here.
    public var root: String { (directory as NSString).deletingLastPathComponent }

    public var inbox: String { resolve(settings.inbox) }
    public var outbox: String { resolve(settings.outbox) }
    public var state: String { resolve(settings.state) }
    public var database: String {
        settings.database.hasPrefix("/") ? settings.database : (state as NSString).appendingPathComponent(settings.database)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : ((root as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    public static func load(directory: String) throws(ConfigurationError) -> Configuration {
        let dir = (directory as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: dir, "папка настроек не найдена")
        }
        let absolute = dir.hasPrefix("/") ? dir : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir)
        return Configuration(
            directory: (absolute as NSString).standardizingPath,
            settings: try Settings.load(path: dir + "/nastavnik.toml"),
            schools: try SchoolDirectory.load(path: dir + "/schools.csv"),
            roadmap: try RoadmapPlan.load(path: dir + "/roadmap.csv"))
    }

    /// The inbox must exist before a run touches anything; the other folders are created as needed.
    public func checkFolders() throws(ConfigurationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: directory + "/nastavnik.toml", "входящая папка не найдена: \(inbox) (ключ «inbox»)")
        }
    }
}
