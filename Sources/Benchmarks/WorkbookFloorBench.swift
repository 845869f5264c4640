import CXLSXTuning
import CXLSXWriter
import Config
import Deadlines
import Domain
import Foundation
import Reading
import Workbooks
import XLSX

/// `nastavnik-bench workbook-floor`: a school's receipt as the night writes it (`ReceiptWorkbook`:
/// columns, widths from what they hold, wrapped rows, the XLSX layer) against its floor: the same
/// cells, formats and page setup written with libxlsxwriter's C calls only, nothing measured or
/// laid out. One thread, the two alternating, `--runs` hundred workbooks each; both are read back
/// first and must show the same sheets and cells.
///
/// The receipt is a first night's: six files accepted, the district's roadmap (config/roadmap.csv)
/// with every school item due.
enum WorkbookFloorBench {
    static let asOf = CivilDate(iso: "2023-03-20")!
    static let folder = "ru16-00001"
    static let title = "МБОУ «Средняя общеобразовательная школа № 1» (ru16-00001)"

    static func run(runs: Int) {
        let scratch = (ProcessInfo.processInfo.environment["NASTAVNIK_BENCH_DIR"] ?? NSTemporaryDirectory()) + "/nastavnik-floor"
        try? FileManager.default.removeItem(atPath: scratch)
        try! FileManager.default.createDirectory(atPath: scratch + "/staging", withIntermediateDirectories: true)
        let files = Dataset.allCases.map { dataset in
            TakenFile(
                folder: folder, name: "\(dataset.russianFileName).csv", dataset: dataset, sha256: String(repeating: "a", count: 64),
                verdict: .accepted, rowCount: 12, inboxPath: "", storedPath: "", findings: FindingList())
        }
        let deadlines = Self.deadlines()
        let place = OutputPlace(outbox: scratch, asOf: asOf, staging: scratch + "/staging")
        func real() -> String {
            try! ReceiptWorkbook.write(
                folder: folder, title: title, files: files, deadlines: deadlines, isDistrict: false, place: place)
        }
        let floorPath = scratch + "/floor.xlsx"
        func floor() { Floor.receipt(floorPath, files: files, deadlines: deadlines, created: place.asOf.daysSinceEpoch) }

        let realPath = real()
        floor()
        let same = shown(realPath) == shown(floorPath)
        print("machine: \(ScaleBench.machine()); date: \(ScaleBench.today()); deflate level \(Workbook.deflateLevel)")
        print("receipt: \(shown(realPath).map { "\($0.name) \($0.rows.count) rows" }.joined(separator: ", "))")
        print("the floor shows the same sheets and cells: \(same ? "yes" : "NO")")

        var realTimes: [Double] = []
        var floorTimes: [Double] = []
        for _ in 0..<runs {
            realTimes.append(time(100) { _ = real() })
            floorTimes.append(time(100) { floor() })
        }
        let r = ScaleBench.mid(realTimes)
        let f = ScaleBench.mid(floorTimes)
        let pairs = ScaleBench.mid(zip(realTimes, floorTimes).map { $0 / $1 })
        print(
            String(
                format:
                    "receipt: nastavnik %.3f ms, floor (C calls only) %.3f ms; ratio %.2f× (median of pairs %.2f×); medians of %d × 100",
                r, f, r / f, pairs, runs))
        if !same { exit(1) }
    }

    /// Milliseconds per call of `body`, over `count` calls.
    static func time(_ count: Int, _ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(count)
    }

    struct ShownSheet: Equatable {
        var name: String
        var rows: [[String]]
    }

    /// Each sheet's name and cells as a spreadsheet shows them.
    static func shown(_ path: String) -> [ShownSheet] {
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        return try! SpreadsheetDocument.parse(bytes).sheets.map { sheet in
            ShownSheet(name: sheet.name, rows: (0..<sheet.table.count).map(sheet.table.record))
        }
    }

    static func deadlines() -> DeadlineReport {
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/roadmap.csv").path
        let schedule = try! RoadmapSchedule(RoadmapPlan.load(path: config))
        return DeadlineReport(
            schedule: schedule, schools: [folder], snapshot: RegistrySnapshot(folders: [:]),
            rules: DeadlineRules(asOf: asOf, modelStart: CivilDate(iso: "2022-09-01")!, dueSoonDays: 14), districtFolder: "district")
    }
}

/// The receipt written straight through libxlsxwriter: what `ReceiptWorkbook` asks of it, with the
/// widths and heights fixed in advance.
enum Floor {
    static func receipt(_ path: String, files: [TakenFile], deadlines: DeadlineReport, created: Int) {
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: strdup("/dev/shm"), use_zip64: 1)
        let book = workbook_new_opt(path, &options)!
        var properties = lxw_doc_properties()
        properties.title = strdup("Квитанция: \(WorkbookFloorBench.title)")
        properties.author = strdup("nastavnik")
        properties.created = time_t(created * 86_400)
        workbook_set_properties(book, &properties)

        func format(_ set: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let f = workbook_add_format(book)!
            set(f)
            return f
        }
        let top = UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        let titleFormat = format {
            format_set_bold($0)
            format_set_text_wrap($0)
            format_set_font_size($0, 13)
            format_set_align($0, top)
        }
        let header = format {
            format_set_bold($0)
            format_set_text_wrap($0)
            format_set_pattern($0, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color($0, 0xDDEBF7)
            format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align($0, top)
        }
        let text = format {
            format_set_text_wrap($0)
            format_set_align($0, top)
        }
        let integer = format {
            format_set_num_format($0, "0")
            format_set_text_wrap($0)
            format_set_align($0, top)
        }
        let date = format {
            format_set_num_format($0, "DD.MM.YYYY")
            format_set_text_wrap($0)
            format_set_align($0, top)
        }
        var statusFormats: [DeadlineStatus: UnsafeMutablePointer<lxw_format>] = [:]
        for status in DeadlineStatus.allCases {
            let colour = status.colour
            statusFormats[status] = format {
                if colour.bold { format_set_bold($0) }
                format_set_pattern($0, UInt8(LXW_PATTERN_SOLID.rawValue))
                format_set_bg_color($0, colour.fill)
                if let t = colour.text { format_set_font_color($0, t) }
            }
        }

        func sheet(_ name: String, titles: [String], title: String?) -> (UnsafeMutablePointer<lxw_worksheet>, Int) {
            let s = workbook_add_worksheet(book, name)!
            var row: UInt32 = 0
            if let title {
                worksheet_merge_range(s, 0, 0, 0, lxw_col_t(titles.count - 1), title, titleFormat)
                worksheet_set_row(s, 0, 36, nil)
                row = 1
            }
            for (i, t) in titles.enumerated() { worksheet_write_string(s, row, lxw_col_t(i), t, header) }
            worksheet_set_row(s, row, 33, nil)
            worksheet_freeze_panes(s, row + 1, 0)
            return (s, Int(row) + 1)
        }
        func finish(_ s: UnsafeMutablePointer<lxw_worksheet>, name: String, headerRow: Int, lastRow: Int, widths: [Double]) {
            worksheet_autofilter(s, lxw_row_t(headerRow), 0, lxw_row_t(max(lastRow, headerRow)), lxw_col_t(widths.count - 1))
            for (i, w) in widths.enumerated() { worksheet_set_column(s, lxw_col_t(i), lxw_col_t(i), w, nil) }
            worksheet_set_paper(s, 9)
            if widths.reduce(0, +) > 100 { worksheet_set_landscape(s) } else { worksheet_set_portrait(s) }
            worksheet_fit_to_pages(s, 1, 0)
            worksheet_gridlines(s, UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue))
            worksheet_set_margins(s, 0.4, 0.4, 0.6, 0.6)
            worksheet_repeat_rows(s, lxw_row_t(headerRow), lxw_row_t(headerRow))
            worksheet_set_header(s, "&LКвитанция: \(WorkbookFloorBench.title), на 20.03.2023&R\(name)")
            worksheet_set_footer(s, "&Cстр. &P из &N")
        }
        func highlight(
            _ s: UnsafeMutablePointer<lxw_worksheet>, _ first: Int, _ last: Int, _ column: Int, _ value: String,
            _ f: UnsafeMutablePointer<lxw_format>
        ) {
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            let quoted = strdup("\"\(value)\"")
            rule.value_string = quoted
            rule.format = f
            worksheet_conditional_format_range(s, lxw_row_t(first), lxw_col_t(column), lxw_row_t(last), lxw_col_t(column), &rule)
            free(quoted)
        }

        // Итог
        let heading = "Квитанция о приёме файлов — \(WorkbookFloorBench.title), 20.03.2023"
        let summaryWidths = [17.0, 29, 11, 9, 9, 15]
        let (summary, summaryFirst) = sheet(
            "Итог", titles: ["Файл", "Набор данных", "Результат", "Строк", "Ошибок", "Предупреждений"],
            title: heading)
        var row = summaryFirst
        for file in files {
            let r = lxw_row_t(row)
            worksheet_write_string(summary, r, 0, file.label, text)
            worksheet_write_string(summary, r, 1, file.dataset?.title ?? "", text)
            worksheet_write_string(summary, r, 2, file.verdict.rawValue, text)
            worksheet_write_number(summary, r, 3, Double(file.rowCount), integer)
            worksheet_write_number(summary, r, 4, Double(file.findings.errorCount), integer)
            worksheet_write_number(summary, r, 5, Double(file.findings.warningCount), integer)
            row += 1
        }
        finish(summary, name: "Итог", headerRow: summaryFirst - 1, lastRow: row - 1, widths: summaryWidths)
        highlight(summary, summaryFirst, row - 1, 2, Verdict.rejected.rawValue, statusFormats[.overdue]!)
        highlight(summary, summaryFirst, row - 1, 2, Verdict.accepted.rawValue, statusFormats[.doneOnTime]!)
        for (i, line) in [
            "Результат: принят — данные внесены в реестр;",
            "отклонён — файл не принят целиком: исправьте ошибки (лист «Замечания») и пришлите его снова;",
            "повтор — такой же файл уже принят, ничего не изменилось.",
        ].enumerated() {
            let r = lxw_row_t(row + 1 + i)
            worksheet_merge_range(summary, r, 0, r, 5, line, text)
            worksheet_set_row(summary, r, i == 1 ? 30 : 15, nil)
        }

        // Замечания: none on a first night of valid files.
        let remarkWidths = [8.0, 8, 9, 10, 11, 10]
        let (remarks, remarksFirst) = sheet(
            "Замечания", titles: ["Файл", "Строка", "Столбец", "Значение", "Сообщение", "Уровень"], title: nil)
        finish(remarks, name: "Замечания", headerRow: remarksFirst - 1, lastRow: remarksFirst - 1, widths: remarkWidths)
        highlight(remarks, remarksFirst, remarksFirst - 1, 5, Severity.error.rawValue, statusFormats[.overdue]!)

        // Сроки
        let dueWidths = [8.0, 60, 24, 13, 26, 14]
        let (due, dueFirst) = sheet(
            "Сроки", titles: ["Код", "Мероприятие", "Срок", "Срок (дата)", "Статус", "Последнее выполнение"],
            title: "Сроки дорожной карты на 20.03.2023")
        row = dueFirst
        let statuses = deadlines.schools[WorkbookFloorBench.folder] ?? [:]
        for item in deadlines.schoolItems {
            let r = lxw_row_t(row)
            let status = statuses[item.item.code]
            if item.item.title.count > 50 { worksheet_set_row(due, r, 30, nil) }
            worksheet_write_string(due, r, 0, item.item.code, text)
            worksheet_write_string(due, r, 1, item.item.title, text)
            worksheet_write_string(due, r, 2, item.item.term, text)
            if let d = status?.due {
                worksheet_write_number(due, r, 3, d.excelSerial, date)
            } else {
                worksheet_write_blank(due, r, 3, date)
            }
            if let s = status?.status.rawValue {
                worksheet_write_string(due, r, 4, s, text)
            } else {
                worksheet_write_blank(due, r, 4, text)
            }
            if let d = status?.lastDone {
                worksheet_write_number(due, r, 5, d.excelSerial, date)
            } else {
                worksheet_write_blank(due, r, 5, date)
            }
            row += 1
        }
        finish(due, name: "Сроки", headerRow: dueFirst - 1, lastRow: row - 1, widths: dueWidths)
        for status in DeadlineStatus.allCases { highlight(due, dueFirst, row - 1, 4, status.rawValue, statusFormats[status]!) }

        // As `Workbook.close` does: the parts deflated at the program's level (`CXLSXTuning`).
        _ = nastavnik_workbook_close(book)
        free(options.tmpdir)
        free(properties.title)
        free(properties.author)
    }
}
