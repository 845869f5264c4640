import Foundation
import ZIPFoundation

/// A workbook's zip, opened with limits: what the central directory says each part inflates to is
/// checked before a byte is inflated (a zip bomb is refused unread), and inflating stops as soon
/// as a part gives more than it declared. Parts are read into memory by name; nothing is ever
/// extracted to disk, and an archive whose names climb out of it (`../`) is refused whole. Names
/// are found as other readers find them: whatever their case (`xl/SharedStrings.xml`), and with
/// `\` read as `/` (some writers on Windows put it there).
struct WorkbookArchive {
    private let archive: Archive
    /// Entries by their name, lower-cased, with forward slashes.
    private let entries: [String: Entry]

    init(bytes: [UInt8]) throws(WorkbookFailure) {
        let archive = try Self.open(bytes)
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            let path = Self.key(entry.path)
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                throw .notAWorkbook("в архиве есть файлы с недопустимыми именами")
            }
            let declared = entry.uncompressedSize
            total += declared
            if declared > WorkbookLimits.inflatedBytes || total > WorkbookLimits.inflatedBytes {
                throw .tooLarge(.inflated(declaredBytes: total))
            }
            if declared > 1 << 20 && declared > WorkbookLimits.ratio * max(entry.compressedSize, 1) {
                throw .tooLarge(.compressionRatio(part: entry.path))
            }
            entries[path] = entry
        }
        guard !entries.isEmpty else { throw .emptyArchive }
        self.archive = archive
        self.entries = entries
    }

    /// How a part is looked up: `XL\SharedStrings.xml` is `xl/sharedstrings.xml`.
    private static func key(_ path: String) -> String { path.replacing("\\", with: "/").lowercased() }

    /// ZIPFoundation reads an archive in memory through a cookie file that traps when a hostile
    /// directory points past the end; through a real file such a read only comes up short. So the
    /// bytes go to a private file on the RAM disk (else the temporary folder), unlinked as soon as
    /// the archive holds it open: nothing is left behind, whatever happens next.
    private static func open(_ bytes: [UInt8]) throws(WorkbookFailure) -> Archive {
        let folder = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array((folder + "/nastavnik-workbook-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .notAWorkbook("нет места для временного файла: \(String(cString: strerror(errno)))") }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer {
            unlink(path)
            close(fd)
        }
        guard bytes.withUnsafeBytes({ DiskWrite.all($0, to: fd) }) == nil else { throw .notAWorkbook("нет места для временного файла") }
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAWorkbook("архив повреждён или обрезан")
        }
    }

    func contains(_ path: String) -> Bool { entries[Self.key(path)] != nil }

    /// A part's bytes, nil when there is no such part.
    func part(_ path: String) throws(WorkbookFailure) -> [UInt8]? {
        guard let entry = entries[Self.key(path)] else { return nil }
        let limit = Int(entry.uncompressedSize)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else {
                    throw WorkbookFailure.notAWorkbook("часть «\(path)» больше, чем записано в архиве")
                }
                bytes.append(contentsOf: chunk)
            }
        } catch let failure as WorkbookFailure {
            throw failure
        } catch {
            throw .notAWorkbook("часть «\(path)» архива повреждена")
        }
        return bytes
    }
}
