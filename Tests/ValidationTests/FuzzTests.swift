import Domain
import Foundation
import Reading
import Testing
import XLSX
import XLSXTestSupport

@testable import Validation

/// Thousands of random and mutated inputs through the reader and the validator: each gets a verdict,
/// none crashes or hangs, and a rejected file always says why.
struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [[UInt8]] = [
        Fixture.csv([Fixture.mentorHeader, Fixture.mentor(Fixture.mentorA), Fixture.mentor(Fixture.mentorB)]),
        Fixture.csv([Fixture.menteeHeader, Fixture.mentee(Fixture.menteeA)], delimiter: ","),
        Fixture.csv([
            Fixture.programHeader, Fixture.program(),
            Fixture.program("2", mentees: "\(Fixture.menteeB)\n\(Fixture.menteeC)", form: "в группе"),
        ]),
        Fixture.csv(
            [
                ["Код ОО", "Педагогических работников, всего", "из них до 35 лет", "из них молодых специалистов"],
                ["tetyushi-sosh1", "5", "1", "1"],
            ], delimiter: "\t"),
        [0xFF, 0xFE]
            + Array("Код мероприятия\tДата выполнения\tДокумент\r\nП2.1\t16.01.2023\tПриказ\r\n".utf16).flatMap {
                [UInt8($0 & 0xFF), UInt8($0 >> 8)]
            },
    ]
    /// The name that fits each seed.
    static let seedNames = ["mentors.csv", "mentees.csv", "programs.csv", "profile.csv", "roadmap.csv"]
    static let names = seedNames + ["curators.csv", "x.csv"]
    static let interesting: [UInt8] = [0x22, 0x3B, 0x2C, 0x09, 0x0A, 0x0D, 0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0xD0, 0xC2, 0xA0, 0x2D]

    /// One input judged as the night judges a file: a verdict that says why. Whether it was accepted.
    static func judge(_ name: String, _ bytes: [UInt8], round: Int) -> Bool {
        let dataset = DatasetRecognition.recognise(name: name, head: bytes, complete: true)
        let result = FileValidator.validate(name: name, dataset: dataset, bytes: bytes, context: Fixture.context(people: Fixture.people))
        if result.isAccepted {
            #expect(!result.findings.hasErrors)
        } else {
            #expect(result.findings.hasErrors, "round \(round): rejected without an error")
            #expect(result.findings.allSatisfy { !$0.message.isEmpty })
        }
        return result.isAccepted
    }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.insert(interesting.randomElement(using: &rng)!, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes = Array(bytes.prefix(position))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &rng))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default: bytes[position...].reverse()
            }
        }
        return bytes
    }

    @Test(.timeLimit(.minutes(2)))
    func everyInputGetsAVerdict() {
        var rng = SplitMix(state: 20_230_130)
        var accepted = 0
        for round in 0..<4000 {
            let bytes: [UInt8]
            var name = Self.names.randomElement(using: &rng)!
            if round % 4 == 0 {
                bytes = (0..<Int.random(in: 0...600, using: &rng)).map { _ in
                    Bool.random(using: &rng) ? Self.interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
                }
            } else {
                let seed = Int.random(in: 0..<Self.seeds.count, using: &rng)
                bytes = Self.mutate(Self.seeds[seed], &rng)
                if round % 4 != 1 { name = Self.seedNames[seed] }
            }
            if Self.judge(name, bytes, round: round) { accepted += 1 }
        }
        // The mutations must leave some files valid, or the test only exercises the first rejection.
        #expect(accepted > 20)
    }

    // MARK: workbooks

    /// Each CSV seed as the workbook a school would save it as: its parts, by name.
    static let workbookSeeds: [(name: String, parts: [(String, Data)])] = seeds.indices.compactMap { i in
        guard let document = try? CSVDocument.parse(seeds[i]),
            let bytes = try? WorkbookValidationTests.workbook([
                ("Лист1", (0..<document.table.count).map { document.table.record($0).map(CellValue.text) })
            ]),
            let parts = try? ZipParts.parts(bytes)
        else { return nil }
        return (seedNames[i].replacingOccurrences(of: ".csv", with: ".xlsx"), parts)
    }

    /// Mutated workbooks: most with a sheet's, the shared strings' or the styles' XML mutated and
    /// zipped again (so that the XML parser and the cell rules see them, not only the zip's
    /// checksums), the rest with the zip's own bytes mutated.
    @Test(.timeLimit(.minutes(3)))
    func everyWorkbookGetsAVerdict() throws {
        #expect(Self.workbookSeeds.count == Self.seeds.count)
        var rng = SplitMix(state: 20_261_201)
        var accepted = 0
        for round in 0..<2000 {
            let seed = Self.workbookSeeds.randomElement(using: &rng)!
            var bytes: [UInt8]
            if round % 5 == 0 {
                bytes = Self.mutate(try ZipParts.zip(seed.parts), &rng)
            } else {
                var parts = seed.parts
                let xml = parts.indices.filter { ["sheet1.xml", "sharedStrings.xml", "styles.xml"].contains(where: parts[$0].0.hasSuffix) }
                let target = xml.randomElement(using: &rng)!
                parts[target].1 = Data(Self.mutate(Array(parts[target].1), &rng))
                bytes = try ZipParts.zip(parts, stored: true)
            }
            if Self.judge(seed.name, bytes, round: round) { accepted += 1 }
        }
        #expect(accepted > 20)
    }
}
