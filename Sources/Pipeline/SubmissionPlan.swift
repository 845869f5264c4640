import Config
import Domain
import Judgement
import Packages
import Reading
import Toolkit
import Validation

/// What files offer the judge — the same for the night, `validate` and an upload: each file, or
/// each dataset sheet of a workbook, a `Submission`; a file of a unit's folder above a district,
/// whole, a package.
struct SubmissionPlan {
    var submissions: [Submission]
    /// How many submissions each file is.
    var parts: [Int]

    struct File: Sendable {
        var folder: String
        var name: String
        var path: DiskPath
    }

    init(_ files: [File], judge: Judge, workers: Int) {
        let plans = Parallel.map(files, workers: workers) { file -> [WorkbookSheets.Part] in
            judge.holdsPackages(file.folder)
                ? [WorkbookSheets.Part(dataset: nil, sheet: nil)] : FileReading.parts(name: file.name, path: file.path)
        }
        submissions = []
        for (i, (file, parts)) in zip(files, plans).enumerated() {
            for part in parts {
                submissions.append(
                    Submission(
                        id: submissions.count, file: i, folder: file.folder, name: file.name, sheet: part.sheet, dataset: part.dataset))
            }
        }
        parts = plans.map(\.count)
    }
}

extension Judge {
    /// The judge of an installation's files as of a date: its rules, the registry's baseline and,
    /// above a district, what its units' packages must hold.
    static func of(_ configuration: Configuration, asOf: CivilDate, baseline: Baseline) -> Judge {
        Judge(
            rules: JudgingRules(configuration: configuration, asOf: asOf), baseline: baseline, workers: configuration.settings.threads,
            packages: configuration.units.kind.packageLevel.map { PackageCheck(asOf: asOf, expectedLevel: $0) })
    }
}
