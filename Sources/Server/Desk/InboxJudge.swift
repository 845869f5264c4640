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
/// verdicts of what waits are kept until the inbox or the registry changes (`RegistryView` keeps
/// the baseline). Judging runs on the server's thread pool, off the threads that serve connections.
final class InboxJudge: Sendable {
    let configuration: Configuration
    let desk: InboxDesk
    let registry: RegistryView
    private let pool: NIOThreadPool
    /// The verdicts of what waited when last asked, and what they were judged from.
    private let waiting = NIOLockedValueBox<(key: [String], judged: JudgedPass)?>(nil)

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

    init(configuration: Configuration, desk: InboxDesk, registry: RegistryView, pool: NIOThreadPool) {
        self.configuration = configuration
        self.desk = desk
        self.registry = registry
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
            let now = try self.registryNow()
            let key =
                files.map { file in
                    let identity = FileIdentity(file.path.description)
                    return "\(file.folder)/\(file.name)/\(file.path)/\(identity.map { "\($0.inode)/\($0.size)/\($0.changed)" } ?? "-")"
                }.sorted() + ["as of \(CivilDate.today.iso)", "registry \(now.version)"]
            if let kept = self.waiting.withLockedValue({ $0 }), kept.key == key { return kept.judged }
            let judged = try self.judge(files, baseline: now.baseline)
            self.waiting.withLockedValue { $0 = (key, judged) }
            return judged
        }
    }

    private func judge(_ files: [Rehearsal.File], baseline: Baseline? = nil) throws(Failure) -> JudgedPass {
        do {
            return try Rehearsal.judge(
                files, configuration: configuration, asOf: CivilDate.today, baseline: try baseline ?? registryNow().baseline)
        } catch let failure as Rehearsal.Failure {
            throw .registry(failure)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .stopped
        }
    }

    /// The registry's baseline and version now (empty before the first night).
    private func registryNow() throws(Failure) -> (baseline: Baseline, version: String) {
        do {
            guard let current = try registry.current() else { return (.empty, "none") }
            return (current.baseline, current.version)
        } catch {
            throw .registry(.registry(path: configuration.database, error))
        }
    }

    /// `work` on the server's thread pool.
    private func onPool<T: Sendable>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result: Result<T, Failure>
        do {
            result = try await pool.runIfActive { Result { () throws(Failure) in try work() } }
        } catch {
            throw .stopped
        }
        return try result.get()
    }
}
