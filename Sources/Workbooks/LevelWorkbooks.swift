import Deadlines
import Domain
import Figures
import Foundation
import XLSX

/// A region's (or the country's) statform and monitoring workbooks, from its units' packages: the
/// same file names, sheet names and columns as a district's, with the units in place of schools.
public enum LevelWorkbooks {
    /// `statform-DATE.xlsx`: `Статнаблюдение`, a row per unit (zeros where no package came) and
    /// `Итого` (formulas with cached values; the share a ratio of the sums); `По ОО`, every school.
    @discardableResult
    public static func statform(_ figures: LevelFigures, place: OutputPlace) throws -> String {
        let path = place.statform
        let workbook = try Workbook(path: path, title: "Статистическое наблюдение: наставничество", place: place)
        let period = figures.period
        let table = Table(
            workbook, name: "Статнаблюдение", columns: Statform.columns(figures.kind),
            titleRows: [
                "Сведения о наставничестве педагогических работников — \(figures.ownName)",
                "Отчётный период: \(period.russian) (\(period.start.russian)–\(period.end.russian)); данные на \(place.asOf.russian); "
                    + "прислали пакеты \(figures.unitsSent) из \(figures.lines.count)",
            ])
        _ = try table.dataStart()
        try table.append(figures.statform)
        try table.appendTotal(figures.statformTotal)
        try table.finish()

        let regional: [SheetColumn<SchoolLine>] =
            figures.level == .country
            ? [.text("Код субъекта", 14) { $0.regionCode }, .text("Наименование субъекта", 30) { $0.regionName }] : []
        let schoolColumns =
            regional + [.text("Код МО", 14) { $0.districtCode }, .text("Наименование МО", 30) { $0.districtName }]
            + Statform.columns(.school).map { column in SheetColumn(column.title, column.width, column.style) { column.value($0.row) } }
        let schools = Table(workbook, name: "По ОО", columns: schoolColumns)
        try schools.append(figures.schools)
        try schools.finish()
        try workbook.close()
        return path
    }

    static func lineColumns(_ kind: UnitKind) -> [SheetColumn<LevelFigures.Line>] {
        [
            .text(kind.codeColumn, 14) { $0.unit.code }, .text(kind.nameColumn, 36) { $0.unit.name },
            .text("Состояние пакета", 16) { $0.state }, .date("Пакет получен") { $0.package?.received },
            .yesNo("Получен в срок", 10) { $0.onTime }, .text("Утвердил", 30, wrapped: true) { $0.package?.package.approvedBy },
            .date("Дата утверждения") { $0.package?.package.approvedOn }, .count("ОО в перечне") { $0.row.schoolsListed },
            .count("ОО с данными") { $0.row.schoolsWithData },
            .count("Просрочено мероприятий ОО") { $0.row.schoolsListed == 0 ? nil : $0.row.overdueSchoolItems },
            .count("Просрочено мероприятий органов управления образованием") { $0.package == nil ? nil : $0.row.overdueOwnItems },
            .text("Причина возврата", 40, wrapped: true) { $0.package?.returned?.reason },
        ]
    }

    /// `Показатели`: the indicators of regional monitoring for each row, as ratios of sums.
    static func indicatorColumns(_ kind: UnitKind) -> [SheetColumn<PackageRow>] {
        [.text(kind.codeColumn, 14) { $0.code }, .text(kind.nameColumn, 36) { $0.name }]
            + Indicators.titles.enumerated().map { i, title in
                SheetColumn(title, 14, .decimal) { row in
                    row.indicators.values[i].map { CellValue.number(($0 * 10).rounded() / 10) } ?? .blank
                }
            }
    }

    static func dynamicsColumns(_ kind: UnitKind) -> [SheetColumn<(period: ReportingPeriod, row: StatformRow)>] {
        [
            .text("Полугодие", 12) { $0.period.description }, .text(kind.codeColumn, 14) { $0.row.code },
            .text(kind.nameColumn, 36) { $0.row.name },
        ]
            + StatformRow.counts.prefix(StatformRow.countsBeforeShare + 3).map { count in .count(count.title, 14) { count.get($0.row) } }
    }

    /// `monitoring-DATE.xlsx`: `Мониторинг` (a row per unit: its package's state, when it came,
    /// its schools and overdue items), `Показатели`, `Динамика` by unit and half-year, and the
    /// level's own `Дорожная карта`.
    @discardableResult
    public static func monitoring(_ figures: LevelFigures, place: OutputPlace) throws -> String {
        let path = place.monitoring
        let workbook = try Workbook(path: path, title: "Мониторинг наставничества", place: place)
        let sent = figures.unitsSent
        let total = figures.total
        let units = figures.lines.count
        let completeness =
            "Прислали пакеты: \(sent) из \(units) (\(percent(sent, units))), в срок: \(figures.unitsOnTime) (\(percent(figures.unitsOnTime, units))); "
            + "ОО с данными: \(total.schoolsWithData) из \(total.schoolsListed) (\(percent(total.schoolsWithData, total.schoolsListed)))"
        let monitoring = Table(
            workbook, name: "Мониторинг", columns: lineColumns(figures.kind),
            titleRows: [
                "Мониторинг наставничества — \(figures.ownName), \(figures.period.russian), на \(place.asOf.russian)", completeness,
            ])
        try monitoring.append(figures.lines)
        try monitoring.finish()

        let indicators = Table(workbook, name: "Показатели", columns: indicatorColumns(figures.kind))
        try indicators.append(figures.lines.map(\.row) + [total])
        try indicators.finish()

        let dynamics = Table(workbook, name: "Динамика", columns: dynamicsColumns(figures.kind))
        for period in figures.dynamics { try dynamics.append((period.rows + [period.total]).map { (period.period, $0) }) }
        try dynamics.finish()

        try RetentionSheet.write(
            workbook, kind: figures.kind, ownName: figures.ownName, start: Retention.start(of: figures.asOf), asOf: figures.asOf,
            lines: figures.lines.map { line in
                RetentionSheet.Line(
                    code: line.unit.code, name: line.unit.name,
                    counts: line.row.retention.flatMap { $0.schoolsWithStaff > 0 ? $0 : nil })
            })

        let roadmap = Table(workbook, name: "Дорожная карта", columns: MonitoringWorkbook.roadmapColumns)
        let first = try roadmap.dataStart()
        try roadmap.append(figures.roadmap)
        let status = roadmap.column("Статус")
        try StatusColors.apply(try roadmap.finish(), firstRow: first, firstColumn: status, lastRow: roadmap.row - 1, lastColumn: status)
        try workbook.close()
        return path
    }

    /// `45 %`, never over 100; `—` for none listed.
    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "—" : RussianNumbers.percent(min(100, Double(part) / Double(whole) * 100))
    }
}
