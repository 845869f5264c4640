import Config
import Deadlines
import Domain
import Figures

/// `outbox/public/<code>/index.html`: the school's website section «Целевая модель наставничества»
/// (order item 2.6), what п. 4.14 says it shows and п. 4.15 the results of closed programmes, from
/// `PublicListing` (people who consented to publication only) and the night's deadlines.
///
/// A page is dated the night its content last changed: a night that would show the same (the same
/// people, programmes and statuses) keeps the page written then (`content` tells), as the public
/// extract is kept, so that a quiet night does not rewrite every school's page.
public struct SchoolPage: Sendable {
    let model: Model

    init(_ listing: PublicListing, night: SchoolPages) {
        model = Model(listing, night: night)
    }

    /// Everything the page shows but its date: two pages with the same content differ only in it.
    public var content: String { render(asOf: "").string }

    /// The page as of `date`: the night it is written.
    public func render(on date: CivilDate) -> String { render(asOf: date.russian).string }

    /// The page's bytes as of `date`.
    public func bytes(on date: CivilDate) -> [UInt8] { render(asOf: date.russian).bytes }

    struct Curator: Sendable {
        var name: String
        var position: String
    }

    struct Person: Sendable {
        var name: String
        var position: String
        var subject: String
        var category = ""
    }

    struct Programme: Sendable {
        var number: String
        var form: String
        var model: String
        var directions: String
        var mode: String
        var start: String
        var end: String
        var mentor: String
        var mentees: String
        var status: String
        var closedOn: String
        /// Nil: none published.
        var results: PageLink?
    }

    struct Item: Sendable {
        /// Its code, title and term: the same on every school's page.
        var cells: RenderedHTML
        var status: String
        var cssClass: String
        var lastDone: String
    }

    struct Model: Sendable {
        var schoolName: String
        var shortName: String
        var districtName: String
        var curators: [Curator]
        var mentors: [Person]
        var mentees: [Person]
        var running: [Programme]
        var closed: [Programme]
        var roadmap: [Item]

        init(_ listing: PublicListing, night: SchoolPages) {
            let deadlines = night.deadlines
            schoolName = listing.school.name
            shortName = listing.school.shortName
            districtName = night.districtName
            curators = listing.curators.map { Curator(name: $0.name.full, position: $0.position) }
            mentors = listing.mentors.map {
                Person(name: $0.name.full, position: $0.position, subject: $0.subject, category: $0.category?.text ?? "")
            }
            mentees = listing.mentees.map { Person(name: $0.name.full, position: $0.position, subject: $0.subject) }
            let programmes = listing.programmes.map { p in
                Programme(
                    number: p.number, form: p.form.text, model: p.model.text, directions: p.directions.map(\.text).joined(separator: "; "),
                    mode: p.mode.text, start: p.startDate.russian, end: p.endDate.russian,
                    mentor: p.mentor ?? "(без согласия на публикацию)",
                    mentees: (p.mentees + (p.othersWithoutConsent > 0 ? ["ещё \(p.othersWithoutConsent) без согласия на публикацию"] : []))
                        .joined(separator: ", "),
                    status: p.status.text, closedOn: p.closedDate?.russian ?? "", results: p.resultsURL.map(PageLink.init))
            }
            let active = listing.programmes.map(\.status.isActive)
            running = zip(programmes, active).filter { $0.1 }.map(\.0)
            closed = zip(programmes, active).filter { !$0.1 }.map(\.0)
            let statuses = deadlines.schools[listing.school.code] ?? [:]
            roadmap = zip(deadlines.schoolItems, night.itemCells).compactMap { scheduled, cells in
                guard let status = statuses[scheduled.item.code] else { return nil }
                return Item(
                    cells: cells, status: status.status.rawValue, cssClass: PageStyle.cssClass(status.status),
                    lastDone: status.lastDone?.russian ?? "")
            }
        }
    }

    /// The page, section by section: the order's п. 4.14 and 4.15.
    func render(asOf: String) -> HTMLText {
        var page = HTMLText(capacity: 16_384)
        page.markup(PageStyle.shell.beforeTitle)
        page.markup("Наставничество — ")
        page.text(model.shortName)
        page.markup(PageStyle.shell.beforeBody)
        page.markup("<header>\n<p class=\"meta\">Целевая модель наставничества</p>\n<h1>")
        page.text(model.schoolName)
        page.markup("</h1>\n<p class=\"meta\">Сведения на ")
        page.text(asOf)
        page.markup("</p>\n</header>\n<main>\n")
        curators(&page)
        people(
            &page, model.mentors, id: "mentors", heading: "Наставники",
            head:
                "<th scope=\"col\">ФИО</th><th scope=\"col\">Должность</th><th scope=\"col\">Предмет (направление)</th><th scope=\"col\">Квалификационная категория</th>",
            none: "<p>Сведений о наставниках, согласившихся на их публикацию, нет.</p>\n", withCategory: true)
        people(
            &page, model.mentees, id: "mentees", heading: "Наставляемые",
            head: "<th scope=\"col\">ФИО</th><th scope=\"col\">Должность</th><th scope=\"col\">Предмет (направление)</th>",
            none: "<p>Сведений о наставляемых, согласившихся на их публикацию, нет.</p>\n", withCategory: false)
        running(&page)
        closed(&page)
        roadmap(&page)
        page.markup("</main>\n<footer>\n<p class=\"meta\">Страница составлена ")
        page.text(asOf)
        page.markup(" по данным реестра наставничества (")
        page.text(model.districtName)
        page.markup("). Сведения о людях публикуются только с их согласия.</p>\n</footer>\n")
        page.markup(PageStyle.shell.end)
        return page
    }

    private func curators(_ page: inout HTMLText) {
        page.markup(
            "<section aria-labelledby=\"curators\">\n<h2 id=\"curators\">Куратор внедрения целевой модели наставничества</h2>\n")
        for curator in model.curators {
            page.markup("<p>")
            page.text(curator.name)
            page.markup(", ")
            page.text(curator.position)
            page.markup("</p>\n")
        }
        if model.curators.isEmpty { page.markup("<p>Сведения о кураторе пока не представлены.</p>\n") }
        page.markup("</section>\n")
    }

    /// Mentors or mentees: a table of those who consented, or a line that there are none.
    private func people(
        _ page: inout HTMLText, _ people: [Person], id: StaticString, heading: StaticString, head: StaticString, none: StaticString,
        withCategory: Bool
    ) {
        page.markup("<section aria-labelledby=\"")
        page.markup(id)
        page.markup("\">\n<h2 id=\"")
        page.markup(id)
        page.markup("\">")
        page.markup(heading)
        page.markup("</h2>\n")
        if people.isEmpty {
            page.markup(none)
        } else {
            page.markup("<table class=\"cards\">\n<thead><tr>")
            page.markup(head)
            page.markup("</tr></thead>\n<tbody>\n")
            for person in people {
                page.markup("<tr>")
                page.cell("ФИО", person.name)
                page.cell("Должность", person.position)
                page.cell("Предмет (направление)", person.subject)
                if withCategory { page.cell("Категория", person.category) }
                page.markup("</tr>\n")
            }
            page.markup("</tbody>\n</table>\n")
        }
        page.markup("</section>\n")
    }

    private func running(_ page: inout HTMLText) {
        page.markup("<section aria-labelledby=\"running\">\n<h2 id=\"running\">Реализуемые программы наставничества</h2>\n")
        if model.running.isEmpty {
            page.markup("<p>Сейчас программы наставничества не реализуются.</p>\n")
        } else {
            page.markup(
                "<table class=\"cards\">\n<thead><tr><th scope=\"col\">Номер</th><th scope=\"col\">Форма</th><th scope=\"col\">Модель</th><th scope=\"col\">Направления</th><th scope=\"col\">Режим</th><th scope=\"col\">Начало</th><th scope=\"col\">Окончание</th><th scope=\"col\">Наставник</th><th scope=\"col\">Наставляемые</th></tr></thead>\n<tbody>\n"
            )
            for p in model.running {
                page.markup("<tr>")
                page.cell("Номер", p.number)
                page.cell("Форма", p.form)
                page.cell("Модель", p.model)
                page.cell("Направления", p.directions)
                page.cell("Режим", p.mode)
                page.cell("Начало", p.start)
                page.cell("Окончание", p.end)
                page.cell("Наставник", p.mentor)
                page.cell("Наставляемые", p.mentees)
                page.markup("</tr>\n")
            }
            page.markup("</tbody>\n</table>\n")
        }
        page.markup("</section>\n")
    }

    private func closed(_ page: inout HTMLText) {
        page.markup("<section aria-labelledby=\"closed\">\n<h2 id=\"closed\">Завершённые программы и их результаты</h2>\n")
        if model.closed.isEmpty {
            page.markup("<p>Завершённых программ пока нет.</p>\n")
        } else {
            page.markup(
                "<table class=\"cards\">\n<thead><tr><th scope=\"col\">Номер</th><th scope=\"col\">Форма</th><th scope=\"col\">Модель</th><th scope=\"col\">Статус</th><th scope=\"col\">Дата завершения</th><th scope=\"col\">Результаты</th></tr></thead>\n<tbody>\n"
            )
            for p in model.closed {
                page.markup("<tr>")
                page.cell("Номер", p.number)
                page.cell("Форма", p.form)
                page.cell("Модель", p.model)
                page.cell("Статус", p.status)
                page.cell("Дата завершения", p.closedOn)
                page.markup("<td data-label=\"Результаты\">")
                switch p.results {
                case nil: page.markup("не опубликованы")
                case let link? where link.href != nil:
                    page.markup("<a href=\"")
                    page.text(link.href ?? "")
                    page.markup("\">")
                    page.text(link.text)
                    page.markup("</a>")
                case let link?: page.text(link.text)
                }
                page.markup("</td></tr>\n")
            }
            page.markup("</tbody>\n</table>\n")
        }
        page.markup("</section>\n")
    }

    private func roadmap(_ page: inout HTMLText) {
        page.markup(
            "<section aria-labelledby=\"roadmap\">\n<h2 id=\"roadmap\">Дорожная карта</h2>\n<table class=\"cards\">\n<thead><tr><th scope=\"col\">Код</th><th scope=\"col\">Мероприятие</th><th scope=\"col\">Срок</th><th scope=\"col\">Статус</th><th scope=\"col\">Выполнено</th></tr></thead>\n<tbody>\n"
        )
        for item in model.roadmap {
            page.markup("<tr>")
            page.markup(item.cells)
            page.cell("Статус", item.status, class: item.cssClass)
            page.cell("Выполнено", item.lastDone)
            page.markup("</tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n")
    }
}

/// What every school's page of a night shares: the roadmap's school items, their code, title and
/// term laid out once (escaped as any value) rather than on each of thousands of pages.
public struct SchoolPages: Sendable {
    let deadlines: DeadlineReport
    let districtName: String
    /// In the order of `deadlines.schoolItems`.
    let itemCells: [RenderedHTML]

    public init(deadlines: DeadlineReport, districtName: String) {
        self.deadlines = deadlines
        self.districtName = districtName
        itemCells = deadlines.schoolItems.map { scheduled in
            var cells = HTMLText()
            cells.cell("Код", scheduled.item.code)
            cells.cell("Мероприятие", scheduled.item.title)
            cells.cell("Срок", scheduled.item.term)
            return cells.rendered
        }
    }

    public func page(_ listing: PublicListing) -> SchoolPage { SchoolPage(listing, night: self) }
}
