import DOCX
import Domain
import Figures
import Foundation

/// `outbox/spravka-YYYY-HN.docx` of a region (or the country): the half-year by unit — who sent
/// their package and when, in what state; the figures of every unit and their total; the
/// indicators of regional monitoring as ratios of sums; the change against the previous half-year.
public enum LevelReport {
    public static func document(_ figures: LevelFigures) -> Document {
        let period = figures.period
        let n = RussianNumbers.self
        let kind = figures.kind
        var doc = Document(title: "Аналитическая справка: наставничество, \(period.russian)")
        doc.titleLine("Аналитическая справка о состоянии внедрения целевой модели наставничества педагогических работников")
        doc.paragraph("\(figures.ownName), \(period.russian) (\(period.start.russian)–\(period.end.russian))", style: "Title")
        let units = figures.lines.count
        let total = figures.total
        doc.heading("1. Полнота отчётности")
        doc.paragraph(
            "Пакеты за полугодие прислали \(figures.unitsSent) из \(units) (\(kind.abbreviation)), в срок — \(figures.unitsOnTime); "
                + "утверждены \(figures.lines.count { $0.state == Package.approvedState }), возвращены \(figures.lines.count { $0.state == LevelFigures.returned }). "
                + "Образовательных организаций с данными: \(total.schoolsWithData) из \(total.schoolsListed).")
        doc.table(
            [
                .init(kind.nameColumn, width: 40), .init("Состояние пакета", width: 18), .init("Получен", width: 14),
                .init("ОО с данными", width: 14, numeric: true),
            ],
            figures.lines.map { line in
                [
                    line.unit.name, line.state, line.package?.received.russian ?? "—",
                    "\(line.row.schoolsWithData) из \(line.row.schoolsListed)",
                ]
            })
        doc.heading("2. Участники и программы")
        let counts = Array(StatformRow.counts.prefix(StatformRow.countsBeforeShare + 3))
        let previous = figures.dynamics.count > 1 ? figures.dynamics[figures.dynamics.count - 2].total : nil
        doc.table(
            [
                .init("Показатель", width: 50), .init("Итого", width: 16, numeric: true),
                .init("Изменение за полугодие", width: 20, numeric: true),
            ],
            counts.map { count in
                let now = count.get(total.statform)
                return [count.title, n.integer(now), previous.map { n.signed(now - count.get($0)) } ?? "—"]
            })
        doc.heading("3. Показатели мониторинга")
        doc.paragraph("Каждый показатель — отношение сумм по всем \(kind == .district ? "МО" : "субъектам"), а не среднее их долей.")
        doc.table(
            [.init("Показатель", width: 50), .init("Итого", width: 16, numeric: true)],
            zip(Indicators.titles, total.indicators.values).map { title, value in [title, value.map(n.decimal) ?? "—"] })
        doc.heading("4. По \(kind == .district ? "муниципальным образованиям" : "субъектам")")
        doc.table(
            [
                .init(kind.nameColumn, width: 36), .init("Педагогов", width: 12, numeric: true),
                .init("Наставников", width: 12, numeric: true),
                .init("Наставляемых", width: 12, numeric: true), .init("Программ реализуется", width: 14, numeric: true),
            ],
            figures.lines.map { line in
                let s = line.row.statform
                return [
                    line.unit.name, n.integer(s.teachersTotal), n.integer(s.mentors), n.integer(s.mentees), n.integer(s.programsActive),
                ]
            })
        RetentionSection.write(
            &doc, heading: "5. Закрепление молодых педагогов", counts: total.retention ?? RetentionCounts(), units: "ОО",
            start: Retention.start(of: figures.asOf), asOf: figures.asOf, betweenDistricts: true)
        let missing = figures.lines.filter { $0.package == nil }.map(\.unit.name)
        doc.heading("6. Выводы")
        doc.list(
            (missing.isEmpty ? ["Пакеты прислали все."] : ["Не прислали пакет: " + missing.joined(separator: ", ") + "."])
                + ["Просрочено мероприятий ОО: \(total.overdueSchoolItems); органов управления образованием: \(total.overdueOwnItems)."])
        return doc
    }

    public static func data(_ figures: LevelFigures) throws -> Data {
        try document(figures).data(created: Date(timeIntervalSince1970: TimeInterval(figures.asOf.daysSinceEpoch) * 86_400))
    }
}
