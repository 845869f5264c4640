/// Why a workbook could not be read at all, worded for a curator.
public enum WorkbookFailure: Error, Equatable, Sendable {
    /// Not an Office Open XML spreadsheet, or a broken one.
    case notAWorkbook(String)
    /// A zip with nothing in it.
    case emptyArchive
    /// A Word document or a presentation: an Office file, but not a workbook.
    case otherOfficeDocument(String)
    /// An OpenDocument spreadsheet (LibreOffice's own format).
    case openDocument
    /// Excel's binary workbook (`.xlsb`): a zip of binary parts, not of XML.
    case binaryWorkbook
    /// A workbook encrypted with a password (stored as an OLE file, like `.xls`).
    case encrypted
    /// An Excel 97–2003 workbook.
    case legacyExcel
    /// It would expand past what a school's table ever needs (`WorkbookLimits`).
    case tooLarge(WorkbookLimits.Excess)
    /// A part declares a DTD: OOXML never does, and entities are never expanded.
    case doctype(part: String)

    public var message: String {
        let resave = "откройте её в Excel и сохраните заново как «Книга Excel (.xlsx)»"
        return switch self {
        case .notAWorkbook(let reason): "Книгу Excel не удалось прочитать (\(reason)) — \(resave)."
        case .emptyArchive: "Файл — пустой архив, в нём нет книги Excel: сохраните таблицу заново как «Книга Excel (.xlsx)» и отправьте её."
        case .otherOfficeDocument(let kind):
            "Это \(kind), а не таблица — перенесите данные в книгу Excel (.xlsx) или CSV и отправьте её."
        case .openDocument:
            "Это таблица OpenDocument (.ods) — в LibreOffice выберите «Файл → Сохранить как» → «Excel 2007–365 (.xlsx)»."
        case .binaryWorkbook:
            "Это двоичная книга Excel (.xlsb), её нельзя прочитать — в Excel выберите «Сохранить как» → «Книга Excel (.xlsx)»."
        case .encrypted:
            "Книга защищена паролем, её нельзя прочитать — снимите пароль («Файл → Сведения → Защитить книгу») и отправьте ещё раз."
        case .legacyExcel:
            "Это файл Excel 97–2003 (.xls) — в Excel выберите «Сохранить как» → «Книга Excel (.xlsx)» или «CSV UTF-8»."
        case .tooLarge(let excess):
            "Книга Excel слишком велика для таблицы школы: \(excess.description) — сохраните в отдельной книге только листы с данными."
        case .doctype(let part):
            "В книге Excel есть недопустимое объявление DTD (часть «\(part)») — сохраните книгу заново в Excel или LibreOffice."
        }
    }
}
