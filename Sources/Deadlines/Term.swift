import Domain
import Foundation

/// What a roadmap `Срок` means (SPEC §3).
public enum Term: Equatable, Sendable {
    /// Due on a date: `Декабрь 2022 г.` (the month's last day), `до 30 января 2023 года`, `30.01.2023`.
    case due(CivilDate)
    /// A window, due at its end: `20 - 25 января 2023 г.`, `Май –июнь 2023 г.`. Doing it before the
    /// window opens still counts as on time.
    case window(from: CivilDate, to: CivilDate)
    /// `Ежеквартально`: due at each quarter's end.
    case quarterly
    /// `1 раз в полугодие`: due on 30 June and 31 December.
    case halfYearly
    /// `В течение года`: at least once by the last day of the model's first year.
    case firstYear
    /// `В течение всего периода …`, `В соответствии с …`, empty: never overdue.
    case ongoing
}

/// Reads the Russian deadline texts of the order, as written there and in their usual variants:
/// month names in nominative and genitive case, `г.`/`года`, any dash with or without spaces,
/// `до`/`в срок до`, ISO and `ДД.ММ.ГГГГ` dates. Returns nil for a text it does not understand.
public enum TermParser {
    static let months: [String: Int] = {
        let nominative = [
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
        ]
        let genitive = [
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
        ]
        var map: [String: Int] = [:]
        for (i, name) in nominative.enumerated() { map[name] = i + 1 }
        for (i, name) in genitive.enumerated() { map[name] = i + 1 }
        return map
    }()

    public static func parse(_ text: String) -> Term? {
        let key = normalize(text)
        if key.isEmpty { return .ongoing }
        for prefix in ["в течение всего периода", "в течение периода", "в соответствии с", "постоянно"] where key.hasPrefix(prefix) {
            return .ongoing
        }
        switch key {
        case "в течение года", "в течение первого года": return .firstYear
        case "ежеквартально", "1 раз в квартал", "раз в квартал", "один раз в квартал": return .quarterly
        case "1 раз в полугодие", "раз в полугодие", "один раз в полугодие", "ежеполугодно": return .halfYearly
        default: break
        }
        var words = key.split(separator: " ").map(String.init)
        for prefix in [["в", "срок", "до"], ["не", "позднее"], ["до"]] where words.starts(with: prefix) {
            words.removeFirst(prefix.count)
            break
        }
        if let last = words.last, ["г.", "г", "года", "год"].contains(last) { words.removeLast() }
        return dates(words)
    }

    /// The date patterns, on words with dashes already joined: `2023-01-30`, `30.01.2023`,
    /// `январь 2023`, `май-июнь 2023`, `30 января 2023`, `20-25 января 2023`.
    private static func dates(_ words: [String]) -> Term? {
        if words.count == 1, let date = CivilDate(iso: words[0]) ?? dotted(words[0]) { return .due(date) }
        guard words.count >= 2, let year = Int(words.last!), (2000...2100).contains(year) else { return nil }
        let month = words[words.count - 2]
        switch words.count {
        case 2:
            if let m = months[month] { return .due(CivilDate(year: year, month: m, day: 1)!.endOfMonth()) }
            let pair = month.split(separator: "-", omittingEmptySubsequences: false).map { months[String($0)] }
            if pair.count == 2, let first = pair[0], let second = pair[1], first < second {
                return .window(
                    from: CivilDate(year: year, month: first, day: 1)!, to: CivilDate(year: year, month: second, day: 1)!.endOfMonth())
            }
        case 3:
            guard let m = months[month] else { return nil }
            let days = words[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            if days.count == 1, let d = days[0] { return CivilDate(year: year, month: m, day: d).map(Term.due) }
            if days.count == 2, let d1 = days[0], let d2 = days[1], let from = CivilDate(year: year, month: m, day: d1),
                let to = CivilDate(year: year, month: m, day: d2), from < to
            {
                return .window(from: from, to: to)
            }
        default: break
        }
        return nil
    }

    private static func dotted(_ text: String) -> CivilDate? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Lowercase, `ё` → `е`, every dash → `-` with no spaces around it, single spaces, no trailing
    /// dot after the year.
    static func normalize(_ text: String) -> String {
        var s = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        for dash in ["–", "—", "‒", "―", "−", "‐", "‑"] { s = s.replacingOccurrences(of: dash, with: "-") }
        s = s.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(separator: " ")
        s = s.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-").replacingOccurrences(of: "- ", with: "-")
        s = s.replacingOccurrences(of: #"([0-9]{4})г"#, with: "$1 г", options: .regularExpression)  // «2023г.»
        while s.hasSuffix(".") && !s.hasSuffix("г.") { s.removeLast() }
        return s
    }
}
