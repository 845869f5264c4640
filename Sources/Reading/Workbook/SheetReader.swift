import Domain

/// A cell the reader could not turn into the text a person sees: an error value, a formula never
/// calculated, a reference out of range. Row and column as Excel shows them (both from 1).
public struct CellProblem: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var value: String?
    public var message: String

    /// `C5`.
    public var address: String { Self.letters(column) + String(row) }

    public static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            out.append(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }
}

/// One worksheet's `sheetData` turned into a table, a row at a time: each cell's text as the sheet
/// shows it, rows without a value left out (a million rows with only a style cost nothing but the
/// parse), every row keeping the number Excel shows beside it. What the cells expand to is counted
/// against the read's budget as they are read, and the sheet is refused the moment it goes past.
struct SheetReader {
    /// Excel's own limits; a reference beyond them is not a cell.
    static let maxRow = 1_048_576
    static let maxColumn = 16_384
    /// Problems past this many are counted, not kept (the validator keeps 500 findings a file).
    static let maxProblems = 1_000

    let parts: WorkbookParts
    let budget: ReadingBudget

    func read(_ bytes: [UInt8], part: String) throws(WorkbookFailure) -> (CSVTable, [CellProblem]) {
        let state = State(parts: parts, budget: budget, capacity: bytes.count / 4)
        try PartParser.parse(bytes, part: part, events: state)
        return (state.table.finish(), state.problems)
    }

    /// A cell's type (`t`): what its value is.
    private enum Kind {
        case number, shared, inline, formulaText, boolean, error, isoDate

        init(_ t: UnsafeBufferPointer<UInt8>?) {
            guard let t, let first = t.first else {
                self = .number
                return
            }
            switch (first, t.count) {
            case (UInt8(ascii: "s"), 1): self = .shared
            case (UInt8(ascii: "i"), _) where t.elementsEqual("inlineStr".utf8): self = .inline
            case (UInt8(ascii: "s"), 3) where t.elementsEqual("str".utf8): self = .formulaText
            case (UInt8(ascii: "b"), 1): self = .boolean
            case (UInt8(ascii: "e"), 1): self = .error
            case (UInt8(ascii: "d"), 1): self = .isoDate
            default: self = .number
            }
        }
    }

    private final class State: PartEvents {
        let parts: WorkbookParts
        let budget: ReadingBudget
        var table: TableBuilder
        var problems: [CellProblem] = []
        var failure: WorkbookFailure?

        var row = 0
        var column = 0
        var cells: [(column: Int, text: String)] = []
        var kind = Kind.number
        var style = 0
        var formula = false
        /// The text of the cell's `<v>`, and whether it had one.
        var value: [UInt8] = []
        var hasValue = false
        var inline: [UInt8] = []
        /// Which element's text is being gathered.
        var gathering: Gathering = .none
        var phonetic = 0
        var inSheetData = false

        enum Gathering { case none, value, inline }

        /// Styles whose format is `General`, looked up without touching the format.
        let plainStyles: [Bool]

        init(parts: WorkbookParts, budget: ReadingBudget, capacity: Int) {
            self.parts = parts
            plainStyles = parts.styleFormats.map(\.isGeneral)
            self.budget = budget
            table = TableBuilder(capacity: capacity)
        }

        func start(_ element: PartElement) {
            if element.is("c") {
                guard inSheetData else { return }
                column = element.value("r").flatMap(Self.column) ?? column + 1
                kind = Kind(element.value("t"))
                style = element.integer("s") ?? 0
                formula = false
                value.removeAll(keepingCapacity: true)
                hasValue = false
                inline.removeAll(keepingCapacity: true)
            } else if element.is("v") {
                gathering = .value
                hasValue = true
            } else if element.is("row") {
                guard inSheetData else { return }
                row = element.integer("r") ?? row + 1
                column = 0
                cells.removeAll(keepingCapacity: true)
            } else if element.is("f") {
                formula = true
            } else if element.is("t") {
                if kind == .inline && phonetic == 0 { gathering = .inline }
            } else if element.is("rPh") {
                phonetic += 1
            } else if element.is("sheetData") {
                inSheetData = true
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch gathering {
            case .value: value.append(contentsOf: bytes)
            case .inline: inline.append(contentsOf: bytes)
            case .none: break
            }
        }

        func end(_ name: PartName) {
            if name.is("c") {
                if inSheetData { endCell() }
            } else if name.is("v") || name.is("t") {
                gathering = .none
            } else if name.is("row") {
                if inSheetData { endRow() }
            } else if name.is("rPh") {
                phonetic -= 1
            } else if name.is("sheetData") {
                inSheetData = false
            }
        }

        private func endCell() {
            guard failure == nil else { return }
            guard (1...SheetReader.maxRow).contains(row), (1...SheetReader.maxColumn).contains(column) else {
                report(nil, "ячейка за пределами листа Excel — удалите её")
                return
            }
            guard let text = cellText(), !text.isEmpty else { return }
            if let excess = budget.spend(text: text.utf8.count) { failure = .tooLarge(excess) }
            cells.append((column, text))
        }

        /// The cell's number format; nil for `General` (most cells), which shows a text as it is.
        private var format: NumberFormat? {
            guard style < plainStyles.count else { return nil }
            return plainStyles[style] ? nil : parts.styleFormats[style]
        }

        private func cellText() -> String? {
            switch kind {
            case .shared:
                // `<v/>`: a text cell with nothing in it.
                guard hasValue, !value.isEmpty else { return nil }
                let value = String(decoding: self.value, as: UTF8.self)
                guard let index = Int(value.trimmingSpaces), parts.sharedStrings.indices.contains(index) else {
                    report(value, "ссылка на текст, которого нет в книге — книга повреждена; сохраните её заново в Excel")
                    return nil
                }
                return format?.text(of: parts.sharedStrings[index]) ?? parts.sharedStrings[index]
            case .inline:
                let text = EscapedText.decode(inline)
                return format?.text(of: text) ?? text
            case .formulaText:
                return calculated().map { value in
                    let text = EscapedText.decode(Array(value.utf8))
                    return format?.text(of: text) ?? text
                }
            case .boolean: return calculated().map { $0 == "1" || $0 == "true" ? "ИСТИНА" : "ЛОЖЬ" }
            case .error:
                let value = hasValue ? String(decoding: self.value, as: UTF8.self) : nil
                report(value, "в ячейке ошибка «\(value ?? "")» вместо значения — исправьте формулу или введите значение")
                return nil
            case .isoDate:
                // An ISO date held as text (`t="d"`): shown through its format, as a date when the
                // format is not one.
                guard let value = calculated() else { return nil }
                let text = String(value.trimmingSpaces)
                guard let serial = NumberFormat.serial(iso: text, date1904: parts.date1904) else { return text }
                let shown = format.flatMap { $0.isDateTime ? $0 : nil } ?? NumberFormat(builtIn: serial.rounded(.down) == serial ? 14 : 22)
                return shown.text(serial, date1904: parts.date1904) ?? text
            case .number:
                guard let value = calculated() else { return nil }
                let trimmed = value.trimmingSpaces
                guard let number = Double(trimmed) else { return String(trimmed) }
                guard let text = format.map({ $0.text(number, date1904: parts.date1904) }) ?? NumberFormat.general(number) else {
                    report(value, "в ячейке формата «дата» число \(value), которое не может быть датой — введите дату ДД.ММ.ГГГГ")
                    return nil
                }
                return text
            }
        }

        /// The value a formula left, or the value typed; a formula with none is a problem.
        private func calculated() -> String? {
            guard hasValue else {
                if formula { report(nil, "формула без сохранённого значения — откройте книгу в Excel или LibreOffice и сохраните её") }
                return nil
            }
            return String(decoding: value, as: UTF8.self)
        }

        private func endRow() {
            guard !cells.isEmpty, failure == nil else { return }
            if !cells.isSorted(by: { $0.column < $1.column }) { cells.sort { $0.column < $1.column } }
            if let excess = budget.spend(row: cells[cells.count - 1].column) {
                failure = .tooLarge(excess)
                return
            }
            var next = 1
            for cell in cells where cell.column >= next {
                while next < cell.column {
                    table.appendField("")
                    next += 1
                }
                table.appendField(cell.text)
                next += 1
            }
            table.endRecord(row: row)
        }

        private func report(_ value: String?, _ message: String) {
            if problems.count < SheetReader.maxProblems {
                problems.append(CellProblem(row: row, column: column, value: value, message: message))
            }
        }

        /// `C5` → 3; nil for a reference that is not one.
        static func column(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
            var n = 0
            for byte in reference {
                switch byte {
                case 0x41...0x5A: n = n * 26 + Int(byte - 0x40)
                case 0x61...0x7A: n = n * 26 + Int(byte - 0x60)
                default: return n > 0 ? n : nil
                }
                if n > SheetReader.maxColumn { return SheetReader.maxColumn + 1 }
            }
            return n > 0 ? n : nil
        }
    }
}

extension Array {
    fileprivate func isSorted(by ordered: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { ordered($0, $1) }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
