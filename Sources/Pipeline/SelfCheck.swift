import Config
import Domain
import Foundation
import Judgement
import Registry

/// Files judged exactly as the night will judge them, changing nothing: `nastavnik validate` and
/// an upload through the curators' page. The registry as it stands is the baseline (invited
/// mentors of other schools resolve, a file identical to the snapshot is a repeat); what other
/// schools send the same night cannot be known yet.
public enum SelfCheck {
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
    public struct File: Sendable {
        public var path: String
        public var folder: String
        public var name: String

        public init(path: String, folder: String, name: String) {
            self.path = path
            self.folder = folder
            self.name = name
        }
    }

    public static func judge(_ files: [File], configuration: Configuration, asOf: CivilDate) throws(Failure) -> JudgedPass {
        var submissions: [Submission] = []
        for (i, file) in files.enumerated() {
            for part in FileReading.parts(name: file.name, path: file.path) {
                submissions.append(
                    Submission(
                        id: submissions.count, file: i, folder: file.folder, name: file.name, sheet: part.sheet, dataset: part.dataset))
            }
        }
        let judge = NightJudge(
            rules: JudgingRules(configuration: configuration, asOf: asOf), baseline: try baseline(configuration),
            workers: configuration.settings.threads)
        do {
            return try judge.judge(
                submissions, contents: FileReading.Files(paths: files.map(\.path), maxBytes: configuration.settings.maxFileBytes))
        } catch {
            throw .registry(path: configuration.database, error)
        }
    }

    /// No registry yet: empty.
    static func baseline(_ configuration: Configuration) throws(Failure) -> Baseline {
        guard FileManager.default.fileExists(atPath: configuration.database) else { return .empty }
        do {
            return try Registry(path: configuration.database, readOnly: true).baseline()
        } catch {
            throw .registry(path: configuration.database, error)
        }
    }

    /// The verdicts as `validate --format json` and the upload API give them: per file, its school,
    /// dataset, encoding, delimiter, rows, verdict, counts and every finding.
    public static func json(_ files: [FileJudgement]) -> Data {
        struct FileJSON: Encodable {
            let file: String
            let sheet: String?
            let school: String
            let dataset: String?
            let encoding: String?
            let delimiter: String?
            let rows: Int
            let verdict: String
            let errors: Int
            let warnings: Int
            let findings: [Finding]
        }
        let payload = files.map {
            FileJSON(
                file: $0.submission.name, sheet: $0.submission.sheet, school: $0.submission.folder, dataset: $0.dataset?.rawValue,
                encoding: $0.encoding?.rawValue,
                delimiter: $0.delimiter.map { String(UnicodeScalar($0.rawValue)) }, rows: $0.rowCount,
                verdict: $0.verdict.rawValue, errors: $0.findings.errorCount, warnings: $0.findings.warningCount,
                findings: Array($0.findings))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(payload)) ?? Data("[]".utf8)
    }
}
