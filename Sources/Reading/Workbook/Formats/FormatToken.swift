import Foundation

/// One piece of a number format code's section, as ECMA-376 §18.8.31 lists them.
enum FormatToken: Equatable {
    /// Shown as written: quoted text, an escaped character, a currency symbol (`[$₽-419]`), or a
    /// character with no meaning of its own (`-`, `(`, a space). `_x` (a space as wide as `x`) is
    /// a space.
    case literal(String)
    /// A digit: `0` shows a zero where there is none, `?` a space, `#` nothing.
    case placeholder(UInt8)
    case point
    /// A thousands separator between digits, a division by 1,000 after the last one.
    case comma
    case percent
    /// `E+` / `E-`: scientific notation; `+` shows the sign of a positive exponent too.
    case exponent(showPlus: Bool)
    case slash
    /// `@`: the cell's text.
    case text
    /// `General` inside a code (`"Итого: "General`).
    case general
    /// A date or time letter, lower-cased (`y m d h s`; Russian `г м д ч с` become these),
    /// with the letter as written (shown as itself in a number's section).
    case letter(Character, written: Character)
    /// `AM/PM` or `A/P`, as written.
    case meridiem(String)
    /// `[h]`, `[mm]`, `[ss]`: hours, minutes or seconds counted whole, days included.
    case elapsed(Character, width: Int)

    var isDigit: Bool { if case .placeholder = self { true } else { false } }
}

/// A section's condition (`[>=100]`): which numbers it is for.
struct FormatCondition: Equatable {
    enum Comparison: Equatable { case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual }

    var comparison: Comparison
    var value: Double

    /// `>=100`, `<-5`, `=0`, `<>1`; nil when the text is not a condition.
    init?(_ text: Substring) {
        let operators: [(String, Comparison)] = [
            ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<>", .notEqual), ("<", .less), (">", .greater), ("=", .equal),
        ]
        guard let (symbol, comparison) = operators.first(where: { text.hasPrefix($0.0) }),
            let value = Double(text.dropFirst(symbol.count).trimmingCharacters(in: .whitespaces).replacing(",", with: "."))
        else { return nil }
        self.comparison = comparison
        self.value = value
    }

    func holds(for number: Double) -> Bool {
        switch comparison {
        case .less: number < value
        case .lessOrEqual: number <= value
        case .greater: number > value
        case .greaterOrEqual: number >= value
        case .equal: number == value
        case .notEqual: number != value
        }
    }
}

/// Splits a format code into sections and each section into tokens.
enum FormatTokenizer {
    struct Section {
        var tokens: [FormatToken] = []
        var condition: FormatCondition?
    }

    static func sections(_ code: String) -> [Section] {
        var sections = [Section()]
        var characters = Array(code)[...]
        func append(_ token: FormatToken) { sections[sections.count - 1].tokens.append(token) }
        while let c = characters.popFirst() {
            switch c {
            case ";": sections.append(Section())
            case "\"":
                var quoted = ""
                while let q = characters.popFirst(), q != "\"" { quoted.append(q) }
                append(.literal(quoted))
            case "\\":
                if let escaped = characters.popFirst() { append(.literal(String(escaped))) }
            case "_":
                if characters.popFirst() != nil { append(.literal(" ")) }
            case "*":
                _ = characters.popFirst()  // a fill: in text, nothing
            case "[":
                var inside = ""
                while let b = characters.popFirst(), b != "]" { inside.append(b) }
                if let token = bracket(inside) {
                    append(token)
                } else if let condition = FormatCondition(inside[...]) {
                    sections[sections.count - 1].condition = condition
                }
            case "0", "#", "?": append(.placeholder(c.asciiValue!))
            case ".": append(.point)
            case ",": append(.comma)
            case "%": append(.percent)
            case "/": append(.slash)
            case "@": append(.text)
            default:
                if c == "E" || c == "e", characters.first == "+" || characters.first == "-" {
                    append(.exponent(showPlus: characters.popFirst() == "+"))
                    continue
                }
                let rest = String(c) + String(characters.prefix(6))
                if rest.lowercased().hasPrefix("general") {
                    characters = characters.dropFirst(6)
                    append(.general)
                } else if let meridiem = ["AM/PM", "A/P"].first(where: { rest.uppercased().hasPrefix($0) }) {
                    append(.meridiem(String(rest.prefix(meridiem.count))))
                    characters = characters.dropFirst(meridiem.count - 1)
                } else if let letter = dateLetter(c) {
                    append(.letter(letter, written: c))
                } else {
                    append(.literal(String(c)))
                }
            }
        }
        return sections
    }

    /// `[h]`, `[mm]`, `[ss]` count whole; `[$₽-419]` is a currency symbol, `[$-419]` only a
    /// locale; a colour (`[Red]`, `[Magenta]`, `[Color10]`) and anything else is not shown. nil
    /// for a condition.
    private static func bracket(_ inside: String) -> FormatToken? {
        let lower = inside.lowercased()
        if let first = lower.first, "hms".contains(first), lower.allSatisfy({ $0 == first }) {
            return .elapsed(first, width: lower.count)
        }
        if inside.hasPrefix("$") {
            let symbol = inside.dropFirst().prefix { $0 != "-" }
            return .literal(String(symbol))
        }
        if let first = inside.first, "<>=".contains(first) { return nil }
        return .literal("")
    }

    /// Letters of dates and times; Russian codes (`ДД.ММ.ГГГГ`, `ЧЧ:ММ:СС`) as their English ones.
    private static func dateLetter(_ c: Character) -> Character? {
        switch c.lowercased() {
        case "y", "г", "e": "y"
        case "m", "м": "m"
        case "d", "д": "d"
        case "h", "ч": "h"
        case "s", "с": "s"
        default: nil
        }
    }
}
