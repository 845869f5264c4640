import Deadlines
import Domain
import Foundation
import XLSX

/// `outbox/schools/<code>/receipt-DATE.xlsx`: what was accepted, what to fix, and what is due. At a
/// region, `outbox/districts/<code>/` (the country: `regions/`), for the units' packages.
public enum ReceiptWorkbook {
    /// The files: in a unit's folder above a district, every file is offered as a package.
    static func summaryColumns(packages: Bool) -> [SheetColumn<TakenFile>] {
        [
            .text("Файл", 34) { $0.label },
            .text("Набор данных", 26) { $0.dataset?.title ?? (packages ? "пакет отчётности" : "не определён") },
            .text("Результат", 12) { $0.verdict.rawValue }, .count("Строк", 9) { $0.rowCount },
            .count("Ошибок", 9) { $0.findings.errorCount }, .count("Предупреждений", 15) { $0.findings.warningCount },
        ]
    }

    static let remarkColumns: [SheetColumn<Finding>] = [
        .text("Файл", 30) { $0.file }, .count("Строка", 8) { $0.row },
        .text("Столбец", 24, wrapped: true) { $0.column }, .text("Значение", 24, wrapped: true) { $0.value },
        .text("Сообщение", 80, wrapped: true) { $0.message }, .text("Уровень", 16) { $0.severity.rawValue },
    ]

    static let dueColumns: [SheetColumn<(item: ScheduledItem, status: ItemStatus?)>] = [
        .text("Код", 8) { $0.item.item.code }, .text("Мероприятие", 60, wrapped: true) { $0.item.item.title },
        .text("Срок", 24, wrapped: true) { $0.item.item.term }, .date("Срок (дата)") { $0.status?.due },
        .text("Статус", 26) { $0.status?.status.rawValue }, .date("Последнее выполнение") { $0.status?.lastDone },
    ]

    static let programColumns: [SheetColumn<ProgramDeadline>] = [
        .text("Номер программы", 16) { $0.number }, .text("Замечание", 24) { $0.kind.rawValue }, .date("Дата") { $0.date },
        .text("Пояснение", 80, wrapped: true) { $0.message },
    ]

    public static func write(
        folder: String, title: String, files: [TakenFile], notes: [Finding] = [], deadlines: DeadlineReport?, isDistrict: Bool,
        place: OutputPlace, units: UnitKind = .school
    ) throws -> String {
        let path = place.receipt(folder, units: units)
        let workbook = try Workbook(path: path, title: "Квитанция: \(title)", place: place)
        let heading = "Квитанция о приёме файлов — \(title), \(place.asOf.russian)"

        let summary = Table(
            workbook, name: "Итог", columns: summaryColumns(packages: units != .school && !isDistrict), titleRows: [heading])
        let summaryFirst = try summary.dataStart()
        try summary.append(files)
        let summarySheet = try summary.finish()
        let last = summary.row - 1
        let result = summary.column("Результат")
        try summarySheet.highlight(
            firstRow: summaryFirst, firstColumn: result, lastRow: last, lastColumn: result, equalTo: Verdict.rejected.rawValue,
            StatusColors.style(.overdue))
        try summarySheet.highlight(
            firstRow: summaryFirst, firstColumn: result, lastRow: last, lastColumn: result, equalTo: Verdict.accepted.rawValue,
            StatusColors.style(.doneOnTime))
        // What the verdicts mean, a line each across the table, never squeezed into one row.
        for (i, line) in [
            "Результат: принят — данные внесены в реестр;",
            "отклонён — файл не принят целиком: исправьте ошибки (лист «Замечания») и пришлите его снова;",
            "повтор — такой же файл уже принят, ничего не изменилось.",
        ].enumerated() {
            try summary.note(line, row: summary.row + 1 + i)
        }

        let remarks = Table(workbook, name: "Замечания", columns: remarkColumns)
        let remarksFirst = try remarks.dataStart()
        // What is wrong with the school's folder itself, then each file's findings: by row, the
        // file-wide ones first, in the order found within a row; past the kept ones, how many more.
        try remarks.append(notes)
        for file in files {
            let findings = file.findings
            try remarks.append(
                findings.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }.map(\.element))
            if findings.omitted > 0 {
                try remarks.append(
                    Finding(
                        findings.hasErrors ? .error : .warning, file: file.label,
                        message: "И ещё \(findings.omitted) замечаний в этом файле не показаны (всего ошибок: \(findings.errorCount), "
                            + "предупреждений: \(findings.warningCount)). Исправьте показанные — часто это одна ошибка во многих строках — и пришлите файл снова."
                    ))
            }
        }
        let level = remarks.column("Уровень")
        try remarks.finish().highlight(
            firstRow: remarksFirst, firstColumn: level, lastRow: remarks.row - 1, lastColumn: level, equalTo: Severity.error.rawValue,
            StatusColors.style(.overdue))

        if let deadlines {
            let items = isDistrict ? deadlines.districtItems : deadlines.schoolItems
            let statuses = isDistrict ? deadlines.district : deadlines.schools[folder] ?? [:]
            let due = Table(workbook, name: "Сроки", columns: dueColumns, titleRows: ["Сроки дорожной карты на \(deadlines.asOf.russian)"])
            let dueFirst = try due.dataStart()
            try due.append(items.map { ($0, statuses[$0.item.code]) })
            let status = due.column("Статус")
            try StatusColors.apply(try due.finish(), firstRow: dueFirst, firstColumn: status, lastRow: due.row - 1, lastColumn: status)
            let programs = deadlines.programs(of: folder)
            if !programs.isEmpty {
                let table = Table(workbook, name: "Сроки программ", columns: programColumns)
                try table.append(programs)
                try table.finish()
            }
        }
        try workbook.close()
        return path
    }
}
