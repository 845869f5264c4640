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

    static func letters(_ column: Int) -> String {
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
/// parse), every row keeping the number Excel shows beside it.
struct SheetReader {
    /// Excel's own limits; a reference beyond them is not a cell.
    static let maxRow = 1_048_576
    static let maxColumn = 16_384
    /// Problems past this many are counted, not kept (the validator keeps 500 findings a file).
    static let maxProblems = 1_000

    let parts: WorkbookParts

    func read(_ bytes: [UInt8], part: String) throws(WorkbookFailure) -> (CSVTable, [CellProblem]) {
        let state = State(parts: parts, capacity: bytes.count / 4)
        try PartParser.parse(bytes, part: part, events: state)
        return (state.table.finish(), state.problems)
    }

    /// A cell's type (`t`): what its value is.
    private enum Kind {
        case number, shared, inline, formulaText, boolean, error, isoDate

        init(_ t: UnsafeBufferPointer<UInt8>?) {
            guard let t else {
                self = .number
                return
            }
            switch String(decoding: t, as: UTF8.self) {
            case "s": self = .shared
            case "inlineStr": self = .inline
            case "str": self = .formulaText
            case "b": self = .boolean
            case "e": self = .error
            case "d": self = .isoDate
            default: self = .number
            }
        }
    }

    private final class State: PartEvents {
        let parts: WorkbookParts
        var table: TableBuilder
        var problems: [CellProblem] = []

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

        init(parts: WorkbookParts, capacity: Int) {
            self.parts = parts
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
            guard (1...SheetReader.maxRow).contains(row), (1...SheetReader.maxColumn).contains(column) else {
                report(nil, "ячейка за пределами листа Excel — удалите её")
                return
            }
            guard let text = cellText(), !text.isEmpty else { return }
            cells.append((column, text))
        }

        private func cellText() -> String? {
            switch kind {
            case .shared:
                guard hasValue else { return nil }
                let value = String(decoding: self.value, as: UTF8.self)
                guard let index = Int(value.trimmingSpaces), parts.sharedStrings.indices.contains(index) else {
                    report(value, "ссылка на текст, которого нет в книге — книга повреждена; сохраните её заново в Excel")
                    return nil
                }
                return parts.sharedStrings[index]
            case .inline: return String(decoding: inline, as: UTF8.self)
            case .formulaText: return calculated()
            case .boolean: return calculated().map { $0 == "1" || $0 == "true" ? "ИСТИНА" : "ЛОЖЬ" }
            case .error:
                let value = hasValue ? String(decoding: self.value, as: UTF8.self) : nil
                report(value, "в ячейке ошибка «\(value ?? "")» вместо значения — исправьте формулу или введите значение")
                return nil
            case .isoDate:
                guard let value = calculated() else { return nil }
                return CivilDate(iso: String(value.prefix(10)))?.russian ?? value
            case .number:
                guard let value = calculated() else { return nil }
                let format = parts.styleFormats.indices.contains(style) ? parts.styleFormats[style] : .general
                guard let text = format.text(String(value.trimmingSpaces), date1904: parts.date1904) else {
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
            guard !cells.isEmpty else { return }
            if !cells.isSorted(by: { $0.column < $1.column }) { cells.sort { $0.column < $1.column } }
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
