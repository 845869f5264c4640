import Domain
import Figures
import XLSX

/// `Закрепление`: whether the young teachers of a year ago stay, a row per unit (a school, a
/// district, a region) and `Итого`, the rates as ratios of the sums (formulas with their values),
/// and a chart comparing the mentored with the others. The same sheet in a district's monitoring
/// workbook and a region's or the country's.
enum RetentionSheet {
    /// A unit's line; no counts for a unit without a staff list (or whose package did not count them).
    struct Line: Sendable {
        var code: String
        var name: String
        var counts: RetentionCounts?
    }

    static let stayed = "Остались в ОО", moved = "Перешли в другую ОО", movedAway = "Перешли в ОО другого района", left = "Ушли"
    static let mentored = "из них в наставничестве", mentoredKept = "Закрепились из наставляемых"
    static let rate = "Закрепление, %", mentoredRate = "Закрепление наставляемых, %", otherRate = "Закрепление не наставляемых, %"

    /// `start`: D0, in the cohort's column title. Moves between districts only above a district.
    static func columns(_ kind: UnitKind, start: CivilDate) -> [SheetColumn<Line>] {
        let cohort = "Молодых педагогов на \(start.russian)"
        func count(_ title: String, _ width: Double = 12, _ value: @escaping @Sendable (RetentionCounts) -> Int) -> SheetColumn<Line> {
            .count(title, width, total: .sum) { line in line.counts.map(value) }
        }
        func share(
            _ title: String, _ value: @escaping @Sendable (RetentionCounts) -> Double?,
            formula: @escaping @Sendable (_ cell: (String) -> String) -> String
        )
            -> SheetColumn<Line>
        {
            SheetColumn(title, 14, .decimal, total: .formula(formula)) { line in
                line.counts.flatMap(value).map { CellValue.number(($0 * 10).rounded() / 10) } ?? .blank
            }
        }
        let keptColumns = [stayed, moved] + (kind == .school ? [] : [movedAway])
        let kept: @Sendable ((String) -> String) -> String = { c in keptColumns.map(c).joined(separator: "+") }
        return [
            .text(kind.codeColumn, 14) { $0.code }, .text(kind.nameColumn, 40) { $0.name },
            count(cohort, 14) { $0.cohort }, count(mentored) { $0.mentored }, count(stayed) { $0.stayed },
            count(moved) { $0.moved },
        ]
            + (kind == .school ? [] : [count(movedAway, 14) { $0.movedAway }])
            + [
                count(left) { $0.left },
                share(rate, \.rate) { c in "=(\(kept(c)))/\(c(cohort))*100" },
                share(mentoredRate, \.mentoredRate) { c in "=\(c(mentoredKept))/\(c(mentored))*100" },
                share(otherRate, \.notMentoredRate) { c in "=(\(kept(c))-\(c(mentoredKept)))/(\(c(cohort))-\(c(mentored)))*100" },
                count(mentoredKept, 14) { $0.mentoredKept }, count("ОО со списком кадров", 14) { $0.schoolsWithStaff },
            ]
    }

    static func write(
        _ workbook: Workbook, kind: UnitKind, ownName: String, start: CivilDate, asOf: CivilDate, lines: [Line]
    ) throws {
        let total = lines.compactMap(\.counts).reduce(RetentionCounts(), +)
        let table = Table(
            workbook, name: "Закрепление", columns: columns(kind, start: start),
            titleRows: [
                "Закрепление молодых педагогов — \(ownName): работавшие на \(start.russian) педагоги до 35 лет или со стажем "
                    + "до 3 лет и где они на \(asOf.russian)",
                "Закрепление — остались в ОО или перешли в другую ОО\(kind == .school ? " района" : ""), в % от молодых педагогов; "
                    + "в наставничестве — наставляемые программ, начатых не позже \(start.russian). По спискам кадров ОО.",
            ])
        let first = try table.dataStart()
        try table.append(lines)
        let last = table.row - 1
        try table.appendTotal(Line(code: "Итого", name: kind.count(lines.count), counts: total))
        let sheet = try table.finish()
        guard last >= first else { return }
        let chart = workbook.addChart(.column, title: "Закрепление молодых педагогов на \(asOf.russian), %")
        for title in [mentoredRate, otherRate] {
            chart.addSeries(
                name: title.replacingOccurrences(of: ", %", with: ""),
                categories: try table.range(kind.codeColumn, firstRow: first, lastRow: last),
                values: try table.range(title, firstRow: first, lastRow: last))
        }
        chart.axisTitles(x: kind.abbreviation, y: "%")
        try sheet.insert(chart, row: table.row + 2, column: 1)
    }
}
