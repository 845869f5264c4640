import Crypto
import Domain
import Foundation
import Judgement
import Reading
import Validation

/// How the files a run takes (and the files `validate` is given) are read: regular files only,
/// never past the size limit, the bytes and their SHA-256 from one read, and a file that changes
/// while it is read left for the next night.
public enum FileReading {
    /// The file's content for judgement (`FileBytes`, with the SHA-256 of exactly the bytes read).
    public static func content(path: String, maxBytes: Int) -> Content {
        switch FileBytes.read(path: path, maxBytes: maxBytes) {
        case .bytes(let bytes): .bytes(bytes, sha256: sha256(bytes))
        case .failed(let failure): .unreadable(failure)
        case .changed: .withdrawn(reason: "файл изменился во время чтения — возможно, его ещё копируют")
        }
    }

    /// The dataset a file holds: by its name, else by its header.
    public static func recognise(name: String, path: String) -> Dataset? {
        if let dataset = DatasetRecognition.fromFileName(name) { return dataset }
        guard let head = FileBytes.head(path: path, limit: DatasetRecognition.headBytes) else { return nil }
        return DatasetRecognition.recognise(name: name, head: head.bytes, complete: head.complete)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 of a file on disk (the recovery of an interrupted move), read in blocks.
    static func sha256(path: String, maxBytes: Int) -> String? {
        guard case .bytes(_, let sha) = content(path: path, maxBytes: maxBytes) else { return nil }
        return sha
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
