import CommandTestSupport
import Domain
import Foundation
import Registry
import Testing
import XLSXTestSupport

/// The web pages of a night in a real browser: every page of the demo run loads from `file://`
/// with nothing on the console, shows the figures and people it should, never a СНИЛС, a birth
/// date or a person without consent, fits a phone's width; hostile names stay text.
struct PageBrowserTests {
    /// The demo inbox of the repository, run once.
    static let demo: Workspace = {
        let ws = try! Workspace()
        let inbox = CommandRunner.root.appendingPathComponent("inbox")
        for folder in try! FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted() where !folder.hasPrefix(".") {
            try! FileManager.default.copyItem(at: inbox.appendingPathComponent(folder), to: ws.inbox.appendingPathComponent(folder))
        }
        let result = try! ws.run()
        precondition(result.status == 0, result.stderr)
        return ws
    }()

    static var pages: [URL] {
        let ws = demo
        let schools = try! String(contentsOf: ws.config.appendingPathComponent("schools.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ";")[0]) }
        return [ws.outbox.appendingPathComponent("index.html")]
            + schools.map { ws.outbox.appendingPathComponent("public/\($0)/index.html") }
    }

    /// Every СНИЛС (both spellings) and birth date in the registry, and the names of people who did
    /// not consent to publication (unless they are a curator, whose name and position are published).
    static func secrets(_ snapshot: RegistrySnapshot) -> (personal: Set<String>, hidden: Set<String>) {
        var personal: Set<String> = []
        var hidden: Set<String> = []
        for folder in snapshot.folders.values {
            let curators = Set(folder.curators.map(\.name.full))
            for c in folder.curators { personal.formUnion([c.snils.description, c.snils.digits]) }
            for m in folder.mentors {
                personal.formUnion([m.snils.description, m.snils.digits] + (m.birthDate.map { [$0.russian, $0.iso] } ?? []))
                if !m.publishConsent && !curators.contains(m.name.full) { hidden.insert(m.name.full) }
            }
            for m in folder.mentees {
                personal.formUnion([m.snils.description, m.snils.digits, m.birthDate.russian, m.birthDate.iso])
                if !m.publishConsent && !curators.contains(m.name.full) { hidden.insert(m.name.full) }
            }
            for s in folder.staff { personal.formUnion([s.snils.description, s.snils.digits, s.birthDate.russian, s.birthDate.iso]) }
        }
        return (personal, hidden)
    }

    @Test func everyPageOfTheDemoNightLoadsCleanAndKeepsPersonalDataOut() throws {
        let ws = Self.demo
        let snapshot = try ws.registry().snapshot()
        let (personal, hidden) = Self.secrets(snapshot)
        #expect(!personal.isEmpty && !hidden.isEmpty, "the demo data has people without consent to check against")
        for page in Self.pages {
            let load = try Browser.load(page)
            #expect(load.console.isEmpty, "\(page.lastPathComponent): \(load.console)")
            #expect(load.dom.contains("<html lang=\"ru\">"), "\(page.path)")
            #expect(!load.dom.lowercased().contains("<script"), "\(page.path)")
            for text in personal where load.dom.contains(text) { Issue.record("\(page.path) shows «\(text)»") }
            for name in hidden where load.dom.contains(name) { Issue.record("\(page.path) shows «\(name)», who did not consent") }
        }
    }

    @Test func theDistrictPageShowsTheStatformsTotals() throws {
        let ws = Self.demo
        let dom = try Browser.load(ws.outbox.appendingPathComponent("index.html")).dom
        let statform = try #require(try XLSXFile(path: ws.outbox.appendingPathComponent("statform-\(ws.asOf).xlsx").path)["Статнаблюдение"])
        let header = try #require((1...statform.lastRow).first { statform.row($0).first == "Код ОО" })
        let total = try #require((1...statform.lastRow).first { statform.row($0).first == "Итого" })
        for title in ["Педагогических работников, всего", "Наставников", "Наставляемых", "Программ реализуется"] {
            let column = try #require(statform.row(header).firstIndex(of: title))
            let value = statform.row(total)[column]
            #expect(dom.contains("<th scope=\"row\">\(title)</th><td class=\"num\">\(value)</td>"), "\(title) = \(value)")
        }
        // Every school's row of the matrix links to its page; the legend is the workbook's.
        #expect(dom.contains("<a href=\"public/tetyushi-sosh1/index.html\">tetyushi-sosh1</a>"))
        #expect(dom.contains("<li class=\"s-overdue\">просрочено</li>"))
        #expect(dom.contains("<a href=\"monitoring-\(ws.asOf).xlsx\">"))
    }

    @Test func aSchoolPageShowsItsCuratorAndTheMentorsWhoConsented() throws {
        let ws = Self.demo
        let snapshot = try ws.registry().snapshot()
        let folder = snapshot["tetyushi-sosh1"]
        let dom = try Browser.load(ws.outbox.appendingPathComponent("public/tetyushi-sosh1/index.html")).dom
        for curator in folder.curators { #expect(dom.contains("\(curator.name.full), \(curator.position)")) }
        let consenting = folder.mentors.filter(\.publishConsent)
        #expect(!consenting.isEmpty)
        for mentor in consenting { #expect(dom.contains("<td data-label=\"ФИО\">\(mentor.name.full)</td>")) }
    }

    @Test(arguments: ["index.html", "public/tetyushi-sosh1/index.html"])
    func aPageFitsAPhonesWidth(_ page: String) throws {
        let width = try Browser.widthOnAPhone(Self.demo.outbox.appendingPathComponent(page))
        #expect(width.viewport > 300 && width.viewport <= 390)
        #expect(width.content <= width.viewport, "\(page) scrolls sideways at 390 px: \(width)")
    }

    @Test func hostileNamesAreShownAsTextAndNoScriptRuns() throws {
        let ws = try Workspace()
        let school = "tetyushi-sosh1"
        // Names hold letters only (a name with «<» is an error, `NameText`); what a school may
        // write freely — a position, a subject — carries the markup here.
        var mentors = Files.mentorTable([(Files.mentorA, "Андреева")])
        mentors[1][5] = "<script>alert(1)</script> \"onmouseover=alert(1) &amp;"
        mentors[1][6] = "<img src=x onerror=alert(1)>"
        try ws.drop(school, "mentors.csv", Files.csv(mentors))
        try ws.drop(school, "mentees.csv", Files.mentees([(Files.menteeA, "Петров")]))
        var programs = Files.programTable([("1", Files.mentorA, Files.menteeA)])
        programs[1][11] = "завершена"
        programs[1][12] = "20.01.2026"
        programs[1][13] = "план выполнен"
        programs[1][14] = "https://school.ru/\"onmouseover=\"alert(1)"
        try ws.drop(school, "programs.csv", Files.csv(programs))
        let result = try ws.run()
        #expect(result.status == 0, "\(result.stderr)")
        let receipt = try ws.receiptText(school)
        for file in ["mentors.csv | Наставники", "programs.csv | Программы наставничества"] {
            #expect(receipt.contains("\(file) | принят"), "the hostile files must be accepted to reach the page: \(receipt)")
        }
        let load = try Browser.load(ws.outbox.appendingPathComponent("public/\(school)/index.html"))
        #expect(load.console.isEmpty, "\(load.console)")
        #expect(load.dom.contains("&lt;script&gt;alert(1)&lt;/script&gt; \"onmouseover=alert(1) &amp;amp;"))
        #expect(load.dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!load.dom.lowercased().contains("<script"))
        #expect(!load.dom.contains("<img"))
        #expect(load.dom.firstMatch(of: /<[^>]*\sonmouseover=/) == nil, "no element got an event attribute")
        #expect(load.dom.contains("<a href=\"https://school.ru/&quot;onmouseover=&quot;alert(1)\">"))
    }
}
