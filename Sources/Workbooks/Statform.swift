import Domain
import Figures
import Foundation
import XLSX

/// `outbox/statform-DATE.xlsx`, sheet `Статнаблюдение` (SPEC §7): title, header, a row per school,
/// `Итого` with `SUM` formulas (the share as a ratio of the sums) and their cached values.
public enum Statform {
    /// The columns for units of a kind: `Код ОО` and `Наименование ОО` at a district, `Код МО`…
    /// at a region, then the counts (SPEC §7), the share after the first eight.
    static func columns(_ kind: UnitKind) -> [SheetColumn<StatformRow>] {
        let counts = StatformRow.counts.map { count in SheetColumn<StatformRow>.count(count.title, 15, total: .sum) { count.get($0) } }
        let share = SheetColumn<StatformRow>(
            StatformRow.shareTitle, 15, .percent, total: .percent(of: "Наставляемых до 35 лет", per: "из них до 35 лет")
        ) { $0.shareUnder35.map(CellValue.number) ?? .blank }
        return [.text(kind.codeColumn, 14) { $0.code }, .text(kind.nameColumn, 40) { $0.name }]
            + counts.prefix(StatformRow.countsBeforeShare) + [share] + counts.dropFirst(StatformRow.countsBeforeShare)
    }

    static let columns = columns(.school)

    /// The fixed headers, in order.
    public static var headers: [String] { columns.map(\.title) }

    public static func write(_ figures: NightFigures, place: OutputPlace) throws -> String {
        let path = place.statform
        let workbook = try Workbook(path: path, title: "Статистическое наблюдение: наставничество", place: place)
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
