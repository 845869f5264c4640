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

    static let mentorColumns: [SheetColumn<Sourced<MentorRecord>>] = [
        .text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 40) { $0.school.name },
        .snils("СНИЛС") { $0.record.snils }, .text("Фамилия") { $0.record.name.last }, .text("Имя") { $0.record.name.first },
        .text("Отчество") { $0.record.name.middle }, .date("Дата рождения") { $0.record.birthDate },
        .text("Должность", 20) { $0.record.position }, .text("Предмет (направление)", 24) { $0.record.subject },
        SheetColumn("Педагогический стаж, лет", 12, .decimal) { .number($0.record.experienceYears) },
        .text("Квалификационная категория", 20) { $0.record.category.text },
        .date("Дата ПК по наставничеству") { $0.record.trainingDate },
        .yesNo("Согласие на публикацию") { $0.record.publishConsent },
        .text("Файл", 24) { $0.file }, .count("Строка", 8) { $0.record.row },
    ]

    static let menteeColumns: [SheetColumn<Sourced<MenteeRecord>>] = [
        .text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 40) { $0.school.name },
        .snils("СНИЛС") { $0.record.snils }, .text("Фамилия") { $0.record.name.last }, .text("Имя") { $0.record.name.first },
        .text("Отчество") { $0.record.name.middle }, .date("Дата рождения") { $0.record.birthDate },
        .text("Должность", 20) { $0.record.position }, .text("Предмет (направление)", 24) { $0.record.subject },
        SheetColumn("Педагогический стаж, лет", 12, .decimal) { .number($0.record.experienceYears) },
        .yesNo("Молодой специалист") { $0.record.isYoungSpecialist },
        .text("Профессиональные затруднения", 30, wrapped: true) { $0.record.deficits },
        .yesNo("Согласие на публикацию") { $0.record.publishConsent },
        .text("Файл", 24) { $0.file }, .count("Строка", 8) { $0.record.row },
    ]

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

    static let curatorColumns: [SheetColumn<Sourced<CuratorRecord>>] = [
        .text("Код ОО", 14) { $0.school.code }, .text("Наименование ОО", 40) { $0.school.name },
        .snils("СНИЛС") { $0.record.snils }, .text("Фамилия") { $0.record.name.last }, .text("Имя") { $0.record.name.first },
        .text("Отчество") { $0.record.name.middle }, .text("Должность", 28) { $0.record.position },
        .text("Приказ о назначении", 18) { $0.record.orderNumber }, .date("Дата приказа") { $0.record.orderDate },
        .text("Файл", 24) { $0.file }, .count("Строка", 8) { $0.record.row },
    ]

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
        try workbook.close()
        return path
    }
}
