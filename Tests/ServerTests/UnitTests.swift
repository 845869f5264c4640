import Foundation
import Testing

@testable import Server

/// The rules of the server that need no server: names, wrong codes, sessions.
struct UploadNameTests {
    @Test func aNameIsKeptAsItIsOnlyComposed() throws {
        #expect(try UploadName.check("наставники_2025-09-01.csv").get() == "наставники_2025-09-01.csv")
        #expect(try UploadName.check("и\u{0306}.csv").get() == "й.csv")
        #expect(try UploadName.check("шаблоны (1).xlsx").get() == "шаблоны (1).xlsx")
    }

    @Test(arguments: [
        "~$наставники.xlsx", ".~lock.наставники.xlsx#", "list.TMP", "list.csv.part", "list.csv.crdownload", ".list.csv", "a/b.csv",
        "a\\b.csv", "a\u{0}.csv", "a\u{7F}.csv", "a\u{85}.csv", "a\u{200F}.csv", "a\u{2067}.csv", "a.csv ", "", "..",
        String(repeating: "ж", count: 128),
    ])
    func refused(_ name: String) {
        #expect(throws: UploadName.Refused.self) { try UploadName.check(name).get() }
    }

    @Test func invisibleCharactersAreNamedInTheMessage() throws {
        let refusal = try #require(UploadName.check("тест\u{202E}vsc.exe").failure)
        #expect(refusal.message.contains("тестU+202Evsc.exe"))
    }
}

/// A stranger's wrong codes lock no school out; a school's right code resets only its own count.
struct WrongCodesTests {
    @Test func perAddressAndFolder() async {
        let wrong = WrongCodes()
        let now = Date()
        for _ in 0..<WrongCodes.perFolder { _ = await wrong.failed("10.0.0.1", folder: "a", now: now) }
        #expect(await wrong.refusal("10.0.0.1", folder: "a", now: now) != nil)
        #expect(await wrong.refusal("10.0.0.1", folder: "b", now: now) == nil, "another school behind the address")
        #expect(await wrong.refusal("10.0.0.2", folder: "a", now: now) == nil, "the school from another address")
        await wrong.succeeded("10.0.0.1", folder: "b")
        #expect(await wrong.refusal("10.0.0.1", folder: "a", now: now) != nil, "b's right code resets nothing of a's")
        #expect(await wrong.refusal("10.0.0.1", folder: "a", now: now.addingTimeInterval(WrongCodes.window + 1)) == nil)
    }

    @Test func manyAddressesCannotLockASchoolOut() async {
        let wrong = WrongCodes()
        let now = Date()
        var delay: TimeInterval = 0
        for i in 0..<500 { delay = await wrong.failed("10.0.\(i / 250).\(i % 250)", folder: "a", now: now) }
        #expect(delay == 2, "guessing one school from everywhere is slow")
        #expect(await wrong.refusal("192.168.1.1", folder: "a", now: now) == nil)
    }

    @Test func oneAddressTryingEverySchoolIsRefused() async {
        let wrong = WrongCodes()
        let now = Date()
        for i in 0..<WrongCodes.perAddress { _ = await wrong.failed("10.0.0.9", folder: "school-\(i)", now: now) }
        #expect(await wrong.refusal("10.0.0.9", folder: "school-x", now: now) != nil)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
