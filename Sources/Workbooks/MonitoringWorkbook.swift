import Config
import Deadlines
import Domain
import Figures
import Foundation
import XLSX

/// `outbox/monitoring-DATE.xlsx`: how every school stands, the roadmap, deadlines by school,
/// programme deadlines, one СНИЛС spelt two ways, every half-year's counts (`Динамика`), and charts.
public enum MonitoringWorkbook {
    static let monitoringColumns: [SheetColumn<MonitoringRow>] = [
        .text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 40) { $0.school.name },
        .text("Куратор", 30, wrapped: true) { $0.curators.joined(separator: "\n") },
        .date("Данные получены") { $0.intake.lastAccepted }, .text("Состояние данных", 14) { $0.intake.state.rawValue },
        .count("Программ реализуется") { $0.programsActive }, .count("Просрочено мероприятий") { $0.overdueItems },
        .text("Раздел сайта", 34) { $0.siteURL }, .count("Наставников") { $0.mentors }, .count("Наставляемых") { $0.mentees },
        .count("Замечаний по срокам программ") { $0.programDeadlines },
    ]

    static let roadmapColumns: [SheetColumn<RoadmapRow>] = [
        .text("Код", 8) { $0.item.code }, .text("Мероприятие", 60, wrapped: true) { $0.item.title },
        .text("Срок", 24, wrapped: true) { $0.item.term }, .date("Срок (дата)") { $0.nominalDue },
        .text("Ответственный", 30, wrapped: true) { $0.item.responsible }, .text("Статус", 30, wrapped: true) { $0.status },
        .text("Уровень", 8) { $0.item.level.rawValue }, .text("Результат, вид документа", 30, wrapped: true) { $0.item.result },
    ]

    static let programDeadlineColumns: [SheetColumn<(ProgramDeadline, String?)>] = [
        .text("Код ОО", 14) { $0.0.school }, .text("Наименование ОО", 36) { $0.1 }, .text("Номер программы", 14) { $0.0.number },
        .snils("СНИЛС наставника") { $0.0.mentor }, .text("Замечание", 22) { $0.0.kind.rawValue }, .date("Дата") { $0.0.date },
        .text("Пояснение", 70, wrapped: true) { $0.0.message },
    ]

    static let spellingColumns: [SheetColumn<PersonEntry>] = [
        .snils("СНИЛС") { $0.snils }, .text("Код ОО", 14) { $0.school }, .text("Список", 14) { $0.dataset.title },
        .text("ФИО", 40) { $0.name.full },
    ]

    /// `Динамика`: each count beside its change against the previous half-year.
    static let dynamicsColumns: [SheetColumn<DynamicsRow>] = {
        let counts: [(String, KeyPath<StatformRow, Int> & Sendable)] = [
            ("Педагогических работников, всего", \.teachersTotal), ("Наставников", \.mentors),
            ("Наставников, прошедших ПК по наставничеству", \.mentorsTrained), ("Наставляемых", \.mentees),
            ("Наставляемых — молодых специалистов", \.menteesYoungSpecialists), ("Наставляемых до 35 лет", \.menteesUnder35),
            ("Программ реализуется", \.programsActive), ("Программ завершено", \.programsCompleted),
            ("Программ прекращено", \.programsTerminated),
        ]
        let reporting: [SheetColumn<DynamicsRow>] = [
            .count("ОО прислали данные за полугодие", 14) { $0.sent }, .count("ОО со всеми наборами данных", 14) { $0.complete },
            .count("ОО без данных", 12) { $0.withoutData },
        ]
        return [
            .text("Полугодие", 12) { $0.period.description }, .text("Код ОО", 14) { $0.counts.code },
            .text("Наименование ОО", 40) { $0.counts.name },
        ]
            + counts.flatMap { title, count -> [SheetColumn<DynamicsRow>] in
                [.count(title, 14) { $0.counts[keyPath: count] }, .count("\(title): изменение", 14) { $0.change(count) }]
            } + reporting
    }()

    /// `Пакет`: the package the district sends up for the half-year, and whether it is approved.
    static let packageColumns: [SheetColumn<Package>] = [
        .text("Период", 10) { $0.period }, .text("Состояние", 16) { $0.state }, .text("Утвердил", 36, wrapped: true) { $0.approvedBy },
        .date("Дата утверждения") { $0.approvedOn }, .date("Данные на") { $0.dataOn },
        .text("Файл", 30) { OutputPlace.packageName(code: $0.code, period: $0.period) },
    ]

    public static func write(_ figures: NightFigures, place: OutputPlace) throws -> String {
        let path = place.monitoring
        let workbook = try Workbook(path: path, title: "Мониторинг наставничества", place: place)
        let deadlines = figures.deadlines

        let monitoring = Table(workbook, name: "Мониторинг", columns: monitoringColumns)
        let firstSchoolRow = try monitoring.dataStart()
        try monitoring.append(figures.monitoring)
        let lastSchoolRow = monitoring.row - 1
        try monitoring.finish()

        let roadmap = Table(workbook, name: "Дорожная карта", columns: roadmapColumns)
        let roadmapFirst = try roadmap.dataStart()
        try roadmap.append(figures.roadmap)
        let status = roadmap.column("Статус")
        try StatusColors.apply(
            try roadmap.finish(), firstRow: roadmapFirst, firstColumn: status, lastRow: roadmap.row - 1, lastColumn: status)

        // Сроки ОО: schools × the school items, each cell a status.
        let items = deadlines.schoolItems
        let gridColumns: [SheetColumn<MonitoringRow>] =
            [.text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 36) { $0.school.name }]
            + items.map { scheduled in
                .text(scheduled.item.code, 16, wrapped: true) { deadlines.schools[$0.school.code]?[scheduled.item.code]?.status.rawValue }
            }
        let grid = Table(workbook, name: "Сроки ОО", columns: gridColumns)
        let gridFirst = try grid.dataStart()
        try grid.append(figures.monitoring)
        let gridSheet = try grid.finish()
        try StatusColors.apply(gridSheet, firstRow: gridFirst, firstColumn: 2, lastRow: grid.row - 1, lastColumn: 1 + items.count)
        try StatusColors.legend(gridSheet, row: grid.row + 1, column: 1)

        let names = Dictionary(uniqueKeysWithValues: figures.schools.map { ($0.code, $0.name) })
        let programDeadlines = Table(workbook, name: "Программы — сроки", columns: programDeadlineColumns)
        try programDeadlines.append(deadlines.programs.map { ($0, names[$0.school]) })
        try programDeadlines.finish()

        let spellings = Table(workbook, name: "Разные ФИО", columns: spellingColumns)
        try spellings.append(figures.spellings.flatMap(\.entries))
        try spellings.finish()

        let dynamics = Table(workbook, name: "Динамика", columns: dynamicsColumns)
        try dynamics.append(DynamicsRow.rows(figures.dynamics))
        try dynamics.finish()

        let retention = figures.retention
        try RetentionSheet.write(
            workbook, kind: .school, ownName: figures.districtName, start: retention.start, asOf: retention.asOf,
            lines: zip(figures.schools, retention.rows).map { school, counts in
                RetentionSheet.Line(code: school.code, name: school.name, counts: counts.schoolsWithStaff > 0 ? counts : nil)
            })

        // Диаграммы: forms with programmes only, each point labelled; a bar chart when a pie would
        // have many slices; titles say what and as of when.
        let charts = try workbook.addSheet("Диаграммы")
        try charts.setColumn(0, width: 30)
        try charts.setColumn(1, width: 22)
        try charts.write(row: 0, [.text("Форма наставничества"), .text("Программ реализуется")], .header)
        let forms = figures.activeByForm.filter { $0.count > 0 }
        for (i, entry) in forms.enumerated() {
            try charts.write(row: 1 + i, [.text(entry.form.columnTitle), .integer(entry.count)])
        }
        let day = "на \(place.asOf.russian)"
        if lastSchoolRow >= firstSchoolRow {
            let bySchool = workbook.addChart(.column, title: "Программы реализуются, по ОО, \(day)")
            bySchool.addSeries(
                name: "Программ реализуется",
                categories: try monitoring.range("Код ОО", firstRow: firstSchoolRow, lastRow: lastSchoolRow),
                values: try monitoring.range("Программ реализуется", firstRow: firstSchoolRow, lastRow: lastSchoolRow))
            bySchool.axisTitles(x: "ОО", y: "Программ")
            bySchool.hideLegend()
            try charts.insert(bySchool, row: 10, column: 0)
        }
        if !forms.isEmpty {
            let byForm = workbook.addChart(
                forms.count > 5 ? .bar : .pie, title: "Реализуемые программы по формам наставничества, \(day)")
            byForm.addSeries(
                name: "Программ реализуется", categories: charts.range(firstRow: 1, column: 0, lastRow: forms.count),
                values: charts.range(firstRow: 1, column: 1, lastRow: forms.count))
            if forms.count > 5 { byForm.hideLegend() }
            try charts.insert(byForm, row: 10, column: 5)
        } else {
            try charts.write(1, 0, .text("Реализуемых программ нет \(day)."))
        }
        try charts.printSetup(landscape: true)

        if let package = figures.package {
            let indicators = Table(workbook, name: "Показатели", columns: LevelWorkbooks.indicatorColumns(.school))
            try indicators.append(package.rows + [package.total])
            try indicators.finish()
        }
        if let upward = figures.upward {
            let table = Table(
                workbook, name: "Пакет", columns: packageColumns,
                titleRows: ["Пакет для региона (outbox/upward/): \(upward.state)"])
            try table.append(upward)
            try table.finish()
        }
        try workbook.close()
        return path
    }
}
