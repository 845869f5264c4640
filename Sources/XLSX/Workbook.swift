import CXLSXTuning
import CXLSXWriter
import Domain
import Foundation

/// A workbook being written. It goes to a temporary name (in `staging`, a folder of the same file
/// system, else beside it) and is renamed into place by `close()`, so a reader never sees half a
/// file and a failure leaves the old file intact.
/// Nothing outside this module touches libxlsxwriter.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    private let temporary: String
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    /// C strings that must outlive the workbook (validation lists, chart ranges): libxlsxwriter
    /// keeps some pointers until it writes the file.
    private var retained: [UnsafeMutablePointer<CChar>] = []
    /// What every printed page of the workbook says at its top: its title and as-of date.
    public let printHeader: String
    /// The same in a page header's code: its own ampersands doubled, cut to what Excel keeps.
    let headerText: String

    /// The zlib level the parts of every workbook are deflated at: 1 (libxlsxwriter's own is 6, with
    /// no setting; `CXLSXTuning` changes it inside `close()`), 6 where the tuning is not in effect.
    public static var deflateLevel: Int { tuned ? Int(nastavnik_deflate_level()) : 6 }

    /// Whether `CXLSXTuning`'s definitions are the ones libxlsxwriter and zlib reach (a library
    /// linked statically would leave them unreached: then libxlsxwriter does what it always did,
    /// the same workbooks a little slower, and the night says so in its log).
    public static let tuned: Bool = {
        let status = nastavnik_tuning_status()
        return status & Int32(NASTAVNIK_TUNING_DEFLATE) != 0 && status & Int32(NASTAVNIK_TUNING_PARTS) != 0
    }()

    /// How many parts of workbooks written on this thread were too large for memory (`CXLSXTuning`
    /// keeps libxlsxwriter's parts there, up to 4 MiB each) and moved to unnamed files.
    public static var partsMovedToFiles: Int { Int(nastavnik_parts_moved_to_files()) }

    /// - Parameters:
    ///   - constantMemory: rows are flushed to disk as they are written (they must come in order):
    ///     for sheets of a million rows.
    ///   - created: the document's creation time; fixed per as-of date so that the same night gives
    ///     the same bytes.
    ///   - staging: where the file is written before it is renamed into place; a folder its owner
    ///     empties of what a killed process left (nil: beside the file, as a hidden name).
    ///   - scratch: where parts too large for memory are kept, in unnamed files, until they are
    ///     zipped (nil: beside the file being written; never a memory-backed folder).
    public init(path: String, constantMemory: Bool = false, created: Date, title: String, staging: String? = nil, scratch: String? = nil)
        throws
    {
        self.path = path
        printHeader = "\(title), на \(CivilDate(daysSinceEpoch: Int((created.timeIntervalSince1970 / 86_400).rounded(.down))).russian)"
        headerText = String(printHeader.doubling("&").prefix(200))
        let directory = (path as NSString).deletingLastPathComponent
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        temporary =
            staging.map { "\($0)/\(UUID().uuidString).xlsx" } ?? directory + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        var options = lxw_workbook_options(
            constant_memory: constantMemory ? 1 : 0, tmpdir: retain(scratch ?? (temporary as NSString).deletingLastPathComponent),
            use_zip64: 1)
        handle = workbook_new_opt(temporary, &options)
        guard handle != nil else { throw XLSXError(message: "не удалось создать книгу", context: temporary) }
        var properties = lxw_doc_properties()
        let titleC = retain(title)
        let author = retain("nastavnik")
        properties.title = titleC
        properties.author = author
        properties.created = time_t(created.timeIntervalSince1970)
        try check(workbook_set_properties(handle, &properties), "свойства книги")
    }

    /// A workbook of a night's outputs: its time, staging and scratch folders from `place`.
    public convenience init(path: String, constantMemory: Bool = false, title: String, place: OutputPlace) throws {
        try self.init(
            path: path, constantMemory: constantMemory, created: place.created, title: title, staging: place.staging, scratch: place.scratch
        )
    }

    deinit {
        // A workbook dropped without close(): free it and leave no temporary file behind.
        if handle != nil {
            _ = nastavnik_workbook_close(handle)
            unlink(temporary)
        }
        for pointer in retained { free(pointer) }
    }

    /// A style made once into libxlsxwriter's format, for cells written many times over.
    public func cellFormat(_ style: Style?) -> CellFormat { CellFormat(pointer: format(style)) }

    /// Writes the file and moves it into place.
    public func close() throws {
        guard let workbook = handle else { return }
        handle = nil
        let error = lxw_error(UInt32(nastavnik_workbook_close(workbook)))
        guard error == LXW_NO_ERROR else {
            unlink(temporary)
            throw XLSXError(error, path)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw XLSXError(message: reason, context: path)
        }
    }

    /// A new sheet. Names are NFC, at most 31 characters, without `[]:*?/\`, unique ignoring case.
    public func addSheet(_ name: String) throws -> Sheet {
        let normalized = Self.isComposed(name) ? name : name.precomposedStringWithCanonicalMapping
        guard normalized.count <= 31, !normalized.isEmpty, !normalized.contains(where: { "[]:*?/\\".contains($0) }),
            sheetNames.insert(normalized.lowercased()).inserted
        else { throw XLSXError(message: "недопустимое или повторное имя листа «\(name)»", context: path) }
        guard let sheet = workbook_add_worksheet(live, normalized) else {
            throw XLSXError(message: "не удалось добавить лист «\(name)»", context: path)
        }
        return Sheet(workbook: self, handle: sheet, name: normalized)
    }

    /// Whether a name is NFC as it is, told without Foundation (which takes longer than the sheet):
    /// Latin and Cyrillic letters, digits and punctuation without combining marks (U+0300 on) are.
    static func isComposed(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x400..<0x500).contains($0.value) }
    }

    public func addChart(_ kind: Chart.Kind, title: String) -> Chart {
        let chart = workbook_add_chart(live, kind.code)!
        chart_title_set_name(chart, title)
        return Chart(workbook: self, handle: chart)
    }

    // MARK: internals for Sheet and Chart

    var live: UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { preconditionFailure("workbook \(path) used after close()") }
        return handle
    }

    func format(_ style: Style?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        if let format = formats[style] { return format }
        let format = workbook_add_format(live)!
        style.apply(to: format)
        formats[style] = format
        return format
    }

    func retain(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        retained.append(pointer)
        return pointer
    }

    func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws {
        guard error == LXW_NO_ERROR else { throw XLSXError(error, "\(path): \(context())") }
    }
}

/// A cell style of one workbook, looked up once (`Workbook.cellFormat`).
public struct CellFormat {
    let pointer: UnsafeMutablePointer<lxw_format>?
}
