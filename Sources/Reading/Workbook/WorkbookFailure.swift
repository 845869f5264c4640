/// Why a workbook could not be read at all, worded for a curator.
public enum WorkbookFailure: Error, Equatable, Sendable {
    /// Not an Office Open XML spreadsheet, or a broken one.
    case notAWorkbook(String)
    /// An OpenDocument spreadsheet (LibreOffice's own format).
    case openDocument
    /// A workbook encrypted with a password (stored as an OLE file, like `.xls`).
    case encrypted
    /// An Excel 97–2003 workbook.
    case legacyExcel
    /// Its parts would inflate to more than a school's workbook ever needs.
    case tooLargeInflated
    /// A part declares a DTD: OOXML never does, and entities are never expanded.
    case doctype(part: String)

    public var message: String {
        switch self {
        case .notAWorkbook(let reason):
            "Книгу Excel не удалось прочитать (\(reason)) — откройте её в Excel и сохраните заново как «Книга Excel (.xlsx)»."
        case .openDocument:
            "Это таблица OpenDocument (.ods) — в LibreOffice выберите «Файл → Сохранить как» → «Excel 2007–365 (.xlsx)»."
        case .encrypted:
            "Книга защищена паролем, её нельзя прочитать — снимите пароль («Файл → Сведения → Защитить книгу») и отправьте ещё раз."
        case .legacyExcel:
            "Это файл Excel 97–2003 (.xls) — в Excel выберите «Сохранить как» → «Книга Excel (.xlsx)» или «CSV UTF-8»."
        case .tooLargeInflated:
            "Книга Excel после распаковки слишком велика — это не похоже на таблицу школы; сохраните только нужный лист."
        case .doctype(let part):
            "В книге Excel есть недопустимое объявление DTD (часть «\(part)») — сохраните книгу заново в Excel или LibreOffice."
        }
    }
}
