import Config
import Domain
import Figures
import Foundation
import XLSX

/// `outbox/registry-DATE.xlsx`: the registry's current state, each school's rows as it sent them,
/// enumerations in their canonical wording, and where each row came from. Written in libxlsxwriter's
/// constant-memory mode: a million mentors go to the file without a second copy in memory.
public enum RegistryWorkbook {
    /// A row of a people sheet: the school, the record and the file it came from.
    struct Sourced<Record> {
        var school: School
        var record: Record
        var file: String?
    }

    static func sourced<Record>(
        _ snapshot: RegistrySnapshot, _ schools: [School], _ dataset: Dataset, _ list: @escaping (RegistrySnapshot.Folder) -> [Record]
    )
        -> some Sequence<Sourced<Record>>
    {
        schools.lazy.flatMap { school in
            let data = snapshot[school.code]
            return list(data).lazy.map { Sourced(school: school, record: $0, file: data.files[dataset]) }
        }
    }

    /// A dataset's sheet: the school, then every column its declaration has, in order, each as its
    /// shape shows it (with `extra` columns after the columns they follow), then the file and row.
    static func columns<Record>(
        _ declaration: DatasetDeclaration<Record>, extra: [Column: SheetColumn<Sourced<Record>>] = [:]
    ) -> [SheetColumn<Sourced<Record>>] {
        var columns: [SheetColumn<Sourced<Record>>] = [
            .text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 40) { $0.school.name },
        ]
        for field in declaration.fields where field.stored != nil {
            columns.append(column(field))
            if let after = extra[field.column] { columns.append(after) }
        }
        return columns + [.text("Файл", 24) { $0.file }, .count("Строка", 8) { $0.record[keyPath: declaration.row] }]
    }

    /// A field's column, as its shape shows it.
    static func column<Record>(_ field: Field<Record>) -> SheetColumn<Sourced<Record>> {
        let title = field.column.title
        let text: @Sendable (Sourced<Record>) -> String? = { row in
            if case .text(let text) = field.shown(row.record) { text } else { nil }
        }
        switch field.shape {
        case .text(let width, let wrapped): return .text(title, width ?? 16, wrapped: wrapped, text)
        case .identifier(let width), .choice(_, let width), .choices(_, let width): return .text(title, width ?? 16, text)
        case .snils:
            return .snils(title) { row in
                if case .integer(let n?) = field.store(row.record) { Snils(value: UInt64(n)) } else { Snils(value: 0) }
            }
        case .date: return .date(title) { row in if case .date(let date) = field.store(row.record) { date } else { nil } }
        case .count: return .count(title) { row in if case .integer(let n?) = field.store(row.record) { Int(n) } else { nil } }
        case .decimal(let width):
            return SheetColumn(title, width, .decimal) { row in
                if case .real(let x?) = field.store(row.record) { .number(x) } else { .blank }
            }
        case .yesNo: return .yesNo(title) { row in if case .integer(let n?) = field.store(row.record) { n != 0 } else { false } }
        case .snilsList:
            return .text(title, 36, wrapped: true) { row in
                if case .snilsList(let list) = field.store(row.record) { list.map(\.description).joined(separator: "\n") } else { nil }
            }
        }
    }

    static let mentorColumns = columns(Declarations.mentors)

    static let menteeColumns = columns(
        Declarations.mentees, extra: [.experience: .yesNo("Молодой специалист") { $0.record.isYoungSpecialist }])

    static let programColumns: [SheetColumn<ProgramListing>] = [
        .text("Код ОО", 14) { $0.school.code }, .text("Номер программы", 14) { $0.program.number },
        .snils("СНИЛС наставника") { $0.program.mentor }, .text("Наставник", 30) { $0.mentorName },
        .text("Наставляемые", 36, wrapped: true) { $0.menteeNames.joined(separator: "\n") },
        .text("Форма наставничества", 18) { $0.program.form.text }, .text("Модель", 24) { $0.program.model.text },
        .date("Дата начала") { $0.program.startDate }, .date("Дата окончания") { $0.program.endDate },
        .text("Статус", 14) { $0.program.status.text },
        .text("Направления", 30, wrapped: true) { $0.program.directions.map(\.text).joined(separator: "; ") },
        .text("Режим", 12) { $0.program.mode.text }, .text("Приказ о закреплении", 24) { $0.program.pairOrder },
        .date("Дата завершения") { $0.program.closedDate }, .text("Основание завершения", 24) { $0.program.closeReason?.text },
        .text("Результаты опубликованы", 30) { $0.program.resultsURL }, .text("Наименование ОО", 40) { $0.school.name },
        .text("Файл", 24) { $0.file }, .count("Строка", 8) { $0.program.row },
    ]

    static let curatorColumns = columns(Declarations.curators)

    static let staffColumns = columns(Declarations.staff)

    public static func write(
        snapshot: RegistrySnapshot, figures: NightFigures, place: OutputPlace, rowLimit: Int = Sheet.maxRows
    ) throws -> String {
        let path = place.registry
        let workbook = try Workbook(path: path, constantMemory: true, title: "Реестр наставничества", place: place)
        let schools = figures.schools
        let mentors = Table(workbook, name: "Наставники", columns: mentorColumns, rowLimit: rowLimit)
        try mentors.append(sourced(snapshot, schools, .mentors) { $0.mentors })
        try mentors.finish()
        let mentees = Table(workbook, name: "Наставляемые", columns: menteeColumns, rowLimit: rowLimit)
        try mentees.append(sourced(snapshot, schools, .mentees) { $0.mentees })
        try mentees.finish()
        let programs = Table(workbook, name: "Программы", columns: programColumns, rowLimit: rowLimit)
        try programs.append(figures.programs)
        try programs.finish()
        let curators = Table(workbook, name: "Кураторы", columns: curatorColumns, rowLimit: rowLimit)
        try curators.append(sourced(snapshot, schools, .curators) { $0.curators })
        try curators.finish()
        let staff = Table(workbook, name: "Кадры", columns: staffColumns, rowLimit: rowLimit)
        try staff.append(sourced(snapshot, schools, .staff) { $0.staff })
        try staff.finish()
        try workbook.close()
        return path
    }
}
