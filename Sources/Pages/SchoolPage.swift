import Configuration
import Deadlines
import Domain
import Figures
import Mustache

/// `outbox/public/<code>/index.html`: the school's website section «Целевая модель наставничества»
/// (order item 2.6), what п. 4.14 says it shows and п. 4.15 the results of closed programmes, from
/// `PublicListing` (people who consented to publication only) and the night's deadlines.
public enum SchoolPage {
    public static func render(_ listing: PublicListing, deadlines: DeadlineReport, districtName: String) -> String {
        template.render(Model(listing, deadlines: deadlines, districtName: districtName))
    }

    // The models hold no optional text: Mustache looks a missing value up in the enclosing
    // context, so a nil would show whatever an outer field of that name holds.

    struct Curator {
        var name: String
        var position: String
    }

    struct Person {
        var name: String
        var position: String
        var subject: String
        var category = ""
    }

    struct Programme {
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
    }

    struct Item {
        var code: String
        var title: String
        var term: String
        var status: String
        var cssClass: String
        var lastDone: String
    }

    struct Model {
        var css = PageStyle.css
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

        init(_ listing: PublicListing, deadlines: DeadlineReport, districtName: String) {
            schoolName = listing.school.name
            shortName = listing.school.shortName
            asOf = deadlines.asOf.russian
            self.districtName = districtName
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
            roadmap = deadlines.schoolItems.compactMap { scheduled in
                guard let status = statuses[scheduled.item.code] else { return nil }
                return Item(
                    code: scheduled.item.code, title: scheduled.item.title, term: scheduled.item.term, status: status.status.rawValue,
                    cssClass: PageStyle.cssClass(status.status), lastDone: status.lastDone?.russian ?? "")
            }
        }
    }

    static let template = try! MustacheTemplate(
        string: """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Наставничество — {{shortName}}</title>
            <style>
            {{css}}
            </style>
            </head>
            <body>
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
            <tr><td data-label="Код">{{code}}</td><td data-label="Мероприятие">{{title}}</td><td data-label="Срок">{{term}}</td><td data-label="Статус" class="{{cssClass}}">{{status}}</td><td data-label="Выполнено">{{lastDone}}</td></tr>
            {{/roadmap}}
            </tbody>
            </table>
            </section>
            </main>
            <footer>
            <p class="meta">Страница составлена {{asOf}} по данным реестра наставничества ({{districtName}}). Сведения о людях публикуются только с их согласия.</p>
            </footer>
            </body>
            </html>

            """)
}
