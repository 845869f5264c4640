import Deadlines
import Domain
import Foundation
import Registry
import XLSX

/// `outbox/schools/<code>/receipt-DATE.xlsx`: what was accepted, what to fix, and what is due.
public enum ReceiptWorkbook {
    public static func write(
        folder: String, title: String, files: [TakenFile], deadlines: DeadlineReport?, isDistrict: Bool, place: OutputPlace
    ) throws -> String {
        let path = "\(place.outbox)/schools/\(folder)/receipt-\(place.asOf.iso).xlsx"
        let workbook = try Workbook(path: path, created: place.created, title: "Квитанция: \(title)")
        let heading = "Квитанция о приёме файлов — \(title), \(place.asOf.russian)"

        let summary = Table(workbook, name: "Итог", columns: [
            SheetColumn("Файл", 34), SheetColumn("Набор данных", 26), SheetColumn("Результат", 12), .count("Строк", 9), .count("Ошибок", 9),
            .count("Предупреждений", 15),
        ], titleRows: [heading])
        let summaryFirst = try summary.dataStart()
        for file in files {
            try summary.append([
                .text(file.name), .text(file.dataset?.title ?? "не определён"), .text(file.verdict.rawValue), .integer(file.rowCount),
                .integer(file.findings.errorCount), .integer(file.findings.warningCount),
            ])
        }
        let summarySheet = try summary.finish()
        let last = summary.row - 1
        try summarySheet.highlight(firstRow: summaryFirst, firstColumn: 2, lastRow: last, lastColumn: 2, equalTo: Verdict.rejected.rawValue, StatusColors.style(.overdue))
        try summarySheet.highlight(firstRow: summaryFirst, firstColumn: 2, lastRow: last, lastColumn: 2, equalTo: Verdict.accepted.rawValue, StatusColors.style(.doneOnTime))
        try summarySheet.write(summary.row + 1, 0, .text("принят — данные внесены в реестр; отклонён — файл не принят целиком, исправьте ошибки и пришлите его снова; повтор — такой же файл уже принят, ничего не изменилось."), .wrapped)

        let remarks = Table(workbook, name: "Замечания", columns: [
            SheetColumn("Файл", 30), .count("Строка", 8), SheetColumn("Столбец", 24, .wrapped), SheetColumn("Значение", 24, .wrapped),
            SheetColumn("Сообщение", 80, .wrapped), SheetColumn("Уровень", 16),
        ])
        let remarksFirst = try remarks.dataStart()
        for file in files {
            let ordered = file.findings.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }
            for finding in ordered.map(\.element) {
                try remarks.append([
                    .text(finding.file), finding.row.map(CellValue.integer) ?? .blank, .optional(finding.column), .optional(finding.value),
                    .text(finding.message), .text(finding.severity.rawValue),
                ])
            }
        }
        let remarksSheet = try remarks.finish()
        try remarksSheet.highlight(firstRow: remarksFirst, firstColumn: 5, lastRow: remarks.row - 1, lastColumn: 5, equalTo: Severity.error.rawValue, StatusColors.style(.overdue))

        if let deadlines {
            let items = isDistrict ? deadlines.districtItems : deadlines.schoolItems
            let statuses = isDistrict ? deadlines.district : deadlines.schools[folder] ?? [:]
            let due = Table(workbook, name: "Сроки", columns: [
                SheetColumn("Код", 8), SheetColumn("Мероприятие", 60, .wrapped), SheetColumn("Срок", 24, .wrapped), .date("Срок (дата)"),
                SheetColumn("Статус", 26), .date("Последнее выполнение"),
            ], titleRows: ["Сроки дорожной карты на \(deadlines.asOf.russian)"])
            let dueFirst = try due.dataStart()
            for scheduled in items {
                let status = statuses[scheduled.item.code]
                try due.append([
                    .text(scheduled.item.code), .text(scheduled.item.title), .text(scheduled.item.term), .optional(status?.due),
                    .optional(status?.status.rawValue), .optional(status?.lastDone),
                ])
            }
            let dueSheet = try due.finish()
            try StatusColors.apply(dueSheet, firstRow: dueFirst, firstColumn: 4, lastRow: due.row - 1, lastColumn: 4)
            let programs = deadlines.programs.filter { $0.school == folder }
            if !programs.isEmpty {
                let table = Table(workbook, name: "Сроки программ", columns: [
                    SheetColumn("Номер программы", 16), SheetColumn("Замечание", 24), .date("Дата"), SheetColumn("Пояснение", 80, .wrapped),
                ])
                for finding in programs {
                    try table.append([.text(finding.number), .text(finding.kind.rawValue), .date(finding.date), .text(finding.message)])
                }
                try table.finish()
            }
        }
        try workbook.close()
        return path
    }
}
