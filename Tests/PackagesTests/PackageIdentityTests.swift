import CommandTestSupport
import Domain
import Foundation
import Testing
import XLSXTestSupport

/// A package is its content: the same content, in another process, under another name or saved
/// again by another program, is a repeat that keeps the first arrival; an older package never
/// replaces a newer one.
struct PackageIdentityTests {
    /// What a night's journal says of each file it took: `folder/name` → (verdict, SHA-256).
    static func journal(_ ws: Workspace, run: Int) throws -> [String: (verdict: String, sha: String)] {
        let name = try #require(ws.files(under: ws.state.appendingPathComponent("runs")).first { $0.hasSuffix("-run\(run).json") })
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: ws.state.appendingPathComponent("runs/\(name)"))) as? [String: Any]
        var out: [String: (String, String)] = [:]
        for file in (json?["files"] as? [[String: Any]]) ?? [] {
            out["\(file["school"] as? String ?? "")/\(file["file"] as? String ?? "")"] = (
                file["verdict"] as? String ?? "", file["sha256"] as? String ?? ""
            )
        }
        return out
    }

    /// The same package on two nights, each its own process: «повтор», and «Пакет получен» stays
    /// the day it first came (a package on time does not turn late by being sent again); the
    /// identity is the same in two regions' processes.
    @Test func theSamePackageTwiceIsARepeatAndKeepsItsArrival() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let package = try Levels.package(district, "d-one-2026-H1.xlsx")
        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", package)
        #expect(try region.run().status == 0)
        let received = try Levels.monitoringRow(region, "d-one")[3]
        try region.drop("d-one", "пакет снова.xlsx", package)
        #expect(try region.run(["--as-of", "2026-03-04"]).status == 0)
        let first = try Self.journal(region, run: 1)["d-one/пакет.xlsx"]
        let second = try Self.journal(region, run: 2)["d-one/пакет снова.xlsx"]
        #expect(first?.verdict == "принят" && second?.verdict == "повтор")
        #expect(first?.sha == second?.sha)
        #expect(try Levels.monitoringRow(region, "d-one", on: "2026-03-04")[3] == received)
        #expect(try Levels.receiptText(region, "d-one", on: "2026-03-04").contains("пакет снова.xlsx | пакет отчётности | повтор"))
        // Another region's process reads the same identity.
        let other = try Levels.level("region", code: "reg", units: ["d-one"])
        try other.drop("d-one", "пакет.xlsx", package)
        #expect(try other.run().status == 0)
        #expect(try Self.journal(other, run: 1)["d-one/пакет.xlsx"]?.sha == first?.sha)
    }

    /// A package opened and saved again without a change — by LibreOffice, by a Python script with
    /// openpyxl — shows the same cells: a repeat.
    @Test(arguments: ["libreoffice", "openpyxl"])
    func aPackageSavedAgainUnchangedIsARepeat(_ program: String) throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let package = try Levels.package(district, "d-one-2026-H1.xlsx")
        let work = try CommandRunner.scratch(["пакет.xlsx": package])
        let saved: URL
        if program == "libreoffice" {
            let out = work.appendingPathComponent("out")
            let profile = work.appendingPathComponent("profile")
            let result = try CommandRunner.exec([
                "/usr/bin/soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore", "--convert-to",
                "xlsx:Calc MS Excel 2007 XML", "--outdir", out.path, work.appendingPathComponent("пакет.xlsx").path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            saved = out.appendingPathComponent("пакет.xlsx")
        } else {
            saved = work.appendingPathComponent("сохранён.xlsx")
            let script = "import openpyxl, sys\nbook = openpyxl.load_workbook(sys.argv[1])\nbook.save(sys.argv[2])\n"
            let result = try CommandRunner.exec([
                "/usr/bin/env", "python3", "-c", script, work.appendingPathComponent("пакет.xlsx").path, saved.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let again = Array(try Data(contentsOf: saved))
        #expect(again != package, "the program wrote the workbook its own way")
        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "пакет.xlsx", package)
        #expect(try region.run().status == 0)
        try region.drop("d-one", "пакет, сохранённый снова.xlsx", again)
        #expect(try region.run(["--as-of", "2026-03-04"]).status == 0)
        #expect(try Self.journal(region, run: 2)["d-one/пакет, сохранённый снова.xlsx"]?.verdict == "повтор")
    }

    /// The district sends its package of 5 March, then by mistake its package of 1 March: the
    /// older is refused with both dates, the region keeps the newer; the approved package of 5
    /// March (the same day, new content) replaces it.
    @Test func anOlderPackageNeverReplacesANewerOne() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let older = try Levels.package(district, "d-one-2026-H1.xlsx")
        try district.drop("d-one-s1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        #expect(try district.run(["--as-of", "2026-03-05"]).status == 0)
        let newer = try Levels.package(district, "d-one-2026-H1.xlsx")
        let region = try Levels.level("region", code: "reg", units: ["d-one"])
        try region.drop("d-one", "новый.xlsx", newer)
        #expect(try region.run(["--as-of", "2026-03-06"]).status == 0)
        try region.drop("d-one", "старый.xlsx", older)
        #expect(try region.run(["--as-of", "2026-03-07"]).status == 0)
        #expect(try Self.journal(region, run: 2)["d-one/старый.xlsx"]?.verdict == "отклонён")
        let receipt = try Levels.receiptText(region, "d-one", on: "2026-03-07")
        #expect(receipt.contains("Данные пакета на 01.03.2026 — раньше, чем у принятого пакета за 2026-H1 (данные на 05.03.2026)"))
        #expect(
            try Levels.monitoringRow(region, "d-one", on: "2026-03-07")[3]
                == (try Levels.monitoringRow(region, "d-one", on: "2026-03-06")[3]))

        let approve = try CommandRunner.run([
            "approve", "--config", district.config.path, "--as-of", "2026-03-05", "--period", "2026-H1", "--by", "Ромащина Д.М.",
        ])
        #expect(approve.status == 0, "\(approve.stderr)")
        try region.drop("d-one", "утверждённый.xlsx", try Levels.package(district, "d-one-2026-H1.xlsx"))
        #expect(try region.run(["--as-of", "2026-03-08"]).status == 0)
        #expect(try Self.journal(region, run: 3)["d-one/утверждённый.xlsx"]?.verdict == "принят")
        #expect(try Levels.monitoringRow(region, "d-one", on: "2026-03-08")[2] == "утверждены")
    }

    /// A school's file on two nights, each its own process: the second is a repeat.
    @Test func aSchoolsFileSentTwiceIsARepeat() throws {
        let district = try Levels.district("d-one", schools: 1, teachers: 30)
        #expect(try district.run().status == 0)
        try district.drop("d-one-s1", "наставники.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        #expect(try district.run(["--as-of", "2026-03-02"]).status == 0)
        let first = try Self.journal(district, run: 1)["d-one-s1/mentors.csv"]
        let second = try Self.journal(district, run: 2)["d-one-s1/наставники.csv"]
        #expect(first?.verdict == "принят" && second?.verdict == "повтор" && first?.sha == second?.sha)
    }
}

/// `validate` at a region judges a district's package as the night does: every kind of refusal
/// gets the night's verdict and the night's words.
struct ValidateAtARegionTests {
    @Test func validateGivesTheNightsVerdictForEveryPackage() throws {
        let district = try Levels.district("d-one", schools: 2, teachers: 30)
        #expect(try district.run().status == 0)
        let good = try Levels.package(district, "d-one-2026-H1.xlsx")
        let region = try Levels.level("region", code: "reg", units: ["d-one", "d-two"])
        try region.drop("d-one", "0-пакет.xlsx", good)
        try region.drop("d-two", "пакет.xlsx", good)
        try region.drop(
            "d-one", "1-правка.xlsx",
            try PackageRejectionTests.tampered(good, sheet: 2, reseal: false, PackageRejectionTests.cell("C2", to: "99")))
        try region.drop(
            "d-one", "2-итого.xlsx",
            try PackageRejectionTests.tampered(good, sheet: 2, reseal: true, PackageRejectionTests.cell("C4", to: "1000")))
        try region.drop("d-one", "3-школа.xlsx", try WrittenWorkbook.texts([("Наставники", [Files.mentorHeader])]))
        try region.drop("d-one", "4-наставники.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try region.drop("d-one", "5-пусто.xlsx", [])
        try region.drop("d-one", "6-бомба.xlsx", try ZipParts.zip([("xl/workbook.xml", Data(count: 64 << 20))]))
        try region.drop("d-one", "7-будущее.xlsx", try PackageRejectionTests.period(good, "2027-H1"))

        struct Judged: Decodable {
            var file: String
            var school: String
            var verdict: String
            var findings: [Finding]
        }
        let paths = region.files(under: region.inbox).map { region.inbox.appendingPathComponent($0).path }
        let all = try CommandRunner.run(
            ["validate"] + paths + ["--config", region.config.path, "--as-of", region.asOf, "--format", "json"])
        #expect(all.status == 1, "\(all.stderr)")
        let validated = try JSONDecoder().decode([Judged].self, from: Data(all.stdout.utf8))
        #expect(validated.count == paths.count)
        // One by one, as a district's office checks its package: the same verdicts.
        for path in paths {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            let one = try CommandRunner.run(
                ["validate", path, "--school", folder, "--config", region.config.path, "--as-of", region.asOf, "--format", "json"])
            let alone = try JSONDecoder().decode([Judged].self, from: Data(one.stdout.utf8))
            #expect(alone.map(\.verdict) == validated.filter { path.hasSuffix("/\($0.school)/\($0.file)") }.map(\.verdict), "\(path)")
        }

        #expect(try region.run().status == 0)
        let night = try PackageIdentityTests.journal(region, run: 1)
        for file in validated {
            #expect(night["\(file.school)/\(file.file)"]?.verdict == file.verdict, "\(file.school)/\(file.file)")
            let receipt = try Levels.receiptText(region, file.school)
            for finding in file.findings {
                #expect(receipt.contains(finding.message), "\(file.file): «\(finding.message)» is the night's")
            }
        }
        #expect(validated.first { $0.file == "0-пакет.xlsx" }?.verdict == "принят")
        #expect(Set(validated.filter { $0.file != "0-пакет.xlsx" }.map(\.verdict)) == ["отклонён"])
    }
}
