import Domain
import Foundation

/// A cell style's number format (ECMA-376 §18.8.30–31), read once per style: the text a cell of
/// that style shows, as a Russian Excel shows it — what the curator saw, and what the sheet would
/// hold saved as CSV. Up to four sections (positive; negative; zero; text), or sections chosen by
/// their conditions (`[>=100]`); colours are not text.
final class NumberFormat: Sendable {
    enum Body {
        /// An empty section: the cell shows nothing.
        case empty
        /// `General`, perhaps with text around it.
        case general(before: String, after: String)
        case number(NumberLayout)
        case dateTime(DateTimeLayout)
        /// A section for text (`"№ "@`): the cell's text in place of `@`.
        case text([FormatToken])
    }

    struct Section {
        var condition: FormatCondition?
        var body: Body
    }

    /// The sections for numbers, and the one for text if the code has one.
    private let sections: [Section]
    private let textSection: [FormatToken]?
    /// `General` alone, the format of most cells: a text cell shows its text, a number as General
    /// shows it, without looking at sections.
    let isGeneral: Bool

    static let general = NumberFormat(code: "General")

    /// A code given as empty is General, as Excel shows it.
    init(code: String) {
        var parsed = FormatTokenizer.sections(code.isEmpty ? "General" : code)
        var text: [FormatToken]?
        if parsed.count >= 4 {
            text = parsed[3].tokens
            parsed = Array(parsed.prefix(3))
        } else if let last = parsed.last, parsed.count > 1 || last.tokens.contains(.text), last.tokens.contains(.text) {
            text = last.tokens
            parsed.removeLast()
        }
        sections = parsed.map { Section(condition: $0.condition, body: Self.body($0.tokens)) }
        textSection = text
        isGeneral = text == nil && parsed.count == 1 && parsed[0].condition == nil && parsed[0].tokens == [.general]
    }

    private static func body(_ tokens: [FormatToken]) -> Body {
        if tokens.isEmpty { return .empty }
        if let at = tokens.firstIndex(of: .general) {
            return .general(before: literalText(tokens[..<at]), after: literalText(tokens[(at + 1)...]))
        }
        if tokens.contains(.text) { return .text(tokens) }
        if DateTimeLayout.isDateTime(tokens) { return .dateTime(DateTimeLayout(tokens)) }
        return .number(NumberLayout(tokens))
    }

    private static func literalText(_ tokens: ArraySlice<FormatToken>) -> String {
        tokens.map { token in
            switch token {
            case .literal(let text): text
            case .letter(_, let written): String(written)
            default: ""
            }
        }.joined()
    }

    /// Excel's built-in formats (ECMA-376 §18.8.30) as a Russian Excel shows them; the East Asian
    /// ones (27–36, 50–58) are dates.
    convenience init(builtIn id: Int) {
        let code: String =
            switch id {
            case 1: "0"
            case 2: "0.00"
            case 3: "#,##0"
            case 4: "#,##0.00"
            case 5, 6: #"#,##0\ "₽";\-#,##0\ "₽""#
            case 7, 8: #"#,##0.00\ "₽";\-#,##0.00\ "₽""#
            case 9: "0%"
            case 10: "0.00%"
            case 11: "0.00E+00"
            case 12: "# ?/?"
            case 13: "# ??/??"
            case 14...17, 27...31, 34...36, 50...58: "dd.mm.yyyy"
            case 18: "h:mm AM/PM"
            case 19: "h:mm:ss AM/PM"
            case 20, 32: "h:mm"
            case 21, 33: "h:mm:ss"
            case 22: "dd.mm.yyyy h:mm"
            // As Excel has them (§18.8.30 prints them without the `_)` of 39 and 40, and with a
            // space for it in 37 and 38): a positive number padded by the width of `)`.
            case 37: "#,##0_);(#,##0)"
            case 38: "#,##0_);[Red](#,##0)"
            case 39: "#,##0.00_);(#,##0.00)"
            case 40: "#,##0.00_);[Red](#,##0.00)"
            case 45: "mm:ss"
            case 46: "[h]:mm:ss"
            case 47: "mm:ss.0"
            case 48: "##0.0E+0"
            case 49: "@"
            default: "General"
            }
        self.init(code: code)
    }

    /// The format shows numbers as dates (its first section), for cells that hold a date as text.
    var isDateTime: Bool {
        if case .dateTime = sections.first?.body { true } else { false }
    }

    /// The text a cell holding the number `value` shows; nil when the format shows a date and
    /// the number cannot be one.
    func text(_ value: Double, date1904: Bool) -> String? {
        guard value.isFinite else { return Self.general(value) }
        if isGeneral { return Self.general(value) }
        guard let (section, minus) = section(for: value) else { return Self.general(value) }
        let sign = minus ? "-" : ""
        switch section.body {
        case .empty: return ""
        case .general(let before, let after): return sign + before + Self.general(abs(value)) + after
        case .number(let layout): return sign + layout.text(abs(value))
        case .dateTime(let layout): return layout.text(value, date1904: date1904)
        case .text: return Self.general(value)
        }
    }

    /// The text a text cell shows: through the format's text section, if it has one.
    func text(of string: String) -> String {
        guard let textSection else { return string }
        return textSection.map { token in
            switch token {
            case .text, .general: string
            case .literal(let text): text
            case .letter(_, let written): String(written)
            default: ""
            }
        }.joined()
    }

    /// The section for `value`, and whether a minus sign goes before it. Without conditions: one
    /// section for all (a minus for negatives); two, for ≥ 0 and < 0; three, for > 0, < 0 and 0;
    /// a negative number's own section shows it without a minus (it writes its own, or brackets).
    /// With conditions, the first section whose condition holds, else the next one without a
    /// condition; a minus unless the section is one for negatives only (`[<0]`).
    private func section(for value: Double) -> (Section, Bool)? {
        guard let first = sections.first else { return nil }
        let conditional = sections.prefix(2).contains { $0.condition != nil }
        if !conditional {
            switch sections.count {
            case 1: return (first, value < 0)
            case 2: return value >= 0 ? (first, false) : (sections[1], false)
            default: return value > 0 ? (first, false) : value < 0 ? (sections[1], false) : (sections[2], false)
            }
        }
        let chosen =
            sections.first { $0.condition?.holds(for: value) == true }
            ?? sections.first { $0.condition == nil } ?? sections[sections.count - 1]
        let forNegatives = chosen.condition.map { ($0.comparison == .less || $0.comparison == .lessOrEqual) && $0.value <= 0 } ?? false
        return (chosen, value < 0 && !forNegatives)
    }

    /// As Excel's General format shows a number: integers whole, others to 15 significant digits,
    /// a comma before the fraction (a Russian sheet shows `4,5`); a small number in full while that
    /// fits General's eleven characters (`0,00001`), else in scientific notation (`1E-10`).
    static func general(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let scientific = String(format: "%.15G", value)
        if scientific.contains("E-"), let written = Decimal(string: scientific) {
            let plain = "\(written)"
            if plain.count <= 11 { return plain.replacingOccurrences(of: ".", with: ",") }
        }
        return scientific.replacingOccurrences(of: ".", with: ",")
    }

    /// Serial day numbers: 1 is 1900-01-01 and 60 the 29 February 1900 Excel believes in (a day
    /// that never was: no date); in the 1904 system 0 is 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> CivilDate? {
        let day = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            guard day >= 0, day <= 2_957_003 else { return nil }
            days = day - 24_107
        } else {
            guard day >= 1, day != 60, day <= 2_958_465 else { return nil }
            days = day < 60 ? day - 25_568 : day - 25_569
        }
        return CivilDate(daysSinceEpoch: days)
    }

    /// The serial day number of an ISO 8601 date and time (`2023-01-20`, `2023-01-20T10:30:00Z`,
    /// `10:30:00`, `1899-12-30T10:30:00`), as a `t="d"` cell holds it; nil when the text is not one.
    static func serial(iso text: String, date1904: Bool) -> Double? {
        var date = Substring(text)
        var time: Substring = ""
        if let t = text.firstIndex(of: "T") {
            date = text[..<t]
            time = text[text.index(after: t)...]
        } else if text.contains(":") {
            date = ""
            time = Substring(text)
        }
        var serial = 0.0
        // A time alone is written on the day before serial 1 (`1899-12-30T06:00:00`, or the 31st).
        if !date.isEmpty && date != "1899-12-30" && date != "1899-12-31" {
            guard let civil = CivilDate(iso: String(date)) else { return nil }
            let days = civil.daysSinceEpoch
            serial = Double(date1904 ? days + 24_107 : (days < -25_508 ? days + 25_568 : days + 25_569))
        }
        let clock = time.prefix { $0 != "Z" && $0 != "+" && $0 != "-" }.split(separator: ":")
        if !clock.isEmpty {
            guard clock.count >= 2, let h = Double(clock[0]), let m = Double(clock[1]) else { return nil }
            let s = clock.count > 2 ? Double(clock[2]) ?? 0 : 0
            serial += (h * 3600 + m * 60 + s) / 86_400
        }
        return serial
    }
}
