import CommandTestSupport
import Foundation
import Testing

/// A curator in headless Chromium: signs in, chooses several files at once (the programmes before
/// the lists they need), reads each verdict, the waiting list with its verdicts after a reload, the
/// findings of a bad file grouped by kind, a rejected upload that replaced nothing; withdraws a
/// file; another school's curator sees none of it.
struct CuratorBrowserTests {
    let a = "tetyushi-sosh1", b = "tetyushi-sosh2"

    func signIn(_ browser: WebDriver, _ server: ServerProcess, folder: String, code: String) throws {
        try browser.go(server.url + "/")
        try browser.type("#folder", folder)
        try browser.type("#code", code)
        try browser.click("#signin-button")
    }

    @Test(.timeLimit(.minutes(3)))
    func uploadThroughThePageAndReadTheVerdicts() throws {
        let ws = try Workspace()
        let server = try ServerProcess(ws)
        let codeA = try server.issue(a)
        let codeB = try server.issue(b)
        let badRows = (0..<30).map { (String(format: "123-456-7%02d 00", $0), "Андреева") }
        let files = try CommandRunner.scratch([
            "программы.csv": Files.programs([("1", Files.mentorA, Files.menteeA)]),
            "наставники.csv": Files.mentors([(Files.mentorA, "Андреева")]),
            "наставляемые.csv": Files.mentees([(Files.menteeA, "Петров")]),
            "bad/наставники.csv": Files.mentors(badRows),
        ])
        let browser = try WebDriver()

        // A wrong code is refused with a message on the page.
        try signIn(browser, server, folder: a, code: "WRONG-CODE")
        #expect(try browser.wait(for: "Неверный код ОО или код доступа"))

        try signIn(browser, server, folder: a, code: codeA)
        #expect(try browser.wait(for: "Отправить файлы"))
        // The file chooser speaks Russian: its button and what it says before a choice.
        #expect(try browser.text().contains("Выбрать файлы"))
        #expect(try browser.text().contains("Файлы не выбраны"))
        // Three files at once, the programmes first: sent after the lists, each accepted.
        let chosen = ["программы.csv", "наставники.csv", "наставляемые.csv"].map { files.appendingPathComponent($0).path }
        try browser.type("#files", chosen.joined(separator: "\n"))
        #expect(try browser.wait(for: "программы.csv: принят"))
        #expect(try browser.text().contains("наставники.csv: принят"))
        #expect(try browser.wait(for: "Проверен с учётом ожидающих файлов: «наставники.csv», «наставляемые.csv»"))
        #expect(ws.files(under: ws.inbox) == ["\(a)/наставляемые.csv", "\(a)/наставники.csv", "\(a)/программы.csv"])

        // A bad list under a waiting file's name: rejected, its 30 findings as one kind, kept aside.
        try browser.type("#files", files.appendingPathComponent("bad/наставники.csv").path)
        #expect(try browser.wait(for: "ожидающий файл с тем же именем остался на месте"))
        #expect(try browser.wait(for: "Не приняты и не заменили ожидающий файл"))
        let page = try browser.text()
        #expect(page.contains("30 строк (ошибка): 2, 3, 4, 5, 6 и ещё 25"), "\(page)")
        #expect(
            try Data(contentsOf: ws.inbox.appendingPathComponent("\(a)/наставники.csv"))
                == Data(Files.mentors([(Files.mentorA, "Андреева")])))
        // Every finding on demand, under a header that stays while the table scrolls.
        try browser.click("#kept-files details summary")
        #expect(try browser.css("#kept-files .table-box thead th", "position") == "sticky")

        // After a reload, each waiting file with its verdict.
        try browser.go(server.url + "/school")
        #expect(try browser.wait(for: "Ждут ночной обработки"))
        let reloaded = try browser.text()
        for name in ["наставники.csv", "наставляемые.csv", "программы.csv"] { #expect(reloaded.contains("\(name): принят")) }
        #expect(reloaded.contains("наставники.csv: отклонён"), "the kept upload, with its verdict")

        // Withdrawn from the page: the programmes now wait alone for their people.
        try browser.click("#waiting-files li:nth-child(1) button")
        #expect(try browser.wait(for: "Ждут ночной обработки"))
        #expect(ws.files(under: ws.inbox) == ["\(a)/наставники.csv", "\(a)/программы.csv"])
        #expect(try browser.wait(for: "программы.csv: отклонён"))

        // Another school's curator sees nothing of school A's.
        try browser.click("#signout")
        try signIn(browser, server, folder: b, code: codeB)
        #expect(try browser.wait(for: "Файлов, ожидающих обработки, нет"))
        #expect(!(try browser.text().contains("наставники.csv")))
        try browser.go(server.url + "/api/v1/schools/\(a)/files")
        #expect(try browser.text().contains("Этот вход открывает только папку «\(b)»"))
    }
}
