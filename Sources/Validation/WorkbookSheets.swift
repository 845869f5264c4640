import Domain
import Reading

/// Which sheets of a school's workbook hold data, and the judging of a sheet as a file (SPEC §4
/// rules, the same as for CSV). A sheet named after a dataset (`Наставники`, `mentors`, as
/// `шаблоны.xlsx` names them) holds that dataset, and each such sheet with rows under its header
/// is a submission of its own; a workbook without such sheets holds the dataset its file name (else
/// its header) says, on its first visible sheet. The template's instructions and lists are not data.
public enum WorkbookSheets {
    /// What a workbook offers the night: a sheet (`sheet` nil: the workbook as a whole, which is
    /// judged to say why nothing in it can be taken).
    public struct Part: Sendable, Equatable {
        public var dataset: Dataset?
        public var sheet: String?

        public init(dataset: Dataset?, sheet: String?) {
            self.dataset = dataset
            self.sheet = sheet
        }
    }

    /// The dataset a sheet's name says.
    public static func dataset(ofSheet sheet: SpreadsheetDocument.Sheet) -> Dataset? { DatasetRecognition.fromFileName(sheet.name) }

    /// A sheet with something under its header.
    static func hasData(_ sheet: SpreadsheetDocument.Sheet) -> Bool { sheet.table.count > 1 }

    /// The sheets named after datasets, in the workbook's order.
    static func datasetSheets(_ document: SpreadsheetDocument) -> [(dataset: Dataset, sheet: SpreadsheetDocument.Sheet)] {
        document.sheets.compactMap { sheet in dataset(ofSheet: sheet).map { ($0, sheet) } }
    }

    /// The parts of a workbook named `name`: every dataset sheet with data, in the workbook's order
    /// (the template's sheets left as they came, a header and nothing under it, are not sent); none
    /// filled, the workbook as a whole. Without dataset sheets, its first visible sheet.
    public static func parts(_ document: SpreadsheetDocument, name: String) -> [Part] {
        let named = datasetSheets(document)
        if !named.isEmpty {
            let filled = named.filter { hasData($0.sheet) }.map { Part(dataset: $0.dataset, sheet: $0.sheet.name) }
            return filled.isEmpty ? [Part(dataset: nil, sheet: nil)] : filled
        }
        guard let first = document.sheets.first else { return [Part(dataset: DatasetRecognition.fromFileName(name), sheet: nil)] }
        let dataset =
            DatasetRecognition.fromFileName(name) ?? (first.table.count > 0 ? DatasetRecognition.fromHeader(first.table.record(0)) : nil)
        return [Part(dataset: dataset, sheet: first.name)]
    }

    /// The dataset a workbook holds (of several, the first in the apply order).
    public static func recognise(_ document: SpreadsheetDocument, name: String) -> Dataset? {
        parts(document, name: name).compactMap(\.dataset).min()
    }

    /// One sheet judged as a file.
    public static func validate(name: String, dataset: Dataset?, sheet: SpreadsheetDocument.Sheet, context: ValidationContext)
        -> ValidatedFile
    {
        FileValidator.validate(
            name: name, dataset: dataset, table: sheet.table,
            source: .sheet(label: SourceLabel.of(file: name, sheet: sheet.name), problems: sheet.problems), context: context)
    }

    static func validate(name: String, dataset: Dataset?, bytes: [UInt8], context: ValidationContext) -> ValidatedFile {
        do {
            return validate(name: name, dataset: dataset, document: try SpreadsheetDocument.parse(bytes), context: context)
        } catch {
            return .unreadable(name: name, dataset: dataset, .workbook(error))
        }
    }

    /// A workbook judged whole, as when no sheet was chosen for it beforehand: the sheet holding
    /// `dataset` (else its first part), or why none can be taken.
    public static func validate(name: String, dataset: Dataset?, document: SpreadsheetDocument, context: ValidationContext) -> ValidatedFile
    {
        let parts = parts(document, name: name)
        let wanted = dataset ?? recognise(document, name: name)
        let part = wanted.map { wanted in parts.first { $0.dataset == wanted } ?? Part(dataset: wanted, sheet: nil) } ?? parts[0]
        if let wanted = part.sheet, let sheet = document.sheets.first(where: { $0.name == wanted }) {
            return validate(name: name, dataset: part.dataset, sheet: sheet, context: context)
        }
        let sheets = document.sheets.map { "«\($0.name)»" }.joined(separator: ", ")
        let message =
            if document.sheets.isEmpty {
                "В книге нет ни одного видимого листа — покажите лист с данными и сохраните книгу."
            } else if let wanted = part.dataset {
                "В книге нет листа «\(wanted.title)» (листы: \(sheets)) — назовите лист с данными по набору или сохраните его отдельным файлом."
            } else {
                "На листах книги, названных по наборам данных (\(datasetSheets(document).map { "«\($0.sheet.name)»" }.joined(separator: ", "))), "
                    + "под заголовком нет ни одной строки — заполните лист и сохраните книгу."
            }
        return ValidatedFile(
            name: name, dataset: part.dataset, rowCount: 0, findings: [Finding(.error, file: name, message: message)], rows: nil)
    }
}
