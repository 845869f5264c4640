import Domain
import Foundation
import Judgement
import Reading
import Testing

@testable import Pipeline

struct FileReadingTests {
    let dir = NSTemporaryDirectory() + "nastavnik-reading-\(UUID().uuidString)"

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    @Test func bytesAndTheirSha256FromOneRead() throws {
        let path = dir + "/mentors.csv"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        guard case .bytes(let bytes, let sha, _) = FileReading.content(path: path, maxBytes: 10) else {
            Issue.record("not read")
            return
        }
        #expect(bytes == Array("abc".utf8))
        #expect(sha == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let path = dir + "/big.csv"
        try Data(count: 11).write(to: URL(fileURLWithPath: path))
        guard case .unreadable(.tooLarge(let bytes, let limit)) = FileReading.content(path: path, maxBytes: 10) else {
            Issue.record("read past the limit")
            return
        }
        #expect(bytes == 11 && limit == 10)
    }

    @Test(.timeLimit(.minutes(1)))
    func aFifoIsNeverOpenedForReading() throws {
        let path = dir + "/mentors.csv"
        #expect(mkfifo(path, 0o644) == 0)
        guard case .unreadable(.unreadable(let reason)) = FileReading.content(path: path, maxBytes: 1 << 20) else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(reason.contains("не обычный файл"))
        #expect(FileBytes.head(path: DiskPath(path), limit: 10) == nil)
    }

    @Test func aLinkIsNotFollowed() throws {
        let target = dir + "/target.csv"
        let link = dir + "/mentors.csv"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        guard case .unreadable = FileReading.content(path: link, maxBytes: 10) else {
            Issue.record("a link was followed")
            return
        }
    }

    @Test func theDatasetByNameElseByHeader() throws {
        let path = dir + "/export.csv"
        try Data("СНИЛС;Фамилия;Имя;Квалификационная категория\r\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileReading.recognise(name: "export.csv", path: path) == .mentors)
        #expect(FileReading.recognise(name: "programs.csv", path: path) == .programs)
    }
}

struct FileStoreTests {
    @Test func aNameAlreadyTakenThatDayGetsANumber() throws {
        let state = NSTemporaryDirectory() + "nastavnik-store-\(UUID().uuidString)"
        let store = FileStore(state: state)
        let date = CivilDateFixture.asOf
        let first = store.destination(accepted: true, folder: "school-a", date: date, name: "mentors.csv")
        #expect(first == "archive/school-a/2026-03-01_mentors.csv")
        try FileManager.default.createDirectory(atPath: state + "/archive/school-a", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: state + "/" + first))
        #expect(
            store.destination(accepted: true, folder: "school-a", date: date, name: "mentors.csv")
                == "archive/school-a/2026-03-01_mentors (2).csv")
        #expect(
            store.destination(accepted: false, folder: "school-a", date: date, name: "mentors.csv")
                == "quarantine/school-a/2026-03-01_mentors.csv")
    }
}

enum CivilDateFixture {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
}

/// The run takes its half-year parsed: text that is not one never reaches it (`run` refuses it
/// with exit 2), and nothing falls back to the current half-year in its place.
struct RunOptionsTests {
    @Test func theHalfYearIsTheOneGivenElseTheAsOfDates() {
        let asOf = CivilDate(year: 2026, month: 3, day: 1)!
        #expect(ReportingPeriod("2023-H3") == nil)
        #expect(RunOptions(asOf: asOf, period: ReportingPeriod("2023-H1")).reportingPeriod.description == "2023-H1")
        #expect(RunOptions(asOf: asOf, period: nil).reportingPeriod.description == "2026-H1")
    }
}
