import Domain
import Reading

/// One file judged by its own rules (SPEC §4): what it holds, every finding, and the typed rows
/// when nothing in it is an error. The night's verdict is the judgement's (module `Judgement`).
public struct ValidatedFile: Sendable {
    public var name: String
    public var dataset: Dataset?
    public var encoding: TextEncoding?
    public var delimiter: Delimiter?
    /// Data rows (header and fully blank rows not counted).
    public var rowCount: Int
    public var findings: FindingList
    /// Present exactly when the file has no error.
    public var rows: DatasetRows?

    public var isAccepted: Bool { rows != nil }

    /// A file that could not be read at all.
    public static func unreadable(name: String, dataset: Dataset?, _ failure: CSVDocument.Failure) -> ValidatedFile {
        ValidatedFile(
            name: name, dataset: dataset, rowCount: 0, findings: [Finding(.error, file: name, message: failure.message)], rows: nil)
    }
}

/// Checks one file against the rules of its dataset.
public enum FileValidator {
    /// Far more columns than any dataset has: a header this wide is not a dataset's (and making its
    /// names would cost memory in proportion to it).
    static let maxColumns = 1_000

    /// `dataset` is what the file's name or header says (`DatasetRecognition.recognise`), nil when
    /// neither does. The table of a file keeps the memory of its bytes: pass bytes nothing else
    /// holds, or they are copied first.
    public static func validate(name: String, dataset: Dataset?, bytes: consuming [UInt8], context: ValidationContext) -> ValidatedFile {
        if SpreadsheetDocument.isWorkbook(bytes) {
            return WorkbookSheets.validate(name: name, dataset: dataset, bytes: bytes, context: context)
        }
        let document: CSVDocument
        do {
            document = try CSVDocument.parse(bytes, spaces: .trimUnquoted)
        } catch {
            return .unreadable(name: name, dataset: dataset, error)
        }
        return validate(name: name, dataset: dataset, document: document, context: context)
    }

    public static func validate(name: String, dataset: Dataset?, document: CSVDocument, context: ValidationContext) -> ValidatedFile {
        validate(
            name: name, dataset: dataset, table: document.table,
            source: .text(document.encoding, document.delimiter, replacedInvalid: document.replacedInvalid),
            context: context)
    }

    /// Where a table came from: a CSV file's text, or a workbook's sheet.
    enum Source {
        case text(TextEncoding, Delimiter, replacedInvalid: Bool)
        /// `label` names the file and sheet in findings: `шаблоны.xlsx — лист «Наставники»`.
        case sheet(label: String, problems: [CellProblem])
    }

    static func validate(name: String, dataset: Dataset?, table: CSVTable, source: Source, context: ValidationContext) -> ValidatedFile {
        var encoding: TextEncoding?
        var delimiter: Delimiter?
        var label = name
        switch source {
        case .text(let e, let d, _): (encoding, delimiter) = (e, d)
        case .sheet(let sheetLabel, _): label = sheetLabel
        }
        var result = ValidatedFile(
            name: name, dataset: dataset, encoding: encoding, delimiter: delimiter, rowCount: 0, findings: [], rows: nil)
        guard table.count > 0 else {
            result.findings.append(
                Finding(.error, file: label, message: "В файле нет ни строки заголовков, ни данных — сохраните таблицу заново."))
            return result
        }
        guard let dataset else {
            result.findings.append(
                Finding(
                    .error, file: label,
                    message: "Не удалось понять, какие данные в файле. Назовите файл по набору данных "
                        + "(\(DatasetRecognition.acceptedNames); после имени можно добавить дату, например "
                        + "mentors_2023-01-20.csv) или проверьте заголовки столбцов по шаблону."))
            return result
        }
        if let only = context.onlyDatasets, !only.datasets.contains(dataset) {
            result.findings.append(Finding(.error, file: label, message: only.reason))
            return result
        }
        guard table.fieldCount(0) <= Self.maxColumns else {
            result.findings.append(
                Finding(
                    .error, file: label, row: table.rows[0],
                    message: "В строке заголовков \(table.fieldCount(0)) столбцов — это не таблица набора «\(dataset.title)». "
                        + "Сохраните нужный лист таблицы заново по шаблону."))
            return result
        }
        let map = HeaderMap.of(dataset, table: table)

        let rows: DatasetRows = table.withFields { fields in
            let check = FileCheck(fileName: label, header: map, table: table, fields: fields, context: context)
            checkHeader(check, encoding: encoding)
            switch source {
            case .text(let encoding, _, let replacedInvalid): if replacedInvalid { check.reportInvalidText(encoding: encoding) }
            case .sheet(_, let problems): check.reportCellProblems(problems)
            }
            let rows = check.findings.hasErrors ? nil : checkRows(check, dataset)
            result.findings.append(contentsOf: check.findings)
            result.rowCount = check.dataRecords.count
            return rows ?? emptyRows(dataset)
        }
        if !result.findings.hasErrors { result.rows = rows }
        return result
    }

    private static func checkHeader(_ check: FileCheck, encoding: TextEncoding?) {
        let map = check.header
        for column in map.missing {
            check.report(
                .error, 0, nil, value: nil,
                "Нет обязательного столбца «\(column.title)» — добавьте его (название как в шаблоне).")
        }
        for (column, first) in map.duplicates {
            check.reportFileColumn(
                .error, 0, fileColumn: column, value: nil,
                "Столбец «\(map.title(ofFileColumn: column))» повторяется (уже есть в столбце \(first + 1)) — оставьте один.")
        }
        for column in map.unknown {
            check.reportFileColumn(
                .warning, 0, fileColumn: column, value: nil,
                "Неизвестный столбец — его данные не загружаются. Если это нужный столбец, исправьте название по шаблону.")
        }
        check.watchForTatarVariant = encoding == .windows1251
    }

    private static func checkRows(_ check: FileCheck, _ dataset: Dataset) -> DatasetRows {
        let width = check.header.written.count
        for record in check.dataRecords where check.table.fieldCount(record) > width {
            if let first = (width..<check.table.fieldCount(record)).first(where: { !check.cell(record, $0).isEmpty }) {
                check.report(
                    .warning, record, nil, value: check.cell(record, first).string,
                    "В строке больше значений, чем столбцов в заголовке; лишние значения не загружены — "
                        + "проверьте, нет ли в тексте лишнего разделителя.")
            }
        }
        if check.dataRecords.isEmpty && dataset != .profile {
            check.report(
                .warning, nil, nil,
                "В файле нет ни одной строки с данными — принят как пустой список: прежние данные этого набора "
                    + "(\(dataset.title.lowercased())) будут заменены пустым.")
        }
        let rows: DatasetRows
        switch dataset {
        case .profile: rows = .profile(ProfileRules.validate(check))
        case .curators: rows = .curators(PeopleRules.curators(check))
        case .mentors: rows = .mentors(PeopleRules.mentors(check))
        case .mentees: rows = .mentees(PeopleRules.mentees(check))
        case .programs: rows = .programs(ProgramRules.validate(check))
        case .roadmap: rows = .roadmap(RoadmapRules.validate(check))
        case .staff: rows = .staff(StaffRules.validate(check))
        }
        check.tatarVariant.report(check)
        return rows
    }

    private static func emptyRows(_ dataset: Dataset) -> DatasetRows { dataset.declared(NoRows()) }

    private struct NoRows: DeclarationVisitor {
        func visit<Record>(_ declaration: DatasetDeclaration<Record>) -> DatasetRows { declaration.rows([]) }
    }
}
