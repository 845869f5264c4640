import Domain
import Figures
import Foundation
import XLSX

/// `outbox/statform-DATE.xlsx`, sheet `Статнаблюдение` (SPEC §7): title, header, a row per school,
/// `Итого` with `SUM` formulas (the share as a ratio of the sums) and their cached values.
public enum Statform {
    static let columns: [SheetColumn<StatformRow>] =
        [
            .text("Код ОО", 14) { $0.code }, .text("Наименование ОО", 40) { $0.name },
            .count("Педагогических работников, всего", 15, total: .sum) { $0.teachersTotal },
            .count("из них до 35 лет", 15, total: .sum) { $0.teachersUnder35 },
            .count("из них молодых специалистов", 15, total: .sum) { $0.youngSpecialists },
            .count("Наставников", 15, total: .sum) { $0.mentors },
            .count("Наставников, прошедших ПК по наставничеству", 15, total: .sum) { $0.mentorsTrained },
            .count("Наставляемых", 15, total: .sum) { $0.mentees },
            .count("Наставляемых — молодых специалистов", 15, total: .sum) { $0.menteesYoungSpecialists },
            .count("Наставляемых до 35 лет", 15, total: .sum) { $0.menteesUnder35 },
            SheetColumn(
                "Доля педагогов до 35 лет в наставничестве, %", 15, .percent,
                total: .percent(of: "Наставляемых до 35 лет", per: "из них до 35 лет")
            ) { $0.shareUnder35.map(CellValue.number) ?? .blank },
            .count("Программ реализуется", 15, total: .sum) { $0.programsActive },
            .count("Программ завершено", 15, total: .sum) { $0.programsCompleted },
            .count("Программ прекращено", 15, total: .sum) { $0.programsTerminated },
        ]
        + MentoringForm.allCases.map { form in .count(form.columnTitle, 15, total: .sum) { $0.byForm[form] ?? 0 } }
        + MentoringModel.allCases.map { model in .count(model.columnTitle, 15, total: .sum) { $0.byModel[model] ?? 0 } }

    /// The fixed headers, in order.
    public static var headers: [String] { columns.map(\.title) }

    public static func write(_ figures: NightFigures, place: OutputPlace) throws -> String {
        let path = place.path("statform")
        let workbook = try Workbook(
            path: path, created: place.created, title: "Статистическое наблюдение: наставничество", staging: place.staging)
        let period = figures.period
        let table = Table(
            workbook, name: "Статнаблюдение", columns: columns,
            titleRows: [
                "Сведения о наставничестве педагогических работников — \(figures.districtName)",
                "Отчётный период: \(period.russian) (\(period.start.russian)–\(period.end.russian)); данные на \(place.asOf.russian)",
            ])
        _ = try table.dataStart()
        try table.append(figures.statform)
        try table.appendTotal(figures.statformTotal)
        try table.finish()
        try workbook.close()
        return path
    }
}
