import Configuration
import Deadlines
import Domain
import Figures
import Mustache

/// `outbox/index.html`: the district office's overview in a browser — the statform's headline
/// figures (its `Итого` row), every school × roadmap item coloured as in the monitoring workbook,
/// the schools that need attention, and links to each school's page and the three workbooks. Opens
/// straight from the file system: every link is relative to the outbox.
public enum DistrictPage {
    public static func render(_ figures: NightFigures) -> String { template.render(Model(figures)) }

    struct Figure: PageModel {
        var title: String
        var value: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("title", \.title), ("value", \.value)]
    }

    struct Cell: PageModel {
        var status: String
        var cssClass: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("status", \.status), ("cssClass", \.cssClass)]
    }

    struct SchoolRow: PageModel {
        var code: String
        var name: String
        var page: String
        var cells: [Cell]

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("code", \.code), ("name", \.name), ("page", \.page), ("cells", \.cells),
        ]
    }

    struct Attention: PageModel {
        var code: String
        var name: String
        var page: String
        var reasons: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("code", \.code), ("name", \.name), ("page", \.page), ("reasons", \.reasons),
        ]
    }

    struct Column: PageModel {
        var code: String
        var title: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("code", \.code), ("title", \.title)]
    }

    struct DistrictItem: PageModel {
        var code: String
        var title: String
        var term: String
        var status: String
        var cssClass: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("code", \.code), ("title", \.title), ("term", \.term), ("status", \.status), ("cssClass", \.cssClass),
        ]
    }

    struct Workbook: PageModel {
        var title: String
        var file: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("title", \.title), ("file", \.file)]
    }

    struct Model: PageModel {
        var districtName: String
        var asOf: String
        var period: String
        var workbooks: [Workbook]
        var headline: [Figure]
        var attention: [Attention]
        var hasAttention: Bool
        var columns: [Column]
        var schools: [SchoolRow]
        var districtItems: [DistrictItem]
        var legend = PageStyle.legend
        /// The package for the region: its half-year and state, and who approved it.
        var package: String?

        init(_ figures: NightFigures) {
            districtName = figures.districtName
            asOf = figures.asOf.russian
            let period = figures.period
            self.period = "\(period.russian) (\(period.start.russian)–\(period.end.russian))"
            let day = figures.asOf.iso
            workbooks = [
                Workbook(title: "Реестр наставников, наставляемых, кураторов и программ", file: "registry-\(day).xlsx"),
                Workbook(title: "Статистическое наблюдение", file: "statform-\(day).xlsx"),
                Workbook(title: "Мониторинг и сроки", file: "monitoring-\(day).xlsx"),
            ]
            let total = figures.statformTotal
            headline = [
                Figure(title: "Образовательных организаций", value: "\(figures.schools.count)"),
                Figure(title: "Педагогических работников, всего", value: "\(total.teachersTotal)"),
                Figure(title: "из них до 35 лет", value: "\(total.teachersUnder35)"),
                Figure(title: "Наставников", value: "\(total.mentors)"),
                Figure(title: "Наставников, прошедших ПК по наставничеству", value: "\(total.mentorsTrained)"),
                Figure(title: "Наставляемых", value: "\(total.mentees)"),
                Figure(title: "Наставляемых — молодых специалистов", value: "\(total.menteesYoungSpecialists)"),
                Figure(title: "Доля педагогов до 35 лет в наставничестве, %", value: total.shareUnder35.map(RussianNumbers.decimal) ?? "—"),
                Figure(title: "Программ реализуется", value: "\(total.programsActive)"),
                Figure(title: "Программ завершено", value: "\(total.programsCompleted)"),
                Figure(title: "Программ прекращено", value: "\(total.programsTerminated)"),
            ]
            let deadlines = figures.deadlines
            attention = figures.monitoring.compactMap { row in
                var reasons: [String] = []
                switch row.intake.state {
                case .none: reasons.append("нет данных")
                case .rejected: reasons.append("последний присланный файл отклонён")
                case .accepted: break
                }
                if row.overdueItems > 0 { reasons.append("просрочено мероприятий дорожной карты: \(row.overdueItems)") }
                if row.programDeadlines > 0 { reasons.append("замечаний по срокам программ: \(row.programDeadlines)") }
                guard !reasons.isEmpty else { return nil }
                return Attention(
                    code: row.school.code, name: row.school.name, page: Self.page(row.school), reasons: reasons.joined(separator: "; "))
            }
            hasAttention = !attention.isEmpty
            columns = deadlines.schoolItems.map { Column(code: $0.item.code, title: $0.item.title) }
            schools = figures.schools.map { school in
                let statuses = deadlines.schools[school.code] ?? [:]
                return SchoolRow(
                    code: school.code, name: school.name, page: Self.page(school),
                    cells: deadlines.schoolItems.map { scheduled in
                        statuses[scheduled.item.code].map { Cell(status: $0.status.rawValue, cssClass: PageStyle.cssClass($0.status)) }
                            ?? Cell(status: "", cssClass: "")
                    })
            }
            package = figures.upward.map { upward in
                "Пакет для региона за \(upward.period): \(upward.state)"
                    + (upward.approvedBy.map { " (\($0), \(upward.approvedOn?.russian ?? ""))" } ?? "")
            }
            districtItems = deadlines.districtItems.compactMap { scheduled in
                deadlines.district[scheduled.item.code].map {
                    DistrictItem(
                        code: scheduled.item.code, title: scheduled.item.title, term: scheduled.item.term, status: $0.status.rawValue,
                        cssClass: PageStyle.cssClass($0.status))
                }
            }
        }

        /// A school's page, relative to the outbox.
        static func page(_ school: School) -> String { "public/\(school.code)/index.html" }

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("districtName", \.districtName), ("asOf", \.asOf), ("period", \.period), ("workbooks", \.workbooks), ("headline", \.headline),
            ("attention", \.attention), ("hasAttention", \.hasAttention), ("columns", \.columns), ("schools", \.schools),
            ("districtItems", \.districtItems), ("legend", \.legend), ("package", \.package),
        ]
    }

    static let template = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — сводка на {{asOf}}",
            body: """
                <header>
                <p class="meta">Целевая модель наставничества педагогических работников</p>
                <h1>{{districtName}}</h1>
                <p class="meta">Сведения на {{asOf}}; отчётный период {{period}}</p>
                {{#package}}<p class="meta">{{package}}</p>{{/package}}
                </header>
                <nav aria-label="Книги">
                <ul>
                {{#workbooks}}
                <li><a href="{{file}}">{{title}}</a> ({{file}})</li>
                {{/workbooks}}
                </ul>
                </nav>
                <main>
                <section aria-labelledby="headline">
                <h2 id="headline">Главные показатели</h2>
                <table>
                <caption>Итого по району (как в форме статистического наблюдения)</caption>
                <tbody>
                {{#headline}}
                <tr><th scope="row">{{title}}</th><td class="num">{{value}}</td></tr>
                {{/headline}}
                </tbody>
                </table>
                </section>
                <section aria-labelledby="attention">
                <h2 id="attention">Требуют внимания</h2>
                {{#hasAttention}}
                <table class="cards">
                <thead><tr><th scope="col">Код ОО</th><th scope="col">Образовательная организация</th><th scope="col">Что не так</th></tr></thead>
                <tbody>
                {{#attention}}
                <tr><td data-label="Код ОО">{{code}}</td><td data-label="ОО"><a href="{{page}}">{{name}}</a></td><td data-label="Что не так">{{reasons}}</td></tr>
                {{/attention}}
                </tbody>
                </table>
                {{/hasAttention}}
                {{^hasAttention}}
                <p>Все образовательные организации прислали данные, просроченных мероприятий нет.</p>
                {{/hasAttention}}
                </section>
                <section aria-labelledby="matrix">
                <h2 id="matrix">Дорожная карта: сроки ОО</h2>
                <ul class="legend" aria-label="Условные обозначения">
                {{#legend}}
                <li class="{{cssClass}}">{{text}}</li>
                {{/legend}}
                </ul>
                <div class="scroll">
                <table class="matrix">
                <thead><tr><th scope="col">ОО</th>{{#columns}}<th scope="col"><abbr title="{{title}}">{{code}}</abbr></th>{{/columns}}</tr></thead>
                <tbody>
                {{#schools}}
                <tr><th scope="row"><a href="{{page}}">{{code}}</a></th>{{#cells}}<td class="{{cssClass}}">{{status}}</td>{{/cells}}</tr>
                {{/schools}}
                </tbody>
                </table>
                </div>
                </section>
                <section aria-labelledby="district">
                <h2 id="district">Мероприятия отдела образования</h2>
                <table class="cards">
                <thead><tr><th scope="col">Код</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Статус</th></tr></thead>
                <tbody>
                {{#districtItems}}
                <tr><td data-label="Код">{{code}}</td><td data-label="Мероприятие">{{title}}</td><td data-label="Срок">{{term}}</td><td data-label="Статус" class="{{cssClass}}">{{status}}</td></tr>
                {{/districtItems}}
                </tbody>
                </table>
                </section>
                <section aria-labelledby="pages">
                <h2 id="pages">Страницы образовательных организаций</h2>
                <ul>
                {{#schools}}
                <li><a href="{{page}}">{{name}}</a> ({{code}})</li>
                {{/schools}}
                </ul>
                </section>
                </main>

                """))
}
