import Domain
import Foundation
import Judgement

/// A judged file as JSON — the one shape of `validate --format json`, the upload API, the curators'
/// page and the run's journal: its school, name (and sheet), dataset, verdict, rows and counts; a
/// judgement just made adds how it was read, every finding kept and the files of tonight its verdict
/// rests on; a file the night took adds its SHA-256 and where it was stored.
public struct JudgedFile: Codable, Sendable, Equatable {
    public var school: String
    public var file: String
    public var sheet: String?
    public var dataset: String?
    public var verdict: String
    public var rows: Int
    public var errors: Int
    public var warnings: Int
    public var encoding: String?
    public var delimiter: String?
    public var findings: [Finding]?
    /// The same school's files of tonight it rests on, by label.
    public var reliedOn: [String]?
    /// Other schools' mentors lists of tonight it rests on.
    public var reliedOnOtherSchools: Int?
    /// Of what was judged; absent for a file that was never read.
    public var sha256: String?
    /// Where the night stored it (relative to the state folder); absent for a sheet whose workbook
    /// stayed in the inbox (it changed during the run).
    public var storedPath: String?

    /// A judgement just made (`validate`, an upload).
    public init(_ judgement: FileJudgement) {
        school = judgement.submission.folder
        file = judgement.submission.name
        sheet = judgement.submission.sheet
        dataset = judgement.dataset?.rawValue
        verdict = judgement.verdict.rawValue
        rows = judgement.rowCount
        errors = judgement.findings.errorCount
        warnings = judgement.findings.warningCount
        encoding = judgement.encoding?.rawValue
        delimiter = judgement.delimiter.map { String(UnicodeScalar($0.rawValue)) }
        findings = Array(judgement.findings)
        reliedOn = judgement.reliedOn.own
        reliedOnOtherSchools = judgement.reliedOn.otherFolders
    }

    /// A file a night took, as the registry recorded it (the journal).
    init(_ taken: TakenFile) {
        school = taken.folder
        file = taken.name
        sheet = taken.sheet
        dataset = taken.dataset?.rawValue
        verdict = taken.verdict.rawValue
        rows = taken.rowCount
        errors = taken.findings.errorCount
        warnings = taken.findings.warningCount
        sha256 = taken.sha256.isEmpty ? nil : taken.sha256
        storedPath = taken.storedPath.isEmpty ? nil : taken.storedPath
    }

    /// `шаблоны.xlsx — лист «Наставники»`, or the file name.
    public var label: String { SourceLabel.of(file: file, sheet: sheet) }

    /// Its keys in order, as every JSON of the program writes them.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
