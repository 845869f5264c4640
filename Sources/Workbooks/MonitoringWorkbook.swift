import Configuration
import Deadlines
import Domain
import Foundation
import Registry
import Validation
import XLSX

/// `outbox/monitoring-DATE.xlsx`: how every school stands, the roadmap, deadlines by school,
/// programme deadlines, one СНИЛС spelt two ways, and charts.
public enum MonitoringWorkbook {
    public static func write(registry: Registry, schools: SchoolDirectory, deadlines: DeadlineReport, place: OutputPlace) throws -> String {
        let path = place.path("monitoring")
        let workbook = try Workbook(path: path, created: place.created, title: "Мониторинг наставничества")
        let programs = try registry.currentPrograms()
        let intake = try registry.intake()

        // Мониторинг
        let monitoring = Table(workbook, name: "Мониторинг", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 40), SheetColumn("Куратор", 30, .wrapped), .date("Данные получены"),
            SheetColumn("Состояние данных", 14), .count("Программ реализуется"), .count("Просрочено мероприятий"), SheetColumn("Раздел сайта", 34),
            .count("Наставников"), .count("Наставляемых"), .count("Замечаний по срокам программ"),
        ])
        let firstSchoolRow = try monitoring.dataStart()
        for school in schools.schools {
            let curators = try registry.currentCurators(school: school.code).map(\.record.name.full).joined(separator: "\n")
            let state = intake[school.code]
            try monitoring.append([
                .text(school.code), .text(school.name), .text(curators), .optional(state?.lastAccepted),
                .text((state?.state ?? .none).rawValue), .integer((programs[school.code] ?? []).count { $0.status.isActive }),
                .integer(deadlines.overdueCount(school: school.code)), .optional(try registry.currentProfile(school: school.code)?.siteURL),
                .integer(try registry.currentMentorCount(school: school.code)), .integer(try registry.currentMentees(school: school.code).count),
                .integer(deadlines.programs.count { $0.school == school.code }),
            ])
        }
        let lastSchoolRow = monitoring.row - 1
        let monitoringSheet = try monitoring.finish()

        // Дорожная карта
        let roadmap = Table(workbook, name: "Дорожная карта", columns: [
            SheetColumn("Код", 8), SheetColumn("Мероприятие", 60, .wrapped), SheetColumn("Срок", 24, .wrapped), .date("Срок (дата)"),
            SheetColumn("Ответственный", 30, .wrapped), SheetColumn("Статус", 30, .wrapped), SheetColumn("Уровень", 8), SheetColumn("Результат, вид документа", 30, .wrapped),
        ])
        let roadmapFirst = try roadmap.dataStart()
        for scheduled in deadlines.districtItems + deadlines.schoolItems {
            let item = scheduled.item
            let status: String
            if item.level == .district {
                status = deadlines.district[item.code]?.status.rawValue ?? ""
            } else {
                let all = schools.schools.compactMap { deadlines.schools[$0.code]?[item.code]?.status }
                if scheduled.term == .ongoing {
                    status = DeadlineStatus.ongoing.rawValue
                } else {
                    let done = all.count { $0 == .doneOnTime || $0 == .doneLate }
                    let overdue = all.count { $0 == .overdue }
                    status = "выполнили \(done) из \(all.count) ОО; просрочено: \(overdue)"
                }
            }
            try roadmap.append([
                .text(item.code), .text(item.title), .text(item.term), .optional(deadlines.rules.nominalDue(scheduled.term)),
                .text(item.responsible), .text(status), .text(item.level.rawValue), .text(item.result),
            ])
        }
        let roadmapSheet = try roadmap.finish()
        try StatusColors.apply(roadmapSheet, firstRow: roadmapFirst, firstColumn: 5, lastRow: roadmap.row - 1, lastColumn: 5)

        // Сроки ОО
        let items = deadlines.schoolItems
        let grid = Table(
            workbook, name: "Сроки ОО",
            columns: [SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 36)] + items.map { SheetColumn($0.item.code, 16, .wrapped) })
        let gridFirst = try grid.dataStart()
        for school in schools.schools {
            let statuses = deadlines.schools[school.code] ?? [:]
            try grid.append([.text(school.code), .text(school.name)] + items.map { .optional(statuses[$0.item.code]?.status.rawValue) })
        }
        let gridSheet = try grid.finish()
        try StatusColors.apply(gridSheet, firstRow: gridFirst, firstColumn: 2, lastRow: grid.row - 1, lastColumn: 1 + items.count)
        try StatusColors.legend(gridSheet, row: grid.row + 1, column: 1)

        // Программы — сроки
        let names = Dictionary(uniqueKeysWithValues: schools.schools.map { ($0.code, $0.name) })
        let programDeadlines = Table(workbook, name: "Программы — сроки", columns: [
            SheetColumn("Код ОО", 14), SheetColumn("Наименование ОО", 36), SheetColumn("Номер программы", 14), SheetColumn("СНИЛС наставника", 15),
            SheetColumn("Замечание", 22), .date("Дата"), SheetColumn("Пояснение", 70, .wrapped),
        ])
        for finding in deadlines.programs {
            try programDeadlines.append([
                .text(finding.school), .optional(names[finding.school]), .text(finding.number), .snils(finding.mentor),
                .text(finding.kind.rawValue), .date(finding.date), .text(finding.message),
            ])
        }
        try programDeadlines.finish()

        // Разные ФИО при одном СНИЛС (SPEC §5)
        let spellings = Table(workbook, name: "Разные ФИО", columns: [
            SheetColumn("СНИЛС", 15), SheetColumn("Код ОО", 14), SheetColumn("Список", 14), SheetColumn("ФИО", 40),
        ])
        for group in Dictionary(grouping: try registry.currentPeople(), by: \.snils).sorted(by: { $0.key < $1.key })
        where Set(group.value.map { TextKey.normalize($0.name.full) }).count > 1 {
            for person in group.value {
                try spellings.append([.snils(person.snils), .text(person.school), .text(person.dataset.title), .text(person.name.full)])
            }
        }
        try spellings.finish()

        // Диаграммы
        let charts = try workbook.addSheet("Диаграммы")
        try charts.setColumn(0, width: 30)
        try charts.write(row: 0, [.text("Форма наставничества"), .text("Программ реализуется")], .header)
        let active = programs.values.flatMap { $0 }.filter(\.status.isActive)
        for (i, form) in MentoringForm.allCases.enumerated() {
            try charts.write(row: 1 + i, [.text(form.columnTitle), .integer(active.count { $0.form == form })])
        }
        if lastSchoolRow >= firstSchoolRow {
            let bySchool = workbook.addChart(.column, title: "Программы по ОО (реализуются)")
            bySchool.addSeries(
                name: "Программ реализуется",
                categories: monitoringSheet.range(firstRow: firstSchoolRow, column: 0, lastRow: lastSchoolRow),
                values: monitoringSheet.range(firstRow: firstSchoolRow, column: 5, lastRow: lastSchoolRow))
            bySchool.axisTitles(x: "ОО", y: "Программ")
            try charts.insert(bySchool, row: 10, column: 0)
        }
        let byForm = workbook.addChart(.pie, title: "Программы по формам наставничества")
        byForm.addSeries(
            name: "Программ реализуется", categories: charts.range(firstRow: 1, column: 0, lastRow: MentoringForm.allCases.count),
            values: charts.range(firstRow: 1, column: 1, lastRow: MentoringForm.allCases.count))
        try charts.insert(byForm, row: 10, column: 5)
        try workbook.close()
        return path
    }
}
