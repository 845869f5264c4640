import Configuration
import Domain
import Foundation
import Registry
import XLSX

/// `outbox/registry-DATE.xlsx`: the registry's current state, each school's rows as it sent them,
/// enumerations in their canonical wording, and where each row came from. Written in libxlsxwriter's
/// constant-memory mode: a million mentors stream from the database to the file.
public enum RegistryWorkbook {
    public static func write(registry: Registry, schools: SchoolDirectory, place: OutputPlace, rowLimit: Int = Sheet.maxRows) throws -> String {
        let path = place.path("registry")
        let workbook = try Workbook(path: path, constantMemory: true, created: place.created, title: "Реестр наставничества")
        let files = try registry.currentFiles()

        let mentors = Table(workbook, name: "Наставники", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 40), SheetColumn("СНИЛС", 15), SheetColumn("Фамилия"), SheetColumn("Имя"), SheetColumn("Отчество"),
            .date("Дата рождения"), SheetColumn("Должность", 20), SheetColumn("Предмет (направление)", 24), SheetColumn("Педагогический стаж, лет", 12, .decimal),
            SheetColumn("Квалификационная категория", 20), .date("Дата ПК по наставничеству"), SheetColumn("Согласие на публикацию", 12),
            SheetColumn("Файл", 24), .count("Строка", 8),
        ], rowLimit: rowLimit)
        for school in schools.schools {
            try registry.forEachCurrentMentor(school: school.code) { m in
                let r = m.record
                try mentors.append([
                    .text(school.code), .text(school.name), .snils(r.snils), .text(r.name.last), .text(r.name.first), .optional(r.name.middle),
                    .optional(r.birthDate), .text(r.position), .text(r.subject), .number(r.experienceYears), .text(r.category.text),
                    .optional(r.trainingDate), .yesNo(r.publishConsent), .text(m.file), .integer(r.row),
                ])
            }
        }
        try mentors.finish()

        let mentees = Table(workbook, name: "Наставляемые", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 40), SheetColumn("СНИЛС", 15), SheetColumn("Фамилия"), SheetColumn("Имя"), SheetColumn("Отчество"),
            .date("Дата рождения"), SheetColumn("Должность", 20), SheetColumn("Предмет (направление)", 24), SheetColumn("Педагогический стаж, лет", 12, .decimal),
            SheetColumn("Молодой специалист", 12), SheetColumn("Профессиональные затруднения", 30, .wrapped), SheetColumn("Согласие на публикацию", 12),
            SheetColumn("Файл", 24), .count("Строка", 8),
        ], rowLimit: rowLimit)
        var names: [Snils: String] = [:]
        for school in schools.schools {
            for m in try registry.currentMentees(school: school.code) {
                let r = m.record
                names[r.snils] = r.name.full
                try mentees.append([
                    .text(school.code), .text(school.name), .snils(r.snils), .text(r.name.last), .text(r.name.first), .optional(r.name.middle),
                    .date(r.birthDate), .text(r.position), .text(r.subject), .number(r.experienceYears), .yesNo(r.isYoungSpecialist),
                    .optional(r.deficits), .yesNo(r.publishConsent), .text(m.file), .integer(r.row),
                ])
            }
        }
        try mentees.finish()

        let programs = Table(workbook, name: "Программы", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Номер программы", 14), SheetColumn("СНИЛС наставника", 15), SheetColumn("Наставник", 30),
            SheetColumn("Наставляемые", 36, .wrapped), SheetColumn("Форма наставничества", 18), SheetColumn("Модель", 24), .date("Дата начала"),
            .date("Дата окончания"), SheetColumn("Статус", 14), SheetColumn("Направления", 30, .wrapped), SheetColumn("Режим", 12),
            SheetColumn("Приказ о закреплении", 24), .date("Дата завершения"), SheetColumn("Основание завершения", 24),
            SheetColumn("Результаты опубликованы", 30), SheetColumn("Наименование ОО", 40), SheetColumn("Файл", 24), .count("Строка", 8),
        ], rowLimit: rowLimit)
        let allPrograms = try registry.currentPrograms()
        let mentorNames = try mentorNames(registry, referencedBy: allPrograms)
        for school in schools.schools {
            for p in allPrograms[school.code] ?? [] {
                try programs.append([
                    .text(school.code), .text(p.number), .snils(p.mentor), .optional(mentorNames[p.mentor]),
                    .text(p.mentees.map { names[$0] ?? $0.description }.joined(separator: "\n")), .text(p.form.text), .text(p.model.text),
                    .date(p.startDate), .date(p.endDate), .text(p.status.text), .text(p.directions.map(\.text).joined(separator: "; ")),
                    .text(p.mode.text), .text(p.pairOrder), .optional(p.closedDate), .optional(p.closeReason?.text), .optional(p.resultsURL),
                    .text(school.name), .optional(files[school.code]?[.programs]), .integer(p.row),
                ])
            }
        }
        try programs.finish()

        let curators = Table(workbook, name: "Кураторы", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 40), SheetColumn("СНИЛС", 15), SheetColumn("Фамилия"), SheetColumn("Имя"), SheetColumn("Отчество"),
            SheetColumn("Должность", 28), SheetColumn("Приказ о назначении", 18), .date("Дата приказа"), SheetColumn("Файл", 24), .count("Строка", 8),
        ], rowLimit: rowLimit)
        for school in schools.schools {
            for c in try registry.currentCurators(school: school.code) {
                let r = c.record
                try curators.append([
                    .text(school.code), .text(school.name), .snils(r.snils), .text(r.name.last), .text(r.name.first), .optional(r.name.middle),
                    .text(r.position), .text(r.orderNumber), .date(r.orderDate), .text(c.file), .integer(r.row),
                ])
            }
        }
        try curators.finish()
        try workbook.close()
        return path
    }

    /// Names of the mentors programmes refer to (of any school: invited mentors included).
    static func mentorNames(_ registry: Registry, referencedBy programs: [String: [ProgramRecord]]) throws -> [Snils: String] {
        let wanted = Set(programs.values.flatMap { $0.map(\.mentor) })
        guard !wanted.isEmpty else { return [:] }
        var names: [Snils: String] = [:]
        for person in try registry.currentPeople() where person.dataset == .mentors && wanted.contains(person.snils) {
            names[person.snils] = person.name.full
        }
        return names
    }
}
