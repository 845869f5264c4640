import Domain
import Foundation
import NIOConcurrencyHelpers
import Registry

/// The registry as the server reads it: opened read-only once, its baseline read again only when
/// another process (the night, `approve`, `region return`) has committed since (SQLite's
/// `data_version`), or when the file was replaced. Before the first night there is none.
final class RegistryView: Sendable {
    let path: String
    private let state = NIOLockedValueBox<Held?>(nil)

    struct Held {
        var file: FileIdentity
        var registry: Registry
        var version: Int64
        var baseline: Baseline
    }

    init(path: String) { self.path = path }

    /// The registry and its baseline as they stand now; nil before the first night.
    func current() throws -> (registry: Registry, baseline: Baseline, version: String)? {
        guard let identity = FileIdentity(path) else { return nil }
        return try state.withLockedValue { held in
            let same = held.map { $0.file.inode == identity.inode && $0.file.device == identity.device } ?? false
            if same, let kept = held, try kept.registry.dataVersion() == kept.version {
                return (kept.registry, kept.baseline, "\(identity.inode)/\(kept.version)")
            }
            let registry = try same ? held!.registry : Registry(path: path, readOnly: true)
            let version = try registry.dataVersion()
            let baseline = try registry.baseline()
            held = Held(file: identity, registry: registry, version: version, baseline: baseline)
            return (registry, baseline, "\(identity.inode)/\(version)")
        }
    }

    /// The baseline the night would start from now.
    func baseline() throws -> Baseline { try current()?.baseline ?? .empty }

    /// When the latest night began, as recorded; nil before the first.
    func lastRunStarted() -> String? { (try? current()?.registry.lastRunStarted()) ?? nil }

    /// Above a district: every unit's current package, by folder.
    func currentPackages() -> [String: [PackageRecord]] {
        guard let records = try? current()?.registry.currentPackages() else { return [:] }
        return Dictionary(grouping: records, by: \.folder)
    }
}
