import Config
import Deadlines
import Domain
import Figures

/// `outbox/index.html`: the district office's overview in a browser — the statform's headline
/// figures (its `Итого` row), every school × roadmap item coloured as in the monitoring workbook,
/// the schools that need attention, and links to each school's page and the three workbooks. Opens
/// straight from the file system: every link is relative to the outbox.
public enum DistrictPage {
    public static func render(_ figures: NightFigures) -> String { render(Model(figures)).string }

    /// The page laid out a piece at a time (`HTMLText`): a region's matrix has a cell for every
    /// school and roadmap item, which a template engine looked up and escaped one by one.
    static func render(_ model: Model) -> HTMLText {
        var page = HTMLText(capacity: 4_096 + model.schools.count * (96 + model.columns.count * 40))
        page.markup(PageStyle.shell.beforeTitle)
        page.markup("Наставничество — сводка на ")
        page.text(model.asOf)
        page.markup(PageStyle.shell.beforeBody)
        page.markup("<header>\n<p class=\"meta\">Целевая модель наставничества педагогических работников</p>\n<h1>")
        page.text(model.districtName)
        page.markup("</h1>\n<p class=\"meta\">Сведения на ")
        page.text(model.asOf)
        page.markup("; отчётный период ")
        page.text(model.period)
        page.markup("</p>\n")
        if let package = model.package {
            page.markup("<p class=\"meta\">")
            page.text(package)
            page.markup("</p>")
        }
        page.markup("\n</header>\n<nav aria-label=\"Книги\">\n<ul>\n")
        for workbook in model.workbooks {
            page.markup("<li><a href=\"")
            page.text(workbook.file)
            page.markup("\">")
            page.text(workbook.title)
            page.markup("</a> (")
            page.text(workbook.file)
            page.markup(")</li>\n")
        }
        page.markup("</ul>\n</nav>\n<main>\n<section aria-labelledby=\"headline\">\n<h2 id=\"headline\">Главные показатели</h2>\n<table>\n")
        page.markup("<caption>Итого по району (как в форме статистического наблюдения)</caption>\n<tbody>\n")
        for figure in model.headline {
            page.markup("<tr><th scope=\"row\">")
            page.text(figure.title)
            page.markup("</th><td class=\"num\">")
            page.text(figure.value)
            page.markup("</td></tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n")
        retention(&page, model.retention)
        page.markup("<section aria-labelledby=\"attention\">\n<h2 id=\"attention\">Требуют внимания</h2>\n")
        if model.hasAttention {
            page.markup("<table class=\"cards\">\n<thead><tr><th scope=\"col\">Код ОО</th>")
            page.markup("<th scope=\"col\">Образовательная организация</th><th scope=\"col\">Что не так</th></tr></thead>\n<tbody>\n")
            for school in model.attention {
                page.markup("<tr>")
                page.cell("Код ОО", school.code)
                page.markup("<td data-label=\"ОО\"><a href=\"")
                page.text(school.page)
                page.markup("\">")
                page.text(school.name)
                page.markup("</a></td>")
                page.cell("Что не так", school.reasons)
                page.markup("</tr>\n")
            }
            page.markup("</tbody>\n</table>\n")
        } else {
            page.markup("<p>Все образовательные организации прислали данные, просроченных мероприятий нет.</p>\n")
        }
        page.markup("</section>\n<section aria-labelledby=\"matrix\">\n<h2 id=\"matrix\">Дорожная карта: сроки ОО</h2>\n")
        page.markup("<ul class=\"legend\" aria-label=\"Условные обозначения\">\n")
        for entry in model.legend {
            page.markup("<li class=\"")
            page.text(entry.cssClass)
            page.markup("\">")
            page.text(entry.text)
            page.markup("</li>\n")
        }
        page.markup("</ul>\n<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">ОО</th>")
        for column in model.columns {
            page.markup("<th scope=\"col\"><abbr title=\"")
            page.text(column.title)
            page.markup("\">")
            page.text(column.code)
            page.markup("</abbr></th>")
        }
        page.markup("</tr></thead>\n<tbody>\n")
        for school in model.schools {
            page.markup("<tr><th scope=\"row\"><a href=\"")
            page.text(school.page)
            page.markup("\">")
            page.text(school.code)
            page.markup("</a></th>")
            for cell in school.cells {
                page.markup("<td class=\"")
                page.text(cell.cssClass)
                page.markup("\">")
                page.text(cell.status)
                page.markup("</td>")
            }
            page.markup("</tr>\n")
        }
        page.markup("</tbody>\n</table>\n</div>\n</section>\n<section aria-labelledby=\"district\">\n")
        page.markup("<h2 id=\"district\">Мероприятия отдела образования</h2>\n<table class=\"cards\">\n")
        page.markup("<thead><tr><th scope=\"col\">Код</th><th scope=\"col\">Мероприятие</th><th scope=\"col\">Срок</th>")
        page.markup("<th scope=\"col\">Статус</th></tr></thead>\n<tbody>\n")
        for item in model.districtItems {
            page.markup("<tr>")
            page.cell("Код", item.code)
            page.cell("Мероприятие", item.title)
            page.cell("Срок", item.term)
            page.cell("Статус", item.status, class: item.cssClass)
            page.markup("</tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n<section aria-labelledby=\"pages\">\n")
        page.markup("<h2 id=\"pages\">Страницы образовательных организаций</h2>\n<ul>\n")
        for school in model.schools {
            page.markup("<li><a href=\"")
            page.text(school.page)
            page.markup("\">")
            page.text(school.name)
            page.markup("</a> (")
            page.text(school.code)
            page.markup(")</li>\n")
        }
        page.markup("</ul>\n</section>\n</main>\n")
        page.markup(PageStyle.shell.end)
        return page
    }

    /// Whether the young teachers of a year ago stay: the mentored beside the others.
    private static func retention(_ page: inout HTMLText, _ retention: Retention) {
        page.markup("<section aria-labelledby=\"retention\">\n<h2 id=\"retention\">Закрепление молодых педагогов</h2>\n<p>")
        page.text(retention.intro)
        page.markup("</p>\n")
        if !retention.groups.isEmpty {
            page.markup("<table class=\"cards\">\n<thead><tr><th scope=\"col\">Молодые педагоги</th><th scope=\"col\">Было</th>")
            page.markup("<th scope=\"col\">Закрепились</th><th scope=\"col\">Закрепление, %</th></tr></thead>\n<tbody>\n")
            for group in retention.groups {
                page.markup("<tr>")
                page.cell("Молодые педагоги", group[0])
                page.cell("Было", group[1])
                page.cell("Закрепились", group[2])
                page.cell("Закрепление, %", group[3])
                page.markup("</tr>\n")
            }
            page.markup("</tbody>\n</table>\n<p>")
            page.text(retention.comparison)
            page.markup("</p>\n")
        }
        page.markup("</section>\n")
    }

    struct Retention: Sendable {
        var intro: String
        /// Title, was, stayed or moved, rate.
        var groups: [[String]]
        var comparison: String

        init(_ retention: Figures.Retention) {
            let counts = retention.total
            let n = RussianNumbers.self
            guard counts.cohort > 0 else {
                intro =
                    counts.schoolsWithStaff == 0
                    ? "Списков кадров ОО нет — закрепление не посчитано."
                    : "По спискам кадров на \(retention.start.russian) молодых педагогов не было."
                (groups, comparison) = ([], "")
                return
            }
            intro =
                "Из \(n.integer(counts.cohort)) молодых педагогов (до 35 лет или со стажем до 3 лет), работавших на "
                + "\(retention.start.russian) в \(n.integer(counts.schoolsWithStaff)) ОО со списком кадров, на \(retention.asOf.russian) "
                + "остались в своей ОО \(n.integer(counts.stayed)), перешли в другую ОО района \(n.integer(counts.moved)), "
                + "ушли \(n.integer(counts.left)). По ОО — лист «Закрепление» книги мониторинга."
            groups = counts.groups.map { [$0.title, n.integer($0.was), n.integer($0.kept), $0.rate.map(n.decimal) ?? "—"] }
            comparison = counts.comparison
        }
    }

    struct Figure: Sendable {
        var title: String
        var value: String
    }

    struct Cell: Sendable {
        var status: String
        var cssClass: String
    }

    struct SchoolRow: Sendable {
        var code: String
        var name: String
        var page: String
        var cells: [Cell]
    }

    struct Attention: Sendable {
        var code: String
        var name: String
        var page: String
        var reasons: String
    }

    struct Column: Sendable {
        var code: String
        var title: String
    }

    struct DistrictItem: Sendable {
        var code: String
        var title: String
        var term: String
        var status: String
        var cssClass: String
    }

    struct Workbook: Sendable {
        var title: String
        var file: String
    }

    struct Model: Sendable {
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
        var retention: Retention

        init(_ figures: NightFigures) {
            districtName = figures.districtName
            retention = Retention(figures.retention)
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
    }
}
