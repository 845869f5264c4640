import Config
import Deadlines
import Domain
import Figures
import Fixtures
import Foundation
import Testing

@testable import Pages

/// The pages as the templates render them: what they show, what they never show, and hostile text
/// that stays text.
struct PageContentTests {
    typealias R = Records

    static func figures(_ data: [(school: String, rows: DatasetRows)]) throws -> (RegistrySnapshot, NightFigures) {
        let snapshot = R.snapshot(data)
        var settings = Settings()
        settings.districtName = "Тетюшский район"
        let figures = NightFigures(
            snapshot: snapshot, schools: R.schools, settings: settings, schedule: try RoadmapSchedule(R.roadmap),
            asOf: day("2026-03-01"), period: ReportingPeriod("2026-H1")!)
        return (snapshot, figures)
    }

    static func schoolPage(_ data: [(school: String, rows: DatasetRows)], school: Int = 0) throws -> String {
        let (snapshot, figures) = try figures(data)
        let school = R.schools.schools[school]
        return SchoolPages(deadlines: figures.deadlines, districtName: figures.districtName)
            .page(PublicListing(school: school, data: snapshot[school.code])).render(on: figures.asOf)
    }

    @Test func aSchoolPageShowsWhatTheOrderSaysAndOnlyWhoConsented() throws {
        let data =
            R.knownDistrict + [
                (
                    "school-a",
                    .mentors([R.mentor(11_223_344_595, "Андреева"), R.mentor(14_527_450_962, "Скрытова", consent: false, row: 3)])
                )
            ]
        let page = try Self.schoolPage(data)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(page.contains("<h1>МБОУ «Школа А»</h1>"))
        #expect(page.contains("Сведения на 01.03.2026"))
        #expect(page.contains("<td data-label=\"ФИО\">Андреева Анна Ивановна</td>"))
        #expect(!page.contains("Скрытова"), "a mentor without consent is not shown, not even in a programme")
        // A programme whose mentor did not consent shows neither the name nor the number.
        #expect(page.contains("(без согласия на публикацию)"))
        // Programmes being carried out, and closed ones with their results (none published here).
        #expect(page.contains("<td data-label=\"Номер\">1</td>"))
        #expect(page.contains("<td data-label=\"Статус\">завершена</td><td data-label=\"Дата завершения\">01.02.2026</td>"))
        #expect(page.contains("не опубликованы"))
        // The roadmap's school items with their status, coloured as the workbooks colour them.
        #expect(page.contains("<td data-label=\"Код\">П2.1</td>"))
        #expect(page.contains("class=\"s-overdue\">просрочено</td>"))
        #expect(page.contains(".s-overdue{background:#FFC7CE;color:#9C0006;font-weight:700"))
        // Nothing personal: no СНИЛС in either spelling, no birth date, no difficulties.
        for snils in ["11223344595", "112-233-445 95", "14100840800", "141-008-408 00"] { #expect(!page.contains(snils)) }
        for date in ["05.05.1970", "1970-05-05", "02.03.2000"] { #expect(!page.contains(date)) }
        #expect(!page.contains("Дисциплина"))
        #expect(!page.lowercased().contains("<script"))
        #expect(try Self.schoolPage(data) == page, "the same registry and date give the same bytes")
    }

    @Test func hostileTextStaysTextAndOnlyWebAddressesAreLinks() throws {
        var mentor = R.mentor(11_223_344_595, "<script>alert(1)</script>")
        mentor.name = PersonName(last: "<script>alert(1)</script>", first: "\"onmouseover=alert(1)", middle: "&amp;")
        mentor.subject = "<img src=x onerror=alert(1)>"
        var script = R.program("1", mentor: 11_223_344_595, mentees: [], status: .completed, closed: "2026-02-01")
        script.resultsURL = "javascript:alert(1)"
        var quoted = R.program("2", mentor: 11_223_344_595, mentees: [], status: .completed, closed: "2026-02-01")
        quoted.resultsURL = "https://school.ru/\"onmouseover=\"alert(1)"
        let page = try Self.schoolPage([("school-a", .mentors([mentor])), ("school-a", .programs([script, quoted]))])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(1) &amp;amp;"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("<img"))
        // `javascript:` is shown, never linked; a web address is linked with its quotes escaped.
        #expect(page.contains("<td data-label=\"Результаты\">javascript:alert(1)</td>"))
        #expect(!page.contains("href=\"javascript"))
        #expect(page.contains("<a href=\"https://school.ru/&quot;onmouseover=&quot;alert(1)\">"))
    }

    @Test func theDistrictPageShowsTheStatformTotalsTheMatrixAndWhoNeedsAttention() throws {
        let (_, figures) = try Self.figures(R.knownDistrict)
        let page = DistrictPage.render(figures)
        let total = figures.statformTotal
        #expect(page.contains("<tr><th scope=\"row\">Наставников</th><td class=\"num\">\(total.mentors)</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">Наставляемых</th><td class=\"num\">\(total.mentees)</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">Программ реализуется</th><td class=\"num\">\(total.programsActive)</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">Образовательных организаций</th><td class=\"num\">4</td></tr>"))
        // Two mentees under 35 of 40 teachers under 35 (school-a 10, school-d 30): 5 %, as the statform says.
        #expect(page.contains("Доля педагогов до 35 лет в наставничестве, %</th><td class=\"num\">5,0</td>"))
        // One row per school, a cell per school item of the roadmap; the legend of every status.
        for school in R.schools.schools {
            #expect(page.contains("<tr><th scope=\"row\"><a href=\"public/\(school.code)/index.html\">\(school.code)</a></th>"))
        }
        #expect(page.contains("<abbr title=\"Куратор\">П2.1</abbr>"))
        for status in DeadlineStatus.allCases { #expect(page.contains("\">\(status.rawValue)</li>")) }
        // The school without data needs attention; links to the three workbooks of the night.
        #expect(page.contains("МБОУ «Школа В» (без данных)</a></td><td data-label=\"Что не так\">нет данных"))
        for name in ["registry", "statform", "monitoring"] { #expect(page.contains("<a href=\"\(name)-2026-03-01.xlsx\">")) }
        #expect(!page.contains("11223344595") && !page.contains("112-233-445 95"))
        #expect(DistrictPage.render(figures) == page)
    }

    /// The district's page says whether young teachers stay, with the figures of `RetentionTests`.
    @Test func theDistrictPageSaysWhetherYoungTeachersStay() throws {
        let (_, figures) = try Self.figures(R.retentionDistrict)
        let page = DistrictPage.render(figures)
        #expect(page.contains("<h2 id=\"retention\">Закрепление молодых педагогов</h2>"))
        #expect(page.contains("Из 8 молодых педагогов (до 35 лет или со стажем до 3 лет), работавших на 01.03.2025 в 2 ОО"))
        #expect(page.contains("остались в своей ОО 4, перешли в другую ОО района 1, ушли 3."))
        #expect(
            page.contains(
                "<td data-label=\"Молодые педагоги\">в наставничестве</td><td data-label=\"Было\">3</td>"
                    + "<td data-label=\"Закрепились\">1</td><td data-label=\"Закрепление, %\">33,3</td>"))
        #expect(
            page.contains(
                "<td data-label=\"Молодые педагоги\">все</td><td data-label=\"Было\">8</td><td data-label=\"Закрепились\">5</td><td data-label=\"Закрепление, %\">62,5</td>"
            ))
        #expect(page.contains("Наставляемые закрепляются реже: 33,3"))
        let none = DistrictPage.render(try Self.figures(R.knownDistrict).1)
        #expect(none.contains("Списков кадров ОО нет — закрепление не посчитано."))
    }

    @Test func theDistrictPageEscapesEveryValue() throws {
        var model = DistrictPage.Model(try Self.figures(R.knownDistrict).1)
        model.districtName = "<script>alert('x')</script> & Co"
        model.package = "Пакет \"<b>\""
        model.schools[0].name = "Школа <img src=x onerror=alert(1)>"
        model.schools[0].cells[0].status = "<i>"
        let page = DistrictPage.render(model).string
        #expect(page.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</h1>"))
        #expect(page.contains("<p class=\"meta\">Пакет &quot;&lt;b&gt;&quot;</p>"))
        #expect(page.contains("Школа &lt;img src=x onerror=alert(1)&gt;</a>"))
        #expect(page.contains("\">&lt;i&gt;</td>"))
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<i>") && !page.contains("<b>"))
    }

    /// Every value of a template is escaped: none is placed as it is (`{{{…}}}`, `{{&…}}`). (A school's
    /// page and the district's are built by `HTMLText`, where only the code's own literals go in
    /// unescaped.)
    @Test func noValueGoesIntoAPageUnescaped() {
        for template in [LevelPage.template] {
            let text = template.description
            #expect(!text.contains("{{{") && !text.contains("{{&"))
        }
        #expect(!PageStyle.css.contains("{{"), "the stylesheet is part of the templates' text")
    }

    @Test func aValueIsEscapedByteByByteAndOtherwiseCopiedWhole() {
        var html = HTMLText()
        html.markup("<td>")
        html.text("Иванова А.\u{301} & «Школа» <b>'1'</b> \"x\" ёЁ 😀")
        html.text("")
        html.text("&")
        html.markup("</td>")
        #expect(html.string == "<td>Иванова А.\u{301} &amp; «Школа» &lt;b&gt;&#39;1&#39;&lt;/b&gt; &quot;x&quot; ёЁ 😀&amp;</td>")
    }

    @Test func onlyHttpAndHttpsAddressesBecomeLinks() {
        #expect(PageLink("https://a.ru/x").href == "https://a.ru/x")
        #expect(PageLink("HTTP://a.ru").href == "HTTP://a.ru")
        for text in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", " https://a.ru", "//a.ru", "a.ru"] {
            #expect(PageLink(text).href == nil, "\(text)")
        }
    }
}
