import Foundation
import Reading

/// `var/audit/uploads.jsonl`: a line per upload and withdrawal — time, school, file, size,
/// SHA-256, the client's address, the verdict and where the file was put.
actor AuditJournal {
    struct Line: Encodable {
        let time: String
        let action: String
        let school: String
        let file: String
        let size: Int?
        let sha256: String?
        let address: String
        let verdict: String?
        /// `inbox`, `pending` or `kept` (`InboxDesk.Placement`).
        let placed: String?
    }

    let path: String

    init(state: String) { path = state + "/audit/uploads.jsonl" }

    /// Appends the line; why not, when it could not be.
    func append(_ line: Line) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(line)
            data.append(0x0A)
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            guard fd >= 0 else { return DiskWrite.reason(errno) }
            defer { close(fd) }
            return data.withUnsafeBytes { DiskWrite.all($0, to: fd) }.map(DiskWrite.reason)
        } catch {
            return "\(error)"
        }
    }
}
