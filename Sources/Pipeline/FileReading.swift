import Crypto
import Domain
import Foundation
import Judgement
import Reading
import Validation

/// How the files a run takes (and the files `validate` is given) are read for judgement: the one
/// safe read of `FileBytes`, with the SHA-256 of exactly the bytes read.
public enum FileReading {
    /// The content, and the stamp of the file that was read (nil when nothing was).
    static func read(path: DiskPath, maxBytes: Int) -> (Content, FileStamp?) {
        switch FileBytes.read(path: path, maxBytes: maxBytes) {
        case .bytes(let bytes, let stamp): (.bytes(bytes, sha256: sha256(bytes)), stamp)
        case .failed(let failure): (.unreadable(failure), nil)
        case .changed(let reason): (.withdrawn(reason: reason), nil)
        }
    }

    public static func content(path: String, maxBytes: Int) -> Content { read(path: DiskPath(path), maxBytes: maxBytes).0 }

    /// The dataset a file holds: by its name, else by its header (a workbook: by its sheets, read
    /// whole).
    public static func recognise(name: String, path: DiskPath) -> Dataset? {
        if let dataset = DatasetRecognition.fromFileName(name) { return dataset }
        guard let head = FileBytes.head(path: path, limit: DatasetRecognition.headBytes) else { return nil }
        if SpreadsheetDocument.isZip(head.bytes) && !head.complete {
            guard case .bytes(let bytes, _) = FileBytes.read(path: path, maxBytes: Self.maxWorkbookBytes) else { return nil }
            return DatasetRecognition.recognise(name: name, head: bytes, complete: true)
        }
        return DatasetRecognition.recognise(name: name, head: head.bytes, complete: head.complete)
    }

    /// The largest workbook whose sheets are looked at to recognise it (larger ones are still
    /// judged, under `max_file_bytes`, when their name says what they hold).
    static let maxWorkbookBytes = 64 << 20

    public static func recognise(name: String, path: String) -> Dataset? { recognise(name: name, path: DiskPath(path)) }

    static func sha256(_ bytes: [UInt8]) -> String { Hex.lowercase(SHA256.hash(data: bytes)) }
}
