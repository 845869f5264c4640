import Domain
import Reading

/// Which sheet of a school's workbook holds a dataset, and the judging of that sheet as a file
/// (SPEC §4 rules, the same as for CSV). A sheet named after a dataset (`Наставники`, `mentors`,
/// as `шаблоны.xlsx` names them) holds that dataset; a workbook without such sheets holds the
/// dataset its file name says, on its first visible sheet. The template's instructions and lists
/// are not data.
public enum WorkbookSheets {
    /// The dataset a sheet's name says.
    public static func dataset(ofSheet sheet: SpreadsheetDocument.Sheet) -> Dataset? { DatasetRecognition.fromFileName(sheet.name) }

    /// A sheet with something under its header.
    static func hasData(_ sheet: SpreadsheetDocument.Sheet) -> Bool { sheet.table.count > 1 }

    /// The dataset a workbook holds when its file name does not say: its one dataset sheet with
    /// data (the first in apply order when there are several), else what the first sheet's header names.
    public static func recognise(_ document: SpreadsheetDocument) -> Dataset? {
        let named = document.sheets.compactMap { sheet in dataset(ofSheet: sheet).map { ($0, sheet) } }
        if !named.isEmpty { return named.filter { hasData($0.1) }.map(\.0).min() ?? named.map(\.0).min() }
        guard let first = document.sheets.first, first.table.count > 0 else { return nil }
        return DatasetRecognition.fromHeader(first.table.record(0))
    }

    /// The sheet that holds `dataset`: the one named after it, else (no sheet named after any
    /// dataset) the first.
    public static func dataSheet(_ document: SpreadsheetDocument, _ dataset: Dataset) -> SpreadsheetDocument.Sheet? {
        let named = document.sheets.filter { self.dataset(ofSheet: $0) != nil }
        return named.isEmpty ? document.sheets.first : named.first { self.dataset(ofSheet: $0) == dataset }
    }

    /// `шаблоны.xlsx — лист «Наставники»`: how findings name a sheet.
    public static func label(file: String, sheet: String) -> String { "\(file) — лист «\(sheet)»" }

    static func validate(name: String, dataset: Dataset?, bytes: [UInt8], context: ValidationContext) -> ValidatedFile {
        do {
            return validate(name: name, dataset: dataset, document: try SpreadsheetDocument.parse(bytes), context: context)
        } catch {
            return .unreadable(name: name, dataset: dataset, .workbook(error))
        }
    }

    /// The sheet holding `dataset` (or the one the workbook says it holds) judged as a file.
    public static func validate(name: String, dataset: Dataset?, document: SpreadsheetDocument, context: ValidationContext) -> ValidatedFile
    {
        guard let dataset = dataset ?? recognise(document) else {
            return FileValidator.validate(
                name: name, dataset: nil, table: document.sheets.first?.table ?? .empty, source: .sheet(label: name, problems: []),
                context: context)
        }
        let named = document.sheets.filter { self.dataset(ofSheet: $0) != nil }
        guard let sheet = dataSheet(document, dataset) else {
            let message =
                document.sheets.isEmpty
                ? "В книге нет ни одного видимого листа — покажите лист с данными и сохраните книгу."
                : "В книге нет листа «\(dataset.title)» (листы: \(document.sheets.map { "«\($0.name)»" }.joined(separator: ", "))) — "
                    + "назовите лист с данными по набору или сохраните его отдельным файлом."
            return ValidatedFile(
                name: name, dataset: dataset, rowCount: 0, findings: [Finding(.error, file: name, message: message)], rows: nil)
        }
        var result = FileValidator.validate(
            name: name, dataset: dataset, table: sheet.table,
            source: .sheet(label: label(file: name, sheet: sheet.name), problems: sheet.problems), context: context)
        for other in named where other.name != sheet.name && hasData(other) {
            result.findings.append(
                Finding(
                    .warning, file: label(file: name, sheet: other.name),
                    message: "Лист не загружен: из одной книги загружается один набор данных (здесь — «\(dataset.title)»). "
                        + "Сохраните этот лист отдельным файлом, назвав его по набору (например, \(self.dataset(ofSheet: other)!.rawValue).xlsx)."
                ))
        }
        return result
    }
}
