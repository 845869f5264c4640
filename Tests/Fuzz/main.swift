import Domain
import Reading
import Validation

#if canImport(Glibc)
    import Glibc
#endif

// Coverage-guided fuzzing of the reader and the validator with libFuzzer (`make fuzz`): each input
// is a file as a school might send it, CSV or workbook; its first byte picks the name it is sent
// under (so every dataset's rules are reached), the rest is the file. Whatever the bytes, the file gets a verdict
// that says why, and nothing crashes, hangs or breaks the invariants below.

/// The people a programmes file may name.
struct FuzzPeople: PeopleDirectory {
    func schoolsWithMentor(_ snils: Snils) -> Set<String> { snils.value % 3 == 0 ? [] : ["fuzz-school"] }
    func isMentee(_ snils: Snils, of school: String) -> Bool { snils.value % 2 == 0 }
}

let names = [
    "mentors.csv", "наставники.csv", "mentees.csv", "programs.csv", "curators.csv", "profile.csv", "roadmap.csv", "export.csv",
    "mentors.xlsx", "шаблоны.xlsx",
]
let context = ValidationContext(
    school: "fuzz-school", asOf: CivilDate(year: 2026, month: 3, day: 1)!, roadmapCodes: ["П2.1", "1.5", "3.1"], people: FuzzPeople())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let dataset = DatasetRecognition.recognise(name: name, head: bytes, complete: true)
    let result = FileValidator.validate(name: name, dataset: dataset, bytes: bytes, context: context)
    // A verdict that says why: accepted files carry no error, rejected ones at least one, every
    // finding is worded, and the listing is bounded.
    precondition(result.isAccepted == !result.findings.hasErrors, "verdict and findings disagree")
    precondition(result.findings.allSatisfy { !$0.message.isEmpty }, "a finding without a message")
    precondition(result.findings.count <= FindingList.limit, "findings past the limit")
    precondition(result.rows == nil || result.rows!.count <= result.rowCount, "more records than rows")
    return 0
}

#if FUZZING
    /// libFuzzer's driver, called from our own entry point: SwiftPM names an executable's `main`
    /// after its target, so libFuzzer's `main` is never linked in.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
    ) -> Int32

    @main
    enum Fuzz {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv) { data, size in fuzz(data, size) })
        }
    }
#else
    import Foundation

    /// Without libFuzzer (`FUZZING` unset): the same check over the files named on the command line,
    /// to replay the corpus or an input that once failed.
    @main
    enum Replay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let bytes = [UInt8](data)
                _ = bytes.withUnsafeBufferPointer { fuzz($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            }
            print("replayed \(CommandLine.arguments.count - 1) inputs")
        }
    }
#endif
