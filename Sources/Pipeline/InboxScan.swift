import Foundation

/// What the inbox holds tonight, sorted into what the run takes, what it quarantines unread, and
/// what it leaves for the next night. Nothing here follows a symbolic link.
struct InboxScan {
    /// A file the run takes: a regular file in a known folder.
    struct Entry {
        var folder: String
        var name: String
        var path: String
    }

    /// Something quarantined without reading (an unknown folder, a file at the inbox root, a link).
    struct Stray {
        var folder: String
        var name: String
        var path: String
        var reason: String
    }

    var files: [Entry] = []
    var strays: [Stray] = []
    /// Left in place, with why: files still being copied, subfolders of a school folder.
    var leftAlone: [(path: String, reason: String)] = []

    /// Folder name used in the quarantine for things found at the inbox root.
    static let rootFolder = "_inbox"

    init(inbox: String, folders: Set<String>, minAge: TimeInterval, now: Date) throws {
        for name in try Self.list(inbox) {
            let path = inbox + "/" + name
            switch Self.kind(path) {
            case .symlink:
                strays.append(
                    Stray(
                        folder: Self.rootFolder, name: name, path: path,
                        reason: "символическая ссылка в корне входящей папки: ссылки не открываются"))
            case .file:
                if let why = Self.inFlight(name: name, path: path, minAge: minAge, now: now) {
                    leftAlone.append((path, why))
                } else {
                    strays.append(
                        Stray(
                            folder: Self.rootFolder, name: name, path: path, reason: "файл лежит в корне входящей папки, а не в папке школы"
                        ))
                }
            case .directory where folders.contains(name):
                try scanFolder(name, path: path, minAge: minAge, now: now)
            case .directory:
                if name.hasPrefix(".") {
                    leftAlone.append((path, "скрытая папка"))
                } else {
                    strays.append(
                        Stray(folder: Self.rootFolder, name: name, path: path, reason: "папки «\(name)» нет в config/schools.csv"))
                }
            case .other:
                leftAlone.append((path, "не файл и не папка"))
            }
        }
    }

    private mutating func scanFolder(_ folder: String, path: String, minAge: TimeInterval, now: Date) throws {
        for name in try Self.list(path) {
            let file = path + "/" + name
            switch Self.kind(file) {
            case .symlink:
                strays.append(
                    Stray(folder: folder, name: name, path: file, reason: "символическая ссылка: ссылки не открываются, пришлите сам файл"))
            case .file:
                if let why = Self.inFlight(name: name, path: file, minAge: minAge, now: now) {
                    leftAlone.append((file, why))
                } else {
                    files.append(Entry(folder: folder, name: name, path: file))
                }
            case .directory, .other:
                leftAlone.append((file, "вложенная папка не обрабатывается"))
            }
        }
    }

    /// Names Excel and copy tools use while writing, and files younger than `minAge`.
    static func inFlight(name: String, path: String, minAge: TimeInterval, now: Date) -> String? {
        let lower = name.lowercased()
        if name.hasPrefix("~$") { return "файл блокировки Excel" }
        if name.hasPrefix(".") { return "скрытый файл" }
        if lower.hasSuffix(".tmp") || lower.hasSuffix(".part") { return "файл ещё копируется" }
        var info = stat()
        guard lstat(path, &info) == 0 else { return "файл исчез" }
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        if now.timeIntervalSince(modified) < minAge { return "файл изменён меньше \(Int(minAge)) с назад — возможно, ещё копируется" }
        return nil
    }

    enum Kind { case file, directory, symlink, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Entries in byte order of their names, so that every run sees them in the same order.
    static func list(_ path: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw RunError.io("не удалось прочитать папку \(path)")
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
