import Config
import Domain
import Foundation
import Judgement
import Reading
import Registry

/// The night rehearsed: files judged exactly as the night will judge them, together, changing
/// nothing — `nastavnik validate`, and an upload through the curators' page judged with every file
/// waiting in the inbox. The registry as it stands is the baseline (invited mentors of other
/// schools resolve, a file identical to the snapshot is a repeat).
public enum Rehearsal {
    public enum Failure: Error, CustomStringConvertible {
        /// The registry is there but cannot be read: a verdict without it could disagree with the night's.
        case registry(path: String, any Error)

        public var description: String {
            switch self {
            case .registry(let path, let error):
                "Реестр \(path) не читается (\(error)): без него проверка может разойтись с ночным запуском. Сообщите администратору."
            }
        }
    }

    /// A file to judge: where it lies, and the folder (school) it is for.
    public struct File: Sendable, Equatable {
        public var path: DiskPath
        public var folder: String
        public var name: String

        public init(path: DiskPath, folder: String, name: String) {
            self.path = path
            self.folder = folder
            self.name = name
        }

        public init(path: String, folder: String, name: String) { self.init(path: DiskPath(path), folder: folder, name: name) }
    }

    /// The files in the inbox the night would take now (its own scan, without the age a file must
    /// reach first): what an upload is judged together with.
    public static func waiting(configuration: Configuration) -> [File] {
        let folders = Set(configuration.units.codes + [configuration.level.ownFolder])
        guard let scan = try? InboxScan(inbox: configuration.inbox, folders: folders, minAge: 0, now: Date()) else { return [] }
        return scan.files.map { File(path: $0.path, folder: $0.folder, name: $0.name) }
    }

    /// The verdicts, with the registry read now; `baseline` when the caller keeps it read already.
    public static func judge(_ files: [File], configuration: Configuration, asOf: CivilDate, baseline known: Baseline? = nil)
        throws(Failure) -> JudgedPass
    {
        let baseline: Baseline
        if let known { baseline = known } else { baseline = try Self.baseline(configuration) }
        let judge = Judge.of(configuration, asOf: asOf, baseline: baseline)
        let plan = SubmissionPlan(
            files.map { SubmissionPlan.File(folder: $0.folder, name: $0.name, path: $0.path) }, judge: judge,
            workers: configuration.settings.threads)
        do {
            return try judge.judge(
                plan.submissions, contents: FileReading.Files(paths: files.map(\.path), maxBytes: configuration.settings.maxFileBytes))
        } catch {
            throw .registry(path: configuration.database, error)
        }
    }

    /// The registry's baseline; empty when there is no registry yet.
    public static func baseline(_ configuration: Configuration) throws(Failure) -> Baseline {
        guard FileManager.default.fileExists(atPath: configuration.database) else { return .empty }
        do {
            return try Registry(path: configuration.database, readOnly: true).baseline()
        } catch {
            throw .registry(path: configuration.database, error)
        }
    }

    /// The verdicts as `validate --format json` gives them.
    public static func json(_ files: [FileJudgement]) -> Data {
        let encoder = JudgedFile.encoder
        encoder.outputFormatting.insert(.prettyPrinted)
        return (try? encoder.encode(files.map(JudgedFile.init))) ?? Data("[]".utf8)
    }
}
