import DOCX
import Domain
import Figures

/// The справка's section on whether young teachers stay (`RetentionCounts`), at every level: who
/// was counted, where they are a year on, the mentored beside the others, and a sentence that
/// says which stay more — and when the groups are too small to say.
enum RetentionSection {
    static func write(
        _ doc: inout Document, heading: String, counts: RetentionCounts, units: String, start: CivilDate, asOf: CivilDate,
        betweenDistricts: Bool
    ) {
        let n = RussianNumbers.self
        doc.heading(heading)
        guard counts.schoolsWithStaff > 0 else {
            doc.paragraph("Списков кадров ОО нет — закрепление молодых педагогов не посчитано.")
            return
        }
        guard counts.cohort > 0 else {
            doc.paragraph(
                "По спискам кадров \(n.integer(counts.schoolsWithStaff)) \(units) на \(start.russian) молодых педагогов "
                    + "(до 35 лет или со стажем до 3 лет) не было.")
            return
        }
        doc.paragraph(
            "По спискам кадров \(n.integer(counts.schoolsWithStaff)) \(units) на \(start.russian) работали \(n.integer(counts.cohort)) "
                + "молодых педагогов (до 35 лет или со стажем до 3 лет), из них \(n.integer(counts.mentored)) — наставляемые программ, "
                + "начатых не позже этой даты. На \(asOf.russian) остались в своей ОО \(n.integer(counts.stayed)), перешли в другую ОО "
                + "\(n.integer(counts.moved))" + (betweenDistricts ? ", в ОО другого района \(n.integer(counts.movedAway))" : "")
                + ", ушли \(n.integer(counts.left)).")
        doc.table(
            [
                .init("Молодые педагоги", width: 30), .init("Было", width: 12, numeric: true),
                .init("Закрепились", width: 14, numeric: true), .init("Закрепление, %", width: 14, numeric: true),
            ],
            counts.groups.map { [$0.title, n.integer($0.was), n.integer($0.kept), $0.rate.map(n.decimal) ?? "—"] })
        doc.paragraph(counts.comparison)
    }
}
