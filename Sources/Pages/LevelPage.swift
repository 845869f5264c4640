import Domain
import Figures
import Mustache

/// `outbox/index.html` of a region (or the country): its units, each package's state and figures,
/// the total, the indicators as ratios of sums, and links to the workbooks. Every value is escaped
/// by the template.
public enum LevelPage {
    public static func render(_ figures: LevelFigures) -> String { template.render(Model(figures)) }

    struct Figure: PageModel {
        var title: String
        var value: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("title", \.title), ("value", \.value)]
    }

    struct Line: PageModel {
        var code: String
        var name: String
        var state: String
        var cssClass: String
        var received: String
        var schools: String
        var teachers: String
        var mentors: String
        var mentees: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("code", \.code), ("name", \.name), ("state", \.state), ("cssClass", \.cssClass), ("received", \.received),
            ("schools", \.schools), ("teachers", \.teachers), ("mentors", \.mentors), ("mentees", \.mentees),
        ]
    }

    struct Model: PageModel {
        var name: String
        var asOf: String
        var period: String
        var unitTitle: String
        var completeness: String
        var lines: [Line]
        var headline: [Figure]
        var indicators: [Figure]
        var statform: String
        var monitoring: String

        init(_ figures: LevelFigures) {
            name = figures.ownName
            asOf = figures.asOf.russian
            period = "\(figures.period.russian) (\(figures.period.start.russian)–\(figures.period.end.russian))"
            unitTitle = figures.kind.nameColumn
            let total = figures.total
            completeness =
                "Прислали пакеты \(figures.unitsSent) из \(figures.lines.count), в срок — \(figures.unitsOnTime); "
                + "образовательных организаций с данными: \(total.schoolsWithData) из \(total.schoolsListed)"
            lines = figures.lines.map { line in
                let s = line.row.statform
                return Line(
                    code: line.unit.code, name: line.unit.name, state: line.state,
                    cssClass: PageStyle.cssClass(
                        line.state == LevelFigures.noData || line.state == LevelFigures.returned
                            ? .overdue : line.state == Package.approvedState ? .doneOnTime : .dueSoon),
                    received: line.package?.received.russian ?? "—", schools: "\(line.row.schoolsWithData) из \(line.row.schoolsListed)",
                    teachers: RussianNumbers.integer(s.teachersTotal), mentors: RussianNumbers.integer(s.mentors),
                    mentees: RussianNumbers.integer(s.mentees))
            }
            headline = StatformRow.counts.prefix(StatformRow.countsBeforeShare + 3).map { count in
                Figure(title: count.title, value: RussianNumbers.integer(count.get(total.statform)))
            }
            indicators = zip(Indicators.titles, total.indicators.values).map { title, value in
                Figure(title: title, value: value.map(RussianNumbers.decimal) ?? "—")
            }
            statform = "statform-\(figures.asOf.iso).xlsx"
            monitoring = "monitoring-\(figures.asOf.iso).xlsx"
        }

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("name", \.name), ("asOf", \.asOf), ("period", \.period), ("unitTitle", \.unitTitle), ("completeness", \.completeness),
            ("lines", \.lines), ("headline", \.headline), ("indicators", \.indicators), ("statform", \.statform),
            ("monitoring", \.monitoring),
        ]
    }

    static let template = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — сводка на {{asOf}}",
            body: """
                <header>
                <p class="meta">Целевая модель наставничества педагогических работников</p>
                <h1>{{name}}</h1>
                <p class="meta">Сведения на {{asOf}}; отчётный период {{period}}</p>
                </header>
                <nav aria-label="Книги">
                <ul>
                <li><a href="{{statform}}">Статистическое наблюдение</a> ({{statform}})</li>
                <li><a href="{{monitoring}}">Мониторинг</a> ({{monitoring}})</li>
                </ul>
                </nav>
                <main>
                <section aria-labelledby="units">
                <h2 id="units">Пакеты за полугодие</h2>
                <p>{{completeness}}</p>
                <table class="cards">
                <thead><tr><th scope="col">{{unitTitle}}</th><th scope="col">Пакет</th><th scope="col">Получен</th><th scope="col">ОО с данными</th><th scope="col">Педагогов</th><th scope="col">Наставников</th><th scope="col">Наставляемых</th></tr></thead>
                <tbody>
                {{#lines}}
                <tr><td data-label="{{unitTitle}}">{{name}} ({{code}})</td><td data-label="Пакет" class="{{cssClass}}">{{state}}</td><td data-label="Получен">{{received}}</td><td data-label="ОО с данными" class="num">{{schools}}</td><td data-label="Педагогов" class="num">{{teachers}}</td><td data-label="Наставников" class="num">{{mentors}}</td><td data-label="Наставляемых" class="num">{{mentees}}</td></tr>
                {{/lines}}
                </tbody>
                </table>
                </section>
                <section aria-labelledby="headline">
                <h2 id="headline">Итого</h2>
                <table>
                <tbody>
                {{#headline}}
                <tr><th scope="row">{{title}}</th><td class="num">{{value}}</td></tr>
                {{/headline}}
                </tbody>
                </table>
                </section>
                <section aria-labelledby="indicators">
                <h2 id="indicators">Показатели мониторинга</h2>
                <p class="meta">Каждый — отношение сумм, а не среднее долей.</p>
                <table>
                <tbody>
                {{#indicators}}
                <tr><th scope="row">{{title}}</th><td class="num">{{value}}</td></tr>
                {{/indicators}}
                </tbody>
                </table>
                </section>
                </main>

                """))
}
