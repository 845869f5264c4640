import CommandTestSupport
import Domain
import Foundation
import Registry
import Testing
import XLSXTestSupport

/// `nastavnik run` through the real binary, over several nights, on scratch folders (SPEC §5).
struct RunNightsTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    @Test func acceptReplaceRejectRepeatCorrect() throws {
        let ws = try Workspace()
        // Night 1: a school's first files.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")]))
        try ws.drop(a, "mentees.csv", Files.mentees([(Files.menteeA, "Петров")]))
        try ws.drop(a, "programs.csv", Files.programs([("1", Files.mentorA, Files.menteeA)]))
        var result = try ws.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("CXLSXTuning"), "the shipped binary's workbooks go through the tuning")
        #expect(try ws.registry().currentCounts()[a] == [.mentors: 2, .mentees: 1, .programs: 1])
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(ws.files(under: ws.state.appendingPathComponent("archive/\(a)")).count == 3)

        // Night 2: a new snapshot of mentors replaces the old one; the other datasets stay.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        result = try ws.run()
        #expect(try ws.registry().currentCounts()[a] == [.mentors: 1, .mentees: 1, .programs: 1])
        #expect(ws.files(under: ws.state.appendingPathComponent("archive/\(a)")).contains("\(ws.asOf)_mentors (2).csv"))

        // Night 3: a broken update is rejected whole; the previous data stays.
        let before = try ws.registry().contentDump()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), ("112-233-445 96", "Сорокина")]))
        result = try ws.run()
        #expect(result.status == 0)
        #expect(try ws.registry().currentCounts()[a] == [.mentors: 1, .mentees: 1, .programs: 1])
        #expect(ws.files(under: ws.state.appendingPathComponent("quarantine/\(a)")).count == 1)
        let receipt = try ws.receiptText(a)
        #expect(receipt.contains("mentors.csv | Наставники | отклонён"))
        #expect(receipt.contains("неверная контрольная сумма"))
        #expect(try snapshots(ws.registry().contentDump()) == snapshots(before))

        // Night 4: the current file sent again is «повтор»: archived, nothing changes.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let beforeRepeat = try ws.registry().contentDump()
        result = try ws.run()
        #expect(try ws.receiptText(a).contains("mentors.csv | Наставники | повтор"))
        #expect(try snapshots(ws.registry().contentDump()) == snapshots(beforeRepeat))

        // Night 5: the corrected file is accepted.
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorC, "Сорокина")]))
        result = try ws.run()
        #expect(try ws.registry().currentCounts()[a]?[.mentors] == 2)
        // Nothing accepted is ever deleted: all five nights' files are kept.
        #expect(
            ws.files(under: ws.state.appendingPathComponent("archive")).count
                + ws.files(under: ws.state.appendingPathComponent("quarantine")).count == 7)
        #expect(ws.files(under: ws.state.appendingPathComponent("runs")).count == 5)
    }

    /// The snapshot lines of a dump: which file is each school's current one.
    private func snapshots(_ dump: String) -> [String] {
        dump.components(separatedBy: "\n# ").filter { $0.hasPrefix("SELECT s.school, s.dataset") || $0.contains("FROM mentor_row") }
    }

    @Test func programmesMayNameAMentorAnotherSchoolSentTheSameNight() throws {
        let ws = try Workspace()
        // School A (first in schools.csv) invites school B's mentor; B's mentors arrive tonight.
        try ws.drop(a, "mentees.csv", Files.mentees([(Files.menteeA, "Петров")]))
        try ws.drop(a, "programs.csv", Files.programs([("1", Files.mentorB, Files.menteeA)]))
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorB, "Белов")]))
        #expect(try ws.run().status == 0)
        #expect(try ws.registry().currentCounts()[a]?[.programs] == 1)
    }

    @Test func aProgrammeNamingAMentorOfARejectedFileIsRejected() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), ("112-233-445 96", "Ошибкин")]))
        try ws.drop(a, "mentees.csv", Files.mentees([(Files.menteeA, "Петров")]))
        try ws.drop(a, "programs.csv", Files.programs([("1", Files.mentorA, Files.menteeA)]))
        try ws.run()
        let receipt = try ws.receiptText(a)
        #expect(receipt.contains("programs.csv | Программы наставничества | отклонён"))
        #expect(receipt.contains("«mentors.csv» (наставники) отклонён"))
    }

    @Test func headerOnlyFileEmptiesTheSnapshotAndUnsentDatasetsStay() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(a, "profile.csv", Files.profile(a))
        try ws.run()
        try ws.drop(a, "mentors.csv", Files.csv([Files.mentorHeader]))
        try ws.run()
        #expect(try ws.registry().currentCounts()[a] == [.mentors: 0, .profile: 1])
        #expect(try ws.receiptText(a).contains("нет ни одной строки"))
    }

    @Test func oneSnilsTwoSpellingsIsAWarning() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(b, "mentors.csv", Files.mentors([(Files.mentorA, "Андреев")]))
        try ws.run()
        #expect(try ws.registry().currentCounts()[b]?[.mentors] == 1)
        let receipt = try ws.receiptText(b)
        #expect(receipt.contains("записан на «Андреева Галина Петровна», а здесь — «Андреев Галина Петровна»"))
    }
}

struct RunRulesTests {
    let a = "tetyushi-sosh1"

    @Test func anotherSchoolsCodeIsRejected() throws {
        let ws = try Workspace()
        try ws.drop(a, "profile.csv", Files.profile("tetyushi-sosh2"))
        try ws.run()
        #expect(try ws.registry().currentCounts()[a] == nil)
        #expect(try ws.receiptText(a).contains("не совпадает с папкой"))
    }

    @Test func strayFilesAndFoldersAreQuarantinedUnread() throws {
        let ws = try Workspace()
        try ws.drop("", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop("school-x", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let result = try ws.run()
        #expect(result.status == 0)
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(
            ws.files(under: ws.state.appendingPathComponent("quarantine/_inbox")) == [
                "\(ws.asOf)_mentors.csv", "\(ws.asOf)_school-x/mentors.csv",
            ])
        let journal = try ws.text("var/runs/\(ws.asOf)-run1.json")
        #expect(journal.contains("папки «school-x» нет в config/schools.csv"))
        #expect(try ws.registry().currentCounts().isEmpty)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let ws = try Workspace()
        let outside = ws.root.appendingPathComponent("secret.csv")
        try Data(Files.mentors([(Files.mentorA, "Андреева")])).write(to: outside)
        try FileManager.default.createDirectory(at: ws.inbox.appendingPathComponent(a), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: ws.inbox.appendingPathComponent("\(a)/mentors.csv"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: ws.inbox.appendingPathComponent("tetyushi-sosh2"), withDestinationURL: ws.root)
        #expect(try ws.run().status == 0)
        #expect(FileManager.default.fileExists(atPath: outside.path), "the link's target stays where it is")
        #expect(try ws.registry().currentCounts().isEmpty)
        let quarantined = ws.state.appendingPathComponent("quarantine/\(a)/\(ws.asOf)_mentors.csv").path
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: quarantined) == outside.path)
    }

    @Test func filesStillBeingWrittenWaitForTheNextNight() throws {
        let ws = try Workspace(settings: "min_file_age_seconds = 3600\n")
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(a, "~$mentors.csv", [0, 1, 2])
        try ws.drop(a, "mentees.csv.part", [1])
        let old = ws.inbox.appendingPathComponent("\(a)/profile.csv")
        try Data(Files.profile(a)).write(to: old)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old.path)
        #expect(try ws.run().status == 0)
        #expect(ws.files(under: ws.inbox) == ["\(a)/mentees.csv.part", "\(a)/mentors.csv", "\(a)/~$mentors.csv"])
        #expect(try ws.registry().currentCounts()[a] == [.profile: 1])
    }

    /// A school computer whose clock runs a day fast: the file is not held as «changed less than a
    /// minute ago» until that day, but taken once the server has seen it still for the minimum age,
    /// and its receipt says its time was in the future.
    @Test func aFileFromAClockAheadIsTakenOnceStillAndTheReceiptSaysSo() throws {
        let ws = try Workspace(settings: "min_file_age_seconds = 1\n")
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let path = ws.inbox.appendingPathComponent("\(a)/mentors.csv").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 86_400)], ofItemAtPath: path)
        Thread.sleep(forTimeInterval: 1.5)
        let result = try ws.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(ws.files(under: ws.inbox).isEmpty)
        #expect(try ws.registry().currentCounts()[a]?[.mentors] == 1)
        let receipt = try ws.receiptText(a)
        #expect(receipt.contains("mentors.csv | Наставники | принят"))
        #expect(receipt.contains("в будущем по часам сервера"))
    }

    @Test func configurationErrorsStopBeforeAnythingIsTouched() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try "Код ОО;Наименование ОО;Краткое наименование;ИНН\nbad code;Школа;Ш;1638011140\n".write(
            to: ws.config.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        let result = try ws.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("schools.csv:2"))
        #expect(ws.files(under: ws.inbox) == ["\(a)/mentors.csv"])
        #expect(!FileManager.default.fileExists(atPath: ws.state.path))
    }

    @Test func anUnknownDeadlineTextStopsTheRunBeforeAnythingChanges() throws {
        let ws = try Workspace()
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let roadmap = ws.config.appendingPathComponent("roadmap.csv")
        let text = try String(contentsOf: roadmap, encoding: .utf8).replacingOccurrences(of: "Ноябрь 2023 г.", with: "Осенью 2023")
        try text.write(to: roadmap, atomically: true, encoding: .utf8)
        let result = try ws.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("roadmap.csv:17"))
        #expect(result.stderr.contains("«Осенью 2023»"))
        #expect(ws.files(under: ws.inbox) == ["\(a)/mentors.csv"])
        #expect(!FileManager.default.fileExists(atPath: ws.state.path))
    }

    @Test func receiptsListTheSchoolsDeadlines() throws {
        let ws = try Workspace()
        try ws.drop(
            a, "roadmap.csv",
            Files.csv([
                ["Код мероприятия", "Дата выполнения", "Документ"], ["П2.1", "16.01.2023", "Приказ № 12"],
                ["П2.6", "02.03.2023", "https://s.ru/n"],
            ]))
        try ws.run()
        let due = try #require(ws.receipt(a)["Сроки"])
        func status(_ code: String) -> [String]? {
            (1...due.lastRow).map { due.row($0) }.first { $0.first == code }
        }
        #expect(status("П2.1")?[4] == "выполнено в срок")
        #expect(status("П2.1")?[3] == "44956", "due 30.01.2023, a real date")
        #expect(status("П2.6")?[4] == "выполнено с нарушением срока")
        #expect(status("П2.2")?[4] == "просрочено")
        #expect(status("2.8")?[4] == "постоянно")
    }

    @Test func everyWorkbookOfTheNightIsWritten() throws {
        let ws = try Workspace()
        try ws.drop(a, "profile.csv", Files.profile(a))
        try ws.drop(a, "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        try ws.drop(
            "district", "roadmap.csv",
            Files.csv([["Код мероприятия", "Дата выполнения", "Документ"], ["1.1", "23.12.2022", "Приказ № 789"]]))
        #expect(try ws.run().status == 0)
        let workbooks = [
            "monitoring-\(ws.asOf).xlsx", "public/\(a)/nastavnichestvo-\(ws.asOf).xlsx", "registry-\(ws.asOf).xlsx",
            "schools/district/receipt-\(ws.asOf).xlsx", "schools/\(a)/receipt-\(ws.asOf).xlsx", "statform-\(ws.asOf).xlsx",
        ]
        // And the pages (the district's, and one for every school of schools.csv: a stable address) and the half-year's report.
        let schools = try String(contentsOf: ws.config.appendingPathComponent("schools.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ";")[0]) }
        let expected =
            (workbooks + ["index.html", "spravka-2026-H1.docx", "upward/tetyushi-2026-H1.xlsx"] + schools.map { "public/\($0)/index.html" })
            .sorted()
        #expect(ws.files(under: ws.outbox) == expected)
        for file in workbooks { _ = try XLSXFile(path: ws.outbox.appendingPathComponent(file).path) }
        // A second run on the same date replaces them with the same content.
        let before = try Data(contentsOf: ws.outbox.appendingPathComponent("statform-\(ws.asOf).xlsx"))
        #expect(try ws.run().status == 0)
        #expect(ws.files(under: ws.outbox) == expected, "receipts of earlier runs stay; the rest is rewritten")
        #expect(try Data(contentsOf: ws.outbox.appendingPathComponent("statform-\(ws.asOf).xlsx")) == before)
    }

    @Test func templatesCommand() throws {
        let ws = try Workspace()
        let result = try CommandRunner.run(["templates", "--config", ws.config.path, "--out", ws.root.appendingPathComponent("t").path])
        #expect(result.status == 0)
        #expect(ws.files(under: ws.root.appendingPathComponent("t")).count == 8)
    }

    @Test func badPeriodIsAUsageError() throws {
        let ws = try Workspace()
        #expect(try ws.run(["--period", "2023-Q1"]).status == 2)
    }
}

struct RunSafetyTests {
    static let schoolFiles: [(String, String, [UInt8])] = [
        ("tetyushi-sosh1", "profile.csv", Files.profile("tetyushi-sosh1")),
        ("tetyushi-sosh1", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева"), (Files.mentorB, "Белов")])),
        ("tetyushi-sosh1", "mentees.csv", Files.mentees([(Files.menteeA, "Петров"), (Files.menteeB, "Орлов")])),
        ("tetyushi-sosh1", "programs.csv", Files.programs([("1", Files.mentorA, Files.menteeA), ("2", Files.mentorB, Files.menteeB)])),
        ("tetyushi-sosh2", "profile.csv", Files.profile("tetyushi-sosh2", total: 12)),
        ("tetyushi-sosh2", "mentors.csv", Files.mentors([(Files.mentorC, "Сорокина"), ("bad", "Ошибкин")])),
        ("tetyushi-sosh2", "mentees.csv", Files.mentees([(Files.menteeC, "Лаптева")])),
        ("btarhany-sosh", "profile.csv", Files.profile("btarhany-sosh", total: 7)),
    ]

    static func filled(_ ws: Workspace) throws -> Workspace {
        for (folder, name, bytes) in schoolFiles { try ws.drop(folder, name, bytes) }
        return ws
    }

    /// SHA-like fingerprints (the bytes themselves) of every file in inbox, archive and quarantine.
    static func everyFile(_ ws: Workspace) throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        for folder in [ws.inbox, ws.state.appendingPathComponent("archive"), ws.state.appendingPathComponent("quarantine")] {
            for path in ws.files(under: folder) {
                all.append(Array(try Data(contentsOf: folder.appendingPathComponent(path))))
            }
        }
        return all.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func twoRunsFromTheSameInboxGiveTheSameRegistry() throws {
        let first = try Self.filled(Workspace())
        let second = try Self.filled(Workspace())
        #expect(try first.run().status == 0)
        #expect(try second.run().status == 0)
        #expect(try first.registry().contentDump() == second.registry().contentDump())
    }

    @Test func aSecondRunExitsThreeWhileTheFirstHoldsTheLock() throws {
        let ws = try Self.filled(Workspace())
        let first = Process()
        first.executableURL = CommandRunner.faultyBinary
        first.arguments = ["run", "--config", ws.config.path, "--as-of", ws.asOf]
        first.environment = ProcessInfo.processInfo.environment.merging(["NASTAVNIK_PAUSE_AT": "locked"]) { $1 }
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until the first run holds the lock (it pauses right after taking it).
        let lockFile = ws.state.appendingPathComponent("nastavnik.lock").path
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: lockFile) { usleep(20_000) }
        usleep(200_000)
        let second = try ws.run()
        first.waitUntilExit()
        #expect(second.status == 3)
        #expect(second.stderr.contains("Другой запуск"))
        #expect(first.terminationStatus == 0)
        #expect(try ws.registry().currentCounts()["tetyushi-sosh1"]?[.mentors] == 2)
    }

    @Test func anInboxOnAnotherFileSystemIsCopiedThenRemoved() throws {
        // /dev/shm is a tmpfs here: rename() between it and the state folder fails with EXDEV.
        let inbox = URL(fileURLWithPath: "/dev/shm/nastavnik-inbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inbox) }
        let ws = try Workspace(settings: "min_file_age_seconds = 0\ninbox = \"\(inbox.path)\"\n")
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("tetyushi-sosh1"), withIntermediateDirectories: true)
        let bytes = Files.mentors([(Files.mentorA, "Андреева")])
        try Data(bytes).write(to: inbox.appendingPathComponent("tetyushi-sosh1/mentors.csv"))
        #expect(try ws.run().status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("tetyushi-sosh1").path).isEmpty)
        let archived = ws.state.appendingPathComponent("archive/tetyushi-sosh1/\(ws.asOf)_mentors.csv")
        #expect(Array(try Data(contentsOf: archived)) == bytes)
        #expect(try ws.registry().currentCounts()["tetyushi-sosh1"]?[.mentors] == 1)
    }

    @Test func aHeldLockChangesNothing() throws {
        let ws = try Self.filled(Workspace())
        try FileManager.default.createDirectory(at: ws.state, withIntermediateDirectories: true)
        let fd = open(ws.state.appendingPathComponent("nastavnik.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let before = try Self.everyFile(ws)
        #expect(try ws.run().status == 3)
        #expect(try Self.everyFile(ws) == before)
        #expect(ws.files(under: ws.inbox).count == Self.schoolFiles.count)
        #expect(!FileManager.default.fileExists(atPath: ws.state.appendingPathComponent("registry.sqlite").path))
    }
}

struct ValidateWithRegistryTests {
    @Test func validateResolvesMentorsOfOtherSchoolsFromTheRegistry() throws {
        let ws = try Workspace()
        try ws.drop("tetyushi-sosh2", "mentors.csv", Files.mentors([(Files.mentorB, "Белов")]))
        #expect(try ws.run().status == 0)
        let dir = try CommandRunner.scratch([
            "mentees.csv": Files.mentees([(Files.menteeA, "Петров")]),
            "programs.csv": Files.programs([("1", Files.mentorB, Files.menteeA)]),
        ])
        let files = ["mentees.csv", "programs.csv"].map { dir.appendingPathComponent($0).path }
        let withRegistry = try CommandRunner.run(
            ["validate"] + files + ["--school", "tetyushi-sosh1", "--config", ws.config.path, "--as-of", ws.asOf])
        #expect(withRegistry.status == 0, "\(withRegistry.stdout)")
        try FileManager.default.removeItem(at: ws.state)
        let without = try CommandRunner.run(
            ["validate"] + files + ["--school", "tetyushi-sosh1", "--config", ws.config.path, "--as-of", ws.asOf])
        #expect(without.status == 1)
        #expect(without.stdout.contains("Наставник со СНИЛС 145-274-509 62 не найден"))
    }

    @Test func theDistrictFolderTakesOnlyItsRoadmapInRunAndValidateAlike() throws {
        let ws = try Workspace()
        try ws.drop("district", "mentors.csv", Files.mentors([(Files.mentorA, "Андреева")]))
        let checked = try CommandRunner.run([
            "validate", ws.inbox.appendingPathComponent("district/mentors.csv").path, "--school", "district", "--config", ws.config.path,
        ])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("только дорожную карту"))
        #expect(try ws.run().status == 0)
        #expect(try ws.receiptText("district").contains("mentors.csv | Наставники | отклонён"))
        #expect(try ws.registry().currentCounts()["district"] == nil)
    }

    @Test func missingInboxIsAConfigurationError() throws {
        let ws = try Workspace()
        try FileManager.default.removeItem(at: ws.inbox)
        let result = try ws.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("входящая папка не найдена"))
        #expect(!FileManager.default.fileExists(atPath: ws.state.path))
    }
}
