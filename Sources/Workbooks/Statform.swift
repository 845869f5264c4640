import Configuration
import Domain
import Foundation
import Registry
import XLSX

/// The statistical-observation form (SPEC §7): one row of counts per school.
public struct StatformRow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var teachersTotal = 0
    public var teachersUnder35 = 0
    public var youngSpecialists = 0
    public var mentors = 0
    public var mentorsTrained = 0
    public var mentees = 0
    public var menteesYoungSpecialists = 0
    public var menteesUnder35 = 0
    public var programsActive = 0
    public var programsCompleted = 0
    public var programsTerminated = 0
    public var byForm: [MentoringForm: Int] = [:]
    public var byModel: [MentoringModel: Int] = [:]

    /// `Доля педагогов до 35 лет в наставничестве, %`; nil when the school has no teachers under 35.
    public var shareUnder35: Double? {
        teachersUnder35 == 0 ? nil : Double(menteesUnder35) / Double(teachersUnder35) * 100
    }

    /// The counts in column order, the share left out (it is not a sum).
    var countsBeforeShare: [Int] {
        [teachersTotal, teachersUnder35, youngSpecialists, mentors, mentorsTrained, mentees, menteesYoungSpecialists, menteesUnder35]
    }
    var countsAfterShare: [Int] {
        [programsActive, programsCompleted, programsTerminated] + MentoringForm.allCases.map { byForm[$0] ?? 0 }
            + MentoringModel.allCases.map { byModel[$0] ?? 0 }
    }
}

/// The counting rules of SPEC §7, on the current snapshots.
public enum Statform {
    public static let headers: [String] =
        [
            "Код ОО", "Наименование ОО", "Педагогических работников, всего", "из них до 35 лет", "из них молодых специалистов",
            "Наставников", "Наставников, прошедших ПК по наставничеству", "Наставляемых", "Наставляемых — молодых специалистов",
            "Наставляемых до 35 лет", "Доля педагогов до 35 лет в наставничестве, %", "Программ реализуется", "Программ завершено",
            "Программ прекращено",
        ] + MentoringForm.allCases.map(\.columnTitle) + MentoringModel.allCases.map(\.columnTitle)

    /// One school's row from its current data.
    public static func row(
        school: School, profile: ProfileRecord?, mentors: [MentorRecord], mentees: [MenteeRecord], programs: [ProgramRecord],
        asOf: CivilDate, period: ReportingPeriod
    ) -> StatformRow {
        var row = StatformRow(code: school.code, name: school.name)
        row.teachersTotal = profile?.teachersTotal ?? 0
        row.teachersUnder35 = profile?.teachersUnder35 ?? 0
        row.youngSpecialists = profile?.youngSpecialists ?? 0
        row.mentors = mentors.count
        row.mentorsTrained = mentors.count { $0.trainingDate.map { $0 <= asOf } ?? false }
        row.mentees = mentees.count
        row.menteesYoungSpecialists = mentees.count(where: \.isYoungSpecialist)
        row.menteesUnder35 = mentees.count { $0.birthDate.fullYears(on: asOf) < 35 }
        for program in programs {
            if program.status.isActive {
                row.programsActive += 1
                row.byForm[program.form, default: 0] += 1
                row.byModel[program.model, default: 0] += 1
            }
            guard let closed = program.closedDate, period.contains(closed) else { continue }
            if program.status == .completed { row.programsCompleted += 1 }
            if program.status == .terminated { row.programsTerminated += 1 }
        }
        return row
    }

    /// Every school of config/schools.csv, in its order; schools with no data get zeros.
    public static func rows(registry: Registry, schools: SchoolDirectory, asOf: CivilDate, period: ReportingPeriod) throws -> [StatformRow] {
        let programs = try registry.currentPrograms()
        return try schools.schools.map { school in
            var mentors: [MentorRecord] = []
            try registry.forEachCurrentMentor(school: school.code) { mentors.append($0.record) }
            return row(
                school: school, profile: try registry.currentProfile(school: school.code), mentors: mentors,
                mentees: try registry.currentMentees(school: school.code).map(\.record), programs: programs[school.code] ?? [],
                asOf: asOf, period: period)
        }
    }

    /// `outbox/statform-DATE.xlsx`, sheet `Статнаблюдение`: title, header, a row per school, `Итого`
    /// with `SUM` formulas (the share as a ratio of the sums) and their cached values.
    public static func write(_ rows: [StatformRow], districtName: String, period: ReportingPeriod, place: OutputPlace) throws -> String {
        let path = place.path("statform")
        let workbook = try Workbook(path: path, created: place.created, title: "Статистическое наблюдение: наставничество")
        let columns = headers.enumerated().map { i, title in
            SheetColumn(title, i == 1 ? 40 : (i == 0 ? 14 : 15), i == 10 ? .percent : (i > 1 ? .integer : nil))
        }
        let table = Table(
            workbook, name: "Статнаблюдение", columns: columns,
            titleRows: [
                "Сведения о наставничестве педагогических работников — \(districtName)",
                "Отчётный период: \(period.russian) (\(period.start.russian)–\(period.end.russian)); данные на \(place.asOf.russian)",
            ])
        let firstDataRow = try table.dataStart()
        for row in rows {
            var values: [CellValue] = [.text(row.code), .text(row.name)]
            values += row.countsBeforeShare.map(CellValue.integer)
            values.append(row.shareUnder35.map(CellValue.number) ?? .blank)
            values += row.countsAfterShare.map(CellValue.integer)
            try table.append(values)
        }
        let sheet = try table.current
        let totalRow = table.row
        let last = totalRow  // the last school row, 1-based as formulas count, is the 0-based total row
        let bold = Style(bold: true, numberFormat: "0", border: true)
        try sheet.write(totalRow, 0, .text("Итого"), Style(bold: true, border: true))
        try sheet.write(totalRow, 1, .text("Всего по \(rows.count) ОО"), Style(bold: true, border: true))
        let before = rows.map(\.countsBeforeShare), after = rows.map(\.countsAfterShare)
        func sum(_ column: Int, _ value: Int) throws {
            let letter = Sheet.columnName(column)
            try sheet.write(totalRow, column, .formula("=SUM(\(letter)\(firstDataRow + 1):\(letter)\(last))", cached: Double(value)), bold)
        }
        for k in 0..<8 { try sum(2 + k, before.reduce(0) { $0 + $1[k] }) }
        let under35 = before.reduce(0) { $0 + $1[1] }, menteesUnder35 = before.reduce(0) { $0 + $1[7] }
        let d = Sheet.columnName(3), j = Sheet.columnName(9)
        try sheet.write(
            totalRow, 10,
            .formula("=IF(\(d)\(totalRow + 1)=0,0,\(j)\(totalRow + 1)/\(d)\(totalRow + 1)*100)",
                cached: under35 == 0 ? 0 : Double(menteesUnder35) / Double(under35) * 100),
            Style(bold: true, numberFormat: "0.0", border: true))
        for k in 0..<(after.first?.count ?? MentoringForm.allCases.count + MentoringModel.allCases.count + 3) {
            try sum(11 + k, after.reduce(0) { $0 + $1[k] })
        }
        try table.finish()
        try workbook.close()
        return path
    }
}
