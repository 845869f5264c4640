import Domain
import XLSX

/// How wide each column of a table is and how tall each row, from what they hold: the one place
/// every workbook's layout is measured. Widths are in Excel's units (about one digit of the default
/// font); a character of text is taken as 1.1 of them, a bold header's as 1.2.
struct ColumnFit {
    /// A column's header, its longest word, and the most its values may take before they wrap.
    private let titles: [String]
    /// The declared width, widened to the header's longest word: a header never breaks inside a word.
    private let limits: [Double]
    private var needed: [Double]
    /// Lines the header row has: the most any header takes at its column's limit.
    let headerLines: Int

    static let textFactor = 1.1
    static let boldFactor = 1.2
    static let padding = 1.5
    /// About what fits across an A4 page in portrait; a wider table prints across the page.
    static let portraitWidth = 100.0

    init(titles: [String], limits: [Double]) {
        self.titles = titles
        self.limits = zip(titles, limits).map { title, limit in max(limit, Self.longestWord(title) * Self.boldFactor + Self.padding) }
        needed = Array(repeating: 0, count: titles.count)
        headerLines = zip(titles, self.limits).map { Self.lines($0, width: $1, factor: Self.boldFactor) }.max() ?? 1
    }

    /// Takes a row's values into account; returns the lines the row needs.
    mutating func add(_ values: [CellValue]) -> Int {
        var lines = 1
        for (i, value) in values.enumerated() where i < needed.count {
            let width: Double
            switch value {
            case .text(let text):
                width = Self.longestLine(text) * Self.textFactor + Self.padding
                if width > limits[i] || text.utf8.contains(0x0A) {
                    lines = max(lines, Self.lines(text, width: limits[i], factor: Self.textFactor))
                }
            case .number(let n): width = Double(Self.digits(n)) + Self.padding
            case .formula(_, let cached): width = Double(Self.digits(cached)) + Self.padding
            case .date: width = 11 + Self.padding
            case .blank: width = 0
            }
            needed[i] = max(needed[i], width)
        }
        return lines
    }

    /// Each column as wide as its header's longest word and its values need, up to its limit; wide
    /// enough that its header fits the header row's lines.
    func widths() -> [Double] {
        titles.indices.map { i in
            var width = min(limits[i], max(needed[i], Self.longestWord(titles[i]) * Self.boldFactor + Self.padding, 6))
            while width < limits[i] && Self.lines(titles[i], width: width, factor: Self.boldFactor) > headerLines { width += 1 }
            return min(width, limits[i]).rounded(.up)
        }
    }

    /// The table's width at the least its columns can take (each its header's longest word).
    var narrowest: Double { titles.map { max(Self.longestWord($0) * Self.boldFactor + Self.padding, 6) }.reduce(0, +) }

    /// Points for `lines` of the default font (Excel caps a row at 409).
    static func height(lines: Int) -> Double { min(Double(lines) * 15, 409) }

    /// Lines a text takes wrapped at word boundaries in a column `width` units wide (a word longer
    /// than the column breaks where it must).
    static func lines(_ text: String, width: Double, factor: Double) -> Int {
        let room = max(Int(((width - padding) / factor).rounded(.down)), 1)
        var lines = 0
        var used = 0
        var count = 1
        var word = 0
        func endWord() {
            guard word > 0 else { return }
            if used == 0 {
                count += (word - 1) / room
                used = (word - 1) % room + 1
            } else if used + 1 + word <= room {
                used += 1 + word
            } else {
                count += 1 + (word - 1) / room
                used = (word - 1) % room + 1
            }
            word = 0
        }
        TextWidth.walk(text) { mark in
            switch mark {
            case .character: word += 1
            case .space: endWord()
            case .lineBreak:
                endWord()
                lines += count
                used = 0
                count = 1
            }
        }
        endWord()
        lines += count
        return max(lines, 1)
    }

    static func longestWord(_ text: String) -> Double {
        var longest = 0
        var word = 0
        TextWidth.walk(text) { mark in
            if case .character = mark {
                word += 1
                longest = max(longest, word)
            } else {
                word = 0
            }
        }
        return Double(longest)
    }

    static func longestLine(_ text: String) -> Double {
        var longest = 0
        var line = 0
        TextWidth.walk(text) { mark in
            if case .lineBreak = mark {
                line = 0
            } else {
                line += 1
                longest = max(longest, line)
            }
        }
        return Double(longest)
    }

    static func digits(_ n: Double) -> Int {
        guard n.isFinite else { return 3 }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)).count }
        return String(format: "%.1f", n).count
    }
}
