import Config
import Domain
import Foundation
import Judgement
import NIOConcurrencyHelpers
import NIOPosix
import Pipeline
import Registry

/// An upload judged as the night will judge it: together with every file waiting in the inbox
/// (`Rehearsal`, the judgement of `validate inbox/*/*`), the upload in the place of the file it
/// would replace, so that a programmes file after its mentors file is accepted as at night. The
/// verdicts of what waits are kept until the inbox or the registry changes; the registry's
/// baseline is read once and kept while the registry is unchanged. Judging runs on NIO's thread
/// pool, off the threads that serve connections.
final class InboxJudge: Sendable {
    let configuration: Configuration
    let desk: InboxDesk
    private let pool: NIOThreadPool
    private let cache = NIOLockedValueBox(Cache())

    struct Cache {
        var registry: (file: FileIdentity, registry: Registry, version: Int64, baseline: Baseline)?
        var waiting: (key: [String], judged: JudgedPass)?
    }

    enum Failure: Error, CustomStringConvertible {
        case registry(Rehearsal.Failure)
        case stopped

        var description: String {
            switch self {
            case .registry(let failure): failure.description
            case .stopped: "Сервер останавливается: файл не проверен."
            }
        }
    }

    init(configuration: Configuration, desk: InboxDesk, pool: NIOThreadPool) {
        self.configuration = configuration
        self.desk = desk
        self.pool = pool
    }

    /// The files waiting for the night as it would take them, each folder's pending uploads in the
    /// place of theirs.
    func waitingFiles() -> [Rehearsal.File] {
        var files = Rehearsal.waiting(configuration: configuration)
        for code in Set(files.map(\.folder)).union(pendingFolders()).sorted() {
            for pending in desk.waiting(code) where pending.pending {
                files.removeAll { $0.folder == code && $0.name == pending.name }
                files.append(Rehearsal.File(path: pending.path, folder: code, name: pending.name))
            }
        }
        return files
    }

    /// Folders that hold an upload waiting for the night to end.
    private func pendingFolders() -> [String] {
        let folders = configuration.units.codes + [configuration.level.ownFolder]
        return folders.filter { code in
            ((try? FileManager.default.contentsOfDirectory(atPath: desk.folder(code))) ?? []).contains { $0.hasPrefix(".pending-") }
        }
    }

    /// The upload's verdicts (each sheet of a workbook its own), judged with what waits.
    func judge(upload: Rehearsal.File) async throws(Failure) -> [FileJudgement] {
        try await onPool { () throws(Failure) -> [FileJudgement] in
            var files = self.waitingFiles()
            files.removeAll { $0.folder == upload.folder && $0.name == upload.name }
            files.append(upload)
            let judged = try self.judge(files)
            return judged.judgements.filter { $0.submission.file == files.count - 1 }
        }
    }

    /// The verdicts of every file waiting now (kept while nothing changes).
    func waitingVerdicts() async throws(Failure) -> JudgedPass {
        try await onPool { () throws(Failure) -> JudgedPass in
            let files = self.waitingFiles()
            let baseline = try self.baseline()
            let key =
                files.map { file in
                    let identity = FileIdentity(file.path.description)
                    return "\(file.folder)/\(file.name)/\(file.path)/\(identity.map { "\($0.inode)/\($0.size)/\($0.changed)" } ?? "-")"
                }.sorted() + ["as of \(CivilDate.today.iso)", "registry \(self.registryVersion())"]
            if let kept = self.cache.withLockedValue({ $0.waiting }), kept.key == key { return kept.judged }
            let judged = try self.judge(files, baseline: baseline)
            self.cache.withLockedValue { $0.waiting = (key, judged) }
            return judged
        }
    }

    private func judge(_ files: [Rehearsal.File], baseline: Baseline? = nil) throws(Failure) -> JudgedPass {
        do {
            return try Rehearsal.judge(
                files, configuration: configuration, asOf: CivilDate.today, baseline: try baseline ?? self.baseline())
        } catch let failure as Rehearsal.Failure {
            throw .registry(failure)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .stopped
        }
    }

    /// `work` on NIO's thread pool.
    private func onPool<T: Sendable>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result: Result<T, Failure>
        do {
            result = try await pool.runIfActive { Result { () throws(Failure) in try work() } }
        } catch {
            throw .stopped
        }
        return try result.get()
    }

    /// The registry's baseline, read again only when the registry changed since; empty before the
    /// first night.
    func baseline() throws(Failure) -> Baseline {
        guard let identity = FileIdentity(configuration.database) else { return .empty }
        do {
            return try cache.withLockedValue { cache in
                if let kept = cache.registry, kept.file.inode == identity.inode, kept.file.device == identity.device,
                    try kept.registry.dataVersion() == kept.version
                {
                    return kept.baseline
                }
                let registry =
                    try cache.registry.flatMap { $0.file.inode == identity.inode ? $0.registry : nil }
                    ?? Registry(path: configuration.database, readOnly: true)
                let version = try registry.dataVersion()
                let baseline = try registry.baseline()
                cache.registry = (identity, registry, version, baseline)
                return baseline
            }
        } catch {
            throw .registry(.registry(path: configuration.database, error))
        }
    }

    /// What the registry last read is (for keys of what was judged against it).
    private func registryVersion() -> String {
        cache.withLockedValue { cache in cache.registry.map { "\($0.file.inode)/\($0.version)" } ?? "none" }
    }

    /// When the latest night began, as the registry last read records it; nil before the first.
    func lastNightStarted() -> String? {
        cache.withLockedValue { cache in try? cache.registry?.registry.lastRunStarted() } ?? nil
    }
}
