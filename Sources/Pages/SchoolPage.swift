import Configuration
import Deadlines
import Domain
import Figures
import Mustache

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

    /// Everything the page shows but its date, and the layout's version (a change to the template
    /// rewrites every page once).
    public var content: String { "school page, layout 1\n" + model.identity }

    /// The page as of `date`: the night it is written.
    public func render(on date: CivilDate) -> String {
        var model = model
        model.asOf = date.russian
        return Self.template.render(model)
    }

    // The models hold no optional text: Mustache looks a missing value up in the enclosing
    // context, so a nil would show whatever an outer field of that name holds.

    struct Curator: PageModel, Sendable {
        var name: String
        var position: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("name", \.name), ("position", \.position)]
    }

    struct Person: PageModel, Sendable {
        var name: String
        var position: String
        var subject: String
        var category = ""

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("name", \.name), ("position", \.position), ("subject", \.subject), ("category", \.category),
        ]
    }

    struct Programme: PageModel, Sendable {
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
        /// Nil: none published (a section, not a text).
        var results: PageLink?

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("number", \.number), ("form", \.form), ("model", \.model), ("directions", \.directions), ("mode", \.mode), ("start", \.start),
            ("end", \.end), ("mentor", \.mentor), ("mentees", \.mentees), ("status", \.status), ("closedOn", \.closedOn),
            ("results", \.results),
        ]
    }

    struct Item: PageModel, Sendable {
        /// Its code, title and term: the same on every school's page.
        var cells: RenderedHTML
        var status: String
        var cssClass: String
        var lastDone: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("cells", \.cells), ("status", \.status), ("cssClass", \.cssClass),
            ("lastDone", \.lastDone),
        ]
    }

    struct Model: PageModel, Sendable {
        var schoolName: String
        var shortName: String
        var asOf: String
        var districtName: String
        var curators: [Curator]
        var mentors: [Person]
        var mentees: [Person]
        var running: [Programme]
        var closed: [Programme]
        var roadmap: [Item]
        var hasMentors: Bool
        var hasMentees: Bool
        var hasRunning: Bool
        var hasClosed: Bool

        init(_ listing: PublicListing, night: SchoolPages) {
            let deadlines = night.deadlines
            schoolName = listing.school.name
            shortName = listing.school.shortName
            asOf = ""
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
            hasMentors = !mentors.isEmpty
            hasMentees = !mentees.isEmpty
            hasRunning = !running.isEmpty
            hasClosed = !closed.isEmpty
            let statuses = deadlines.schools[listing.school.code] ?? [:]
            roadmap = zip(deadlines.schoolItems, night.itemCells).compactMap { scheduled, cells in
                guard let status = statuses[scheduled.item.code] else { return nil }
                return Item(
                    cells: cells, status: status.status.rawValue, cssClass: PageStyle.cssClass(status.status),
                    lastDone: status.lastDone?.russian ?? "")
            }
        }

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("schoolName", \.schoolName), ("shortName", \.shortName), ("asOf", \.asOf), ("districtName", \.districtName),
            ("curators", \.curators), ("mentors", \.mentors), ("mentees", \.mentees), ("running", \.running), ("closed", \.closed),
            ("roadmap", \.roadmap), ("hasMentors", \.hasMentors), ("hasMentees", \.hasMentees), ("hasRunning", \.hasRunning),
            ("hasClosed", \.hasClosed),
        ]
    }

    static let template = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — {{shortName}}",
            body: """
                <header>
                <p class="meta">Целевая модель наставничества</p>
                <h1>{{schoolName}}</h1>
                <p class="meta">Сведения на {{asOf}}</p>
                </header>
                <main>
                <section aria-labelledby="curators">
                <h2 id="curators">Куратор внедрения целевой модели наставничества</h2>
                {{#curators}}
                <p>{{name}}, {{position}}</p>
                {{/curators}}
                {{^curators}}
                <p>Сведения о кураторе пока не представлены.</p>
                {{/curators}}
                </section>
                <section aria-labelledby="mentors">
                <h2 id="mentors">Наставники</h2>
                {{#hasMentors}}
                <table class="cards">
                <thead><tr><th scope="col">ФИО</th><th scope="col">Должность</th><th scope="col">Предмет (направление)</th><th scope="col">Квалификационная категория</th></tr></thead>
                <tbody>
                {{#mentors}}
                <tr><td data-label="ФИО">{{name}}</td><td data-label="Должность">{{position}}</td><td data-label="Предмет (направление)">{{subject}}</td><td data-label="Категория">{{category}}</td></tr>
                {{/mentors}}
                </tbody>
                </table>
                {{/hasMentors}}
                {{^hasMentors}}
                <p>Сведений о наставниках, согласившихся на их публикацию, нет.</p>
                {{/hasMentors}}
                </section>
                <section aria-labelledby="mentees">
                <h2 id="mentees">Наставляемые</h2>
                {{#hasMentees}}
                <table class="cards">
                <thead><tr><th scope="col">ФИО</th><th scope="col">Должность</th><th scope="col">Предмет (направление)</th></tr></thead>
                <tbody>
                {{#mentees}}
                <tr><td data-label="ФИО">{{name}}</td><td data-label="Должность">{{position}}</td><td data-label="Предмет (направление)">{{subject}}</td></tr>
                {{/mentees}}
                </tbody>
                </table>
                {{/hasMentees}}
                {{^hasMentees}}
                <p>Сведений о наставляемых, согласившихся на их публикацию, нет.</p>
                {{/hasMentees}}
                </section>
                <section aria-labelledby="running">
                <h2 id="running">Реализуемые программы наставничества</h2>
                {{#hasRunning}}
                <table class="cards">
                <thead><tr><th scope="col">Номер</th><th scope="col">Форма</th><th scope="col">Модель</th><th scope="col">Направления</th><th scope="col">Режим</th><th scope="col">Начало</th><th scope="col">Окончание</th><th scope="col">Наставник</th><th scope="col">Наставляемые</th></tr></thead>
                <tbody>
                {{#running}}
                <tr><td data-label="Номер">{{number}}</td><td data-label="Форма">{{form}}</td><td data-label="Модель">{{model}}</td><td data-label="Направления">{{directions}}</td><td data-label="Режим">{{mode}}</td><td data-label="Начало">{{start}}</td><td data-label="Окончание">{{end}}</td><td data-label="Наставник">{{mentor}}</td><td data-label="Наставляемые">{{mentees}}</td></tr>
                {{/running}}
                </tbody>
                </table>
                {{/hasRunning}}
                {{^hasRunning}}
                <p>Сейчас программы наставничества не реализуются.</p>
                {{/hasRunning}}
                </section>
                <section aria-labelledby="closed">
                <h2 id="closed">Завершённые программы и их результаты</h2>
                {{#hasClosed}}
                <table class="cards">
                <thead><tr><th scope="col">Номер</th><th scope="col">Форма</th><th scope="col">Модель</th><th scope="col">Статус</th><th scope="col">Дата завершения</th><th scope="col">Результаты</th></tr></thead>
                <tbody>
                {{#closed}}
                <tr><td data-label="Номер">{{number}}</td><td data-label="Форма">{{form}}</td><td data-label="Модель">{{model}}</td><td data-label="Статус">{{status}}</td><td data-label="Дата завершения">{{closedOn}}</td><td data-label="Результаты">{{#results}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{/results}}{{^results}}не опубликованы{{/results}}</td></tr>
                {{/closed}}
                </tbody>
                </table>
                {{/hasClosed}}
                {{^hasClosed}}
                <p>Завершённых программ пока нет.</p>
                {{/hasClosed}}
                </section>
                <section aria-labelledby="roadmap">
                <h2 id="roadmap">Дорожная карта</h2>
                <table class="cards">
                <thead><tr><th scope="col">Код</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Статус</th><th scope="col">Выполнено</th></tr></thead>
                <tbody>
                {{#roadmap}}
                <tr>{{{cells}}}<td data-label="Статус" class="{{cssClass}}">{{status}}</td><td data-label="Выполнено">{{lastDone}}</td></tr>
                {{/roadmap}}
                </tbody>
                </table>
                </section>
                </main>
                <footer>
                <p class="meta">Страница составлена {{asOf}} по данным реестра наставничества ({{districtName}}). Сведения о людях публикуются только с их согласия.</p>
                </footer>

                """))
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
            RenderedHTML(
                html: Self.cells.render(ItemText(code: scheduled.item.code, title: scheduled.item.title, term: scheduled.item.term)))
        }
    }

    public func page(_ listing: PublicListing) -> SchoolPage { SchoolPage(listing, night: self) }

    struct ItemText: PageModel {
        var code: String
        var title: String
        var term: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("code", \.code), ("title", \.title), ("term", \.term),
        ]
    }

    static let cells = try! MustacheTemplate(
        string: #"<td data-label="Код">{{code}}</td><td data-label="Мероприятие">{{title}}</td><td data-label="Срок">{{term}}</td>"#)
}
