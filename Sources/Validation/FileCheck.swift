import Domain
import Reading

/// One file under validation: reads typed values from its cells and collects every finding,
/// worded for the curator, with the row and the header as the school wrote them.
final class FileCheck {
    let fileName: String
    let header: HeaderMap
    let table: CSVTable
    let context: ValidationContext
    private(set) var findings = FindingList()
    /// The table's fields, valid while the check runs (inside `CSVTable.withFields`).
    private let fields: Fields

    init(fileName: String, header: HeaderMap, table: CSVTable, fields: Fields, context: ValidationContext) {
        self.fileName = fileName
        self.header = header
        self.table = table
        self.fields = fields
        self.context = context
        repeated = RepeatedText(expectedValues: table.count * 4)
    }

    // MARK: reporting

    /// Every finding is counted; past `FindingList.limit` its value and message are not even made,
    /// so a file of a million bad rows costs the time of checking them and no more.
    func report(
        _ severity: Severity, _ record: Int? = nil, _ column: Column? = nil, value: @autoclosure () -> String? = nil,
        _ message: @autoclosure () -> String
    ) {
        findings.append(severity) {
            Finding(
                severity, file: fileName, row: record.map { table.rows[$0] }, column: column.map(header.title), value: value(),
                message: message())
        }
    }

    func reportFileColumn(_ severity: Severity, _ record: Int?, fileColumn: Int, value: String?, _ message: String) {
        findings.append(
            Finding(
                severity, file: fileName, row: record.map { table.rows[$0] },
                column: header.title(ofFileColumn: fileColumn), value: value, message: message))
    }

    // MARK: cells

    /// Data records: every record after the header that is not fully blank (`;;;` or spaces only).
    private(set) lazy var dataRecords: [Int] = (1..<max(table.count, 1)).filter { record in
        // A record's fields lie back to back, so one scan of its bytes answers.
        guard let span = fields.span(record) else { return false }
        let noBreak: UInt8 = table.windows1251 ? 0xA0 : 0xC2  // 0xC2 is «В» in Windows-1251
        return fields.bytes[span].contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != noBreak && $0 != 0xA0 }
    }

    func cell(_ record: Int, _ fileColumn: Int) -> Cell {
        Cell(fields.field(record, fileColumn), windows1251: table.windows1251)
    }

    /// The cell of a column, or nil when the file has no such column or the cell is empty.
    /// An empty required cell is reported.
    func cell(_ column: Column, _ record: Int, required: Bool? = nil) -> Cell? {
        if let i = header.position(of: column) {
            let c = cell(record, i)
            if c.bytes.count > SpreadsheetText.maxLength { reportLong(c, column, record) }
            if !c.isEmpty { return c }
        }
        if required ?? !column.optional { reportEmpty(column, record) }
        return nil
    }

    /// Cells holding U+FFFD where the file's bytes were not text in its encoding: the value would
    /// reach the registry as «�». An error per cell, with its row and column.
    func reportInvalidText(encoding: TextEncoding) {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        for record in 0..<table.count {
            for column in 0..<table.fieldCount(record) {
                let bytes = fields.field(record, column)
                guard bytes.count >= 3,
                    (0...(bytes.count - 3)).contains(where: { i in bytes[i] == 0xEF && Array(bytes[i..<(i + 3)]) == replacement })
                else { continue }
                let row = record
                findings.append(.error) {
                    Finding(
                        .error, file: fileName, row: table.rows[row], column: record == 0 ? nil : header.title(ofFileColumn: column),
                        value: String(decoding: bytes, as: UTF8.self),
                        message: "В тексте есть байты, которые не читаются в кодировке \(encoding.rawValue) (показаны как «�») — "
                            + "сохраните таблицу заново как «CSV UTF-8» и отправьте ещё раз.")
                }
            }
        }
    }

    /// Cells of a workbook's sheet that show no value a person could have meant (an error value, a
    /// formula never calculated, a number that cannot be a date): errors, with the cell's address.
    func reportCellProblems(_ problems: [CellProblem]) {
        let headerRow = table.count > 0 ? table.rows[0] : 0
        for problem in problems {
            let title = header.title(ofFileColumn: problem.column - 1)
            let column = problem.row == headerRow || title.isEmpty ? nil : title
            findings.append(.error) {
                Finding(
                    .error, file: fileName, row: problem.row, column: column, value: problem.value,
                    message: "Ячейка \(problem.address): \(problem.message).")
            }
        }
    }

    /// A value longer than a spreadsheet cell holds (`SpreadsheetText`): kept in the registry as
    /// sent, cut in the workbooks.
    @inline(never)
    private func reportLong(_ cell: Cell, _ column: Column, _ record: Int) {
        let text = cell.string
        guard !SpreadsheetText.fits(text) else { return }
        report(
            .warning, record, column, value: String(text.prefix(40)) + "…",
            "Текст длиннее \(SpreadsheetText.maxLength) знаков — столько не помещается в ячейку Excel: в таблицах отдела он будет обрезан. "
                + "Сократите текст.")
    }

    /// Out of line: `cell` runs for every cell of a file and is rarely empty where it must not be.
    @inline(never)
    private func reportEmpty(_ column: Column, _ record: Int) {
        report(.error, record, column, "Не заполнено обязательное поле «\(header.title(column))» — впишите значение.")
    }

    func text(_ column: Column, _ record: Int, required: Bool? = nil) -> String? {
        cell(column, record, required: required).map { repeated.string($0) }
    }

    func snils(_ column: Column, _ record: Int) -> Snils? {
        guard let cell = cell(column, record) else { return nil }
        if case .valid(let snils) = SnilsCheck.check(cell.bytes, windows1251: cell.windows1251) { return snils }
        return snils(cell.string, column, record)
    }

    func snils(_ text: String, _ column: Column, _ record: Int) -> Snils? {
        switch SnilsCheck.check(text) {
        case .valid(let snils):
            return snils
        case .padded(let snils):
            report(
                .warning, record, column, value: text,
                "В СНИЛС меньше 11 цифр — дополнен нулями слева до \(snils) (Excel отбрасывает ведущие нули). "
                    + "Проверьте номер и задайте столбцу формат «Текстовый».")
            return snils
        case .badChecksum(let snils):
            report(.error, record, column, value: text, "СНИЛС \(snils): неверная контрольная сумма — проверьте номер.")
        case .tooManyDigits:
            report(.error, record, column, value: text, "В СНИЛС больше 11 цифр — проверьте номер.")
        case .scientificNotation:
            report(
                .error, record, column, value: text,
                "СНИЛС записан как число в экспоненциальной форме, цифры потеряны — задайте столбцу формат "
                    + "«Текстовый» и введите номер заново.")
        case .notANumber:
            report(.error, record, column, value: text, "«\(text)» — не СНИЛС: укажите 11 цифр в виде 123-456-789 01.")
        }
        return nil
    }

    func date(_ column: Column, _ record: Int, required: Bool? = nil, notInFuture: Bool = false) -> CivilDate? {
        guard let cell = cell(column, record, required: required) else { return nil }
        guard let date = Scalars.date(cell) else {
            report(
                .error, record, column, value: cell.string,
                "«\(cell.string)» — не дата: укажите дату в виде ДД.ММ.ГГГГ, например 20.01.2023.")
            return nil
        }
        if notInFuture && date > context.asOf {
            report(
                .error, record, column, value: cell.string,
                "Дата \(date.russian) ещё не наступила (дата проверки \(context.asOf.russian)) — проверьте год и месяц.")
            return nil
        }
        return date
    }

    /// A number of years ≥ 0 (стаж): decimal comma allowed.
    func years(_ column: Column, _ record: Int) -> Double? {
        guard let cell = cell(column, record) else { return nil }
        guard let value = Scalars.number(cell), value >= 0, value < 100 else {
            report(
                .error, record, column, value: cell.string,
                "«\(cell.string)» — не число лет: укажите число от 0, например 4 или 2,5.")
            return nil
        }
        return value
    }

    /// A headcount: a whole number ≥ 0.
    func count(_ column: Column, _ record: Int) -> Int? {
        guard let cell = cell(column, record) else { return nil }
        guard let value = Scalars.number(cell), value >= 0, value == value.rounded(), value < 1e9 else {
            report(
                .error, record, column, value: cell.string,
                "«\(cell.string)» — не количество: укажите целое число от 0.")
            return nil
        }
        return Int(value)
    }

    func yesNo(_ column: Column, _ record: Int) -> Bool? {
        guard let cell = cell(column, record) else { return nil }
        guard let value = Scalars.yesNo(cell) else {
            report(.error, record, column, value: cell.string, "«\(cell.string)» — укажите «да» или «нет».")
            return nil
        }
        return value
    }

    func choice<V: Vocabulary>(_ lookup: VocabularyLookup<V>, _ column: Column, _ record: Int, required: Bool? = nil) -> V? {
        guard let cell = cell(column, record, required: required) else { return nil }
        if let value = lookup.match(cell) { return value }
        return choice(lookup, cell.string, column, record)
    }

    func choice<V: Vocabulary>(_ lookup: VocabularyLookup<V>, _ text: String, _ column: Column, _ record: Int) -> V? {
        if let value = lookup.match(text) { return value }
        report(
            .error, record, column, value: text,
            "«\(text)» — такого значения нет (\(V.listName)). Допустимо: \(VocabularyLookup<V>.allowed).")
        return nil
    }

    func url(_ column: Column, _ record: Int) -> String? {
        guard let text = text(column, record) else { return nil }
        guard Scalars.isURL(text) else {
            report(
                .error, record, column, value: text,
                "«\(text)» — не адрес страницы: укажите полную ссылку, начинающуюся с http:// или https://.")
            return nil
        }
        return text
    }

    func name(_ record: Int) -> PersonName? {
        let last = cell(.lastName, record)
        let first = cell(.firstName, record)
        let middle = cell(.middleName, record)
        if watchForTatarVariant {
            tatarVariant.note(last, .lastName, record)
            tatarVariant.note(first, .firstName, record)
            tatarVariant.note(middle, .middleName, record)
        }
        var named = true
        for (part, column, what) in [(last, Column.lastName, "фамилию"), (first, .firstName, "имя"), (middle, .middleName, "отчество")] {
            guard let part else { continue }
            let text = repeated.string(part)
            let strange = NameText.strangeCharacters(text)
            guard !strange.isEmpty else { continue }
            named = false
            report(
                .error, record, column, value: text,
                "«\(text)» — в имени не бывает знаков \(strange.map { "«\($0)»" }.joined(separator: ", ")): укажите \(what) буквами.")
        }
        guard let last, let first, named else { return nil }
        return PersonName(last: repeated.string(last), first: repeated.string(first), middle: middle.map { repeated.string($0) })
    }

    /// Strings already made for this file's values. Not `lazy`: mutating a lazy property copies its
    /// value out and back, and with it the whole table on every store (1 MB/s instead of 137).
    private var repeated: RepeatedText

    /// Set for Windows-1251 files: names are watched for the Tatar variant of the code page.
    var watchForTatarVariant = false
    private(set) var tatarVariant = TatarVariant()
}
