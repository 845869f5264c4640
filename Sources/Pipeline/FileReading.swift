import Crypto
import Domain
import Foundation
import Judgement
import Reading
import Toolkit
import Validation

/// How the files a run takes (and the files `validate` is given) are read for judgement: the one
/// safe read of `FileBytes`, with the SHA-256 of exactly the bytes read.
public enum FileReading {
    /// The content, with the stamp of the file that was read.
    static func read(path: DiskPath, maxBytes: Int) -> Content {
        switch FileBytes.read(path: path, maxBytes: maxBytes) {
        case .bytes(let bytes, let stamp): .bytes(bytes, sha256: sha256(bytes), read: stamp)
        case .failed(let failure): .unreadable(failure)
        case .changed(let reason): .withdrawn(reason: reason)
        }
    }

    public static func content(path: String, maxBytes: Int) -> Content { read(path: DiskPath(path), maxBytes: maxBytes) }

    /// The dataset a file holds: by its name, else by its header (a workbook: by its sheets, read
    /// whole).
    public static func recognise(name: String, path: DiskPath) -> Dataset? { parts(name: name, path: path)[0].dataset }

    /// What a file offers the night: itself, or each dataset sheet of a workbook
    /// (`WorkbookSheets.parts`). A workbook that cannot be read, or is too large to plan by its
    /// sheets, is one part whose dataset its name says (judged whole when its turn comes).
    public static func parts(name: String, path: DiskPath) -> [WorkbookSheets.Part] {
        guard let head = FileBytes.head(path: path, limit: DatasetRecognition.headBytes) else {
            return [.init(dataset: DatasetRecognition.fromFileName(name), sheet: nil)]
        }
        guard SpreadsheetDocument.isZip(head.bytes) else {
            return [.init(dataset: DatasetRecognition.recognise(name: name, head: head.bytes, complete: head.complete), sheet: nil)]
        }
        let bytes: [UInt8]
        if head.complete {
            bytes = head.bytes
        } else if case .bytes(let read, _) = FileBytes.read(path: path, maxBytes: Self.maxWorkbookBytes) {
            bytes = read
        } else {
            return [.init(dataset: DatasetRecognition.fromFileName(name), sheet: nil)]
        }
        guard let document = try? SpreadsheetDocument.parse(bytes) else {
            return [.init(dataset: DatasetRecognition.fromFileName(name), sheet: nil)]
        }
        return WorkbookSheets.parts(document, name: name)
    }

    /// A submission's content: the file's bytes, or its sheet of the workbook (only that sheet
    /// read), with the stamp of the file that was read.
    static func read(_ submission: Submission, path: DiskPath, maxBytes: Int) -> Content {
        let content = read(path: path, maxBytes: maxBytes)
        guard let wanted = submission.sheet, case .bytes(let bytes, _, let stamp) = content else { return content }
        do {
            guard let sheet = try SpreadsheetDocument.parse(bytes, only: wanted).sheets.first else {
                return .withdrawn(reason: "в книге больше нет листа «\(wanted)» — она изменилась во время запуска")
            }
            return .sheet(sheet, sha256: sha256(of: sheet), read: stamp)
        } catch {
            return .unreadable(.workbook(error))
        }
    }

    /// The files a run or `validate` judges, read when the judge comes to them.
    public struct Files: ContentSource {
        let paths: [DiskPath]
        let maxBytes: Int
        let faults: FaultPoints

        init(paths: [DiskPath], maxBytes: Int, faults: FaultPoints = .none) {
            self.paths = paths
            self.maxBytes = maxBytes
            self.faults = faults
        }

        /// The files `validate` is given, by the submissions' `file`.
        public init(paths: [String], maxBytes: Int) { self.init(paths: paths.map(DiskPath.init), maxBytes: maxBytes) }

        public func content(of submission: Submission) -> Content {
            faults("read")
            return FileReading.read(submission, path: paths[submission.file], maxBytes: maxBytes)
        }
    }

    /// The largest workbook whose sheets are looked at to recognise it (larger ones are still
    /// judged, under `max_file_bytes`, when their name says what they hold).
    static let maxWorkbookBytes = 64 << 20

    public static func recognise(name: String, path: String) -> Dataset? { recognise(name: name, path: DiskPath(path)) }

    public static func parts(name: String, path: String) -> [WorkbookSheets.Part] { parts(name: name, path: DiskPath(path)) }

    static func sha256(_ bytes: [UInt8]) -> String { Hex.lowercase(SHA256.hash(data: bytes)) }

    /// Of a sheet's cells as read, row numbers and the problems of its cells: the same for a
    /// workbook saved again unchanged (its bytes are not: Excel stamps the time it saved), so that
    /// it is a repeat.
    static func sha256(of sheet: SpreadsheetDocument.Sheet) -> String {
        var hasher = SHA256()
        let table = sheet.table
        table.withFields { fields in
            for r in 0..<table.count {
                withUnsafeBytes(of: Int64(table.rows[r]).littleEndian) { hasher.update(bufferPointer: $0) }
                for f in 0..<fields.fieldCount(r) {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(fields.field(r, f)))
                    hasher.update(data: [0x1F])
                }
                hasher.update(data: [0x1E])
            }
        }
        for problem in sheet.problems { hasher.update(data: Array("\(problem.address)\u{1F}\(problem.message)\u{1E}".utf8)) }
        return Hex.lowercase(hasher.finalize())
    }
}
