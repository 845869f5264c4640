import Foundation
import Reading

/// What the inbox holds tonight, sorted into what the run takes, what it quarantines unread, and
/// what it leaves for the next night. Nothing here follows a symbolic link; names are taken as
/// the file system holds them (bytes), so a name that is not UTF-8 is found too.
struct InboxScan {
    /// A file the run takes: a regular file in a known folder.
    struct Entry {
        var folder: String
        /// The name as a curator reads it (`FileName.display`).
        var name: String
        var path: DiskPath
        /// The modification time the file came with, when it was ahead of the server's clock.
        var modifiedInFuture: Date?
    }

    /// Something quarantined without reading (an unknown folder, a file at the inbox root, a link).
    struct Stray {
        var folder: String
        var name: String
        var path: DiskPath
        var reason: String
    }

    /// A school folder the run could not list: its files wait, the school's receipt says why.
    struct FolderProblem {
        var folder: String
        var message: String
    }

    var files: [Entry] = []
    var strays: [Stray] = []
    /// Left in place, with why: files still being copied, subfolders of a school folder.
    var leftAlone: [(path: String, reason: String)] = []
    var problems: [FolderProblem] = []

    /// Folder name used in the quarantine for things found at the inbox root.
    static let rootFolder = "_inbox"

    /// Only a failure to list the inbox itself is thrown; a school folder that cannot be listed is
    /// that school's problem. `pending`: files a dead run recorded but could not move yet, not to
    /// be taken twice.
    init(inbox: String, folders: Set<String>, minAge: TimeInterval, now: Date, pending: Set<DiskPath> = []) throws {
        let root = DiskPath(inbox)
        guard let names = Self.list(root) else {
            throw RunProblem.fileSystem(.listInbox, inbox)
        }
        for raw in names {
            let path = root.appending(raw)
            let name = FileName.display(raw)
            switch Self.kind(path) {
            case .symlink:
                strays.append(
                    Stray(
                        folder: Self.rootFolder, name: name, path: path,
                        reason: "символическая ссылка в корне входящей папки: ссылки не открываются"))
            case .file:
                if case .inFlight(let why) = Self.freshness(name: name, path: path, minAge: minAge, now: now) {
                    leftAlone.append((path.description, why))
                } else {
                    strays.append(
                        Stray(
                            folder: Self.rootFolder, name: name, path: path, reason: "файл лежит в корне входящей папки, а не в папке школы"
                        ))
                }
            case .directory where FileName.isUTF8(raw) && folders.contains(name):
                scanFolder(name, path: path, minAge: minAge, now: now, pending: pending)
            case .directory:
                if raw.first == 0x2E {
                    leftAlone.append((path.description, "скрытая папка"))
                } else {
                    strays.append(
                        Stray(folder: Self.rootFolder, name: name, path: path, reason: "папки «\(name)» нет в config/schools.csv"))
                }
            case .other:
                leftAlone.append((path.description, "не файл и не папка"))
            }
        }
    }

    private mutating func scanFolder(_ folder: String, path: DiskPath, minAge: TimeInterval, now: Date, pending: Set<DiskPath>) {
        guard let names = Self.list(path) else {
            let reason = String(cString: strerror(errno))
            problems.append(
                FolderProblem(
                    folder: folder,
                    message:
                        "Папку школы не удалось прочитать (\(reason)): файлы из неё не приняты. Сообщите администратору — нужны права на папку."
                ))
            leftAlone.append((path.description, "папка не читается: \(reason)"))
            return
        }
        for raw in names {
            let file = path.appending(raw)
            let name = FileName.display(raw)
            switch Self.kind(file) {
            case .symlink:
                strays.append(
                    Stray(folder: folder, name: name, path: file, reason: "символическая ссылка: ссылки не открываются, пришлите сам файл"))
            case .file, .other:
                if pending.contains(file) {
                    leftAlone.append((file.description, "файл уже учтён прерванным запуском и ждёт перемещения"))
                } else {
                    switch Self.freshness(name: name, path: file, minAge: minAge, now: now) {
                    case .inFlight(let why): leftAlone.append((file.description, why))
                    case .stable(let future):
                        // A FIFO or a device is taken too: judged unread («не обычный файл») and quarantined.
                        files.append(Entry(folder: folder, name: name, path: file, modifiedInFuture: future))
                    }
                }
            case .directory:
                leftAlone.append((file.description, "вложенная папка не обрабатывается"))
            }
        }
    }

    enum Freshness: Equatable {
        /// Taken tonight; with the modification time it came with when that was in the future.
        case stable(modifiedInFuture: Date?)
        case inFlight(String)
    }

    /// Names Excel and copy tools use while writing, and files younger than `minAge`. A file's age
    /// is its modification time's, unless that is ahead of the server's clock (a school computer
    /// whose clock runs fast): then it is the age of the last change the server saw itself, so such
    /// a file is taken once it has been still for `minAge`, and its receipt says its time was wrong.
    static func freshness(name: String, path: DiskPath, minAge: TimeInterval, now: Date) -> Freshness {
        if let why = FileName.inFlight(name) { return .inFlight(why) }
        if name.hasPrefix(".") { return .inFlight("скрытый файл") }
        guard let seen = FileBytes.stamp(path) else { return .inFlight("файл исчез") }
        let modified = Date(timeIntervalSince1970: TimeInterval(seen.stamp.modified / 1_000_000_000))
        let future = modified.timeIntervalSince(now) > Self.clockTolerance ? modified : nil
        let changed = future == nil ? modified : seen.changed
        if now.timeIntervalSince(changed) < minAge {
            return .inFlight("файл изменён меньше \(Int(minAge)) с назад — возможно, ещё копируется")
        }
        return .stable(modifiedInFuture: future)
    }

    /// How far ahead a modification time may be before it counts as the future (clocks of a file
    /// share and its server differ by a little).
    static let clockTolerance: TimeInterval = 2

    enum Kind { case file, directory, symlink, other }

    static func kind(_ path: DiskPath) -> Kind {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Entries in byte order of their names, so that every run sees them in the same order
    /// whatever the file system returns; nil when the folder cannot be listed (`errno` says why).
    static func list(_ path: DiskPath) -> [[UInt8]]? {
        guard let dir = path.withCString({ opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
