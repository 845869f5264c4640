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
        try PartParser.parse(bytes, part: part, start: state.start, end: state.end, text: state.text)
        return (state.table.finish(), state.problems)
    }

    private final class State {
        let parts: WorkbookParts
        var table: TableBuilder
        var problems: [CellProblem] = []

        var row = 0
        var column = 0
        var cells: [(column: Int, text: String)] = []
        var kind: String?
        var style = 0
        var formula = false
        var value: String?
        var inline = ""
        /// Which element's text is being gathered.
        var gathering: Gathering = .none
        var phonetic = 0
        var inSheetData = false

        enum Gathering { case none, value, inline }

        init(parts: WorkbookParts, capacity: Int) {
            self.parts = parts
            table = TableBuilder(capacity: capacity)
        }

        func start(_ name: String, _ attributes: PartParser.Attributes) {
            switch name {
            case "sheetData": inSheetData = true
            case "row" where inSheetData:
                row = attributes["r"].flatMap { Int($0) } ?? row + 1
                column = 0
                cells.removeAll(keepingCapacity: true)
            case "c" where inSheetData:
                column = attributes["r"].flatMap(Self.column) ?? column + 1
                kind = attributes["t"]
                style = attributes["s"].flatMap { Int($0) } ?? 0
                formula = false
                value = nil
                inline = ""
            case "v": gathering = .value
            case "f": formula = true
            case "rPh": phonetic += 1
            case "t" where kind == "inlineStr" && phonetic == 0: gathering = .inline
            default: break
            }
        }

        func text(_ piece: String) {
            switch gathering {
            case .value: value = (value ?? "") + piece
            case .inline: inline += piece
            case .none: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "v", "t": gathering = .none
            case "rPh": phonetic -= 1
            case "c" where inSheetData: endCell()
            case "row" where inSheetData: endRow()
            case "sheetData": inSheetData = false
            default: break
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
            case "s":
                guard let value else { return nil }
                guard let index = Int(value.trimmingSpaces), parts.sharedStrings.indices.contains(index) else {
                    report(value, "ссылка на текст, которого нет в книге — книга повреждена; сохраните её заново в Excel")
                    return nil
                }
                return parts.sharedStrings[index]
            case "inlineStr": return inline
            case "str": return calculated()
            case "b": return calculated().map { $0 == "1" || $0 == "true" ? "ИСТИНА" : "ЛОЖЬ" }
            case "e":
                report(value, "в ячейке ошибка «\(value ?? "")» вместо значения — исправьте формулу или введите значение")
                return nil
            case "d":
                guard let value = calculated() else { return nil }
                return CivilDate(iso: String(value.prefix(10)))?.russian ?? value
            default:
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
            if formula && value == nil {
                report(nil, "формула без сохранённого значения — откройте книгу в Excel или LibreOffice и сохраните её")
            }
            return value
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
        static func column(_ reference: String) -> Int? {
            var n = 0
            for byte in reference.utf8 {
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
