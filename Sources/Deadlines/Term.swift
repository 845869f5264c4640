import Domain
import Foundation

/// What a roadmap `Срок` means (SPEC §3, and the forms other districts' roadmaps use).
public enum Term: Equatable, Sendable {
    /// Due on a date: `Декабрь 2022 г.` (the month's last day), `до 30 января 2023 года`, `30.01.2023`.
    case due(CivilDate)
    /// A window, due at its end: `20 - 25 января 2023 г.`, `Май –июнь 2023 г.`, `I квартал 2023 г.`,
    /// `в течение 2023 года`, `2023-2024 учебный год`. Doing it before the window opens still counts
    /// as on time.
    case window(from: CivilDate, to: CivilDate)
    /// Due on each of these days every year, a period running from the day after the one before:
    /// `Ежеквартально`, `1 раз в полугодие`, `ежемесячно`, `ежегодно до 25 мая`, `август, январь`.
    case recurring([DueDay])
    /// `Еженедельно`, `1 раз в неделю`: due every week, Monday to Sunday.
    case weekly
    /// `В течение года`: at least once by the last day of the model's first year.
    case firstYear
    /// `В течение всего периода …`, `В соответствии с …`, `постоянно`, `по мере необходимости`,
    /// empty: never overdue.
    case ongoing

    /// At each quarter's end.
    public static let quarterly = Term.recurring([3, 6, 9, 12].map { DueDay(month: $0) })
    /// On 30 June and 31 December.
    public static let halfYearly = Term.recurring([6, 12].map { DueDay(month: $0) })
    public static let monthly = Term.recurring((1...12).map { DueDay(month: $0) })
    /// On 31 December.
    public static let yearly = Term.recurring([DueDay(month: 12)])
}

/// A day of the year something recurring is due: a month's last day, or a given day of it.
public struct DueDay: Equatable, Sendable, Comparable {
    public var month: Int
    /// nil: the month's last day.
    public var day: Int?

    public init(month: Int, day: Int? = nil) {
        self.month = month
        self.day = day
    }

    /// This day in `year` (29 February in a year without one is the 28th).
    public func date(in year: Int) -> CivilDate {
        let end = CivilDate(year: year, month: month, day: 1)!.endOfMonth()
        return day.map { CivilDate(year: year, month: month, day: min($0, end.day))! } ?? end
    }

    public static func < (a: DueDay, b: DueDay) -> Bool { (a.month, a.day ?? 31) < (b.month, b.day ?? 31) }
}

/// Reads the Russian deadline texts of district and school roadmaps, as written there and in their
/// usual variants: case, any dash with or without spaces, `г.`/`гг.`/`года`, extra spaces, month
/// names in the nominative, genitive and prepositional, Roman or Arabic quarters. Returns nil for a
/// text it does not understand, or that could mean two things. README «Deadlines» gives the grammar.
public enum TermParser {
    static let monthNames: [[String]] = [
        ["январь", "января", "январе"], ["февраль", "февраля", "феврале"], ["март", "марта", "марте"],
        ["апрель", "апреля", "апреле"], ["май", "мая", "мае"], ["июнь", "июня", "июне"], ["июль", "июля", "июле"],
        ["август", "августа", "августе"], ["сентябрь", "сентября", "сентябре"], ["октябрь", "октября", "октябре"],
        ["ноябрь", "ноября", "ноябре"], ["декабрь", "декабря", "декабре"],
    ]
    static let months: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, names) in monthNames.enumerated() { for name in names { map[name] = i + 1 } }
        return map
    }()
    static let quarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    static let quarterWords: Set<String> = ["квартал", "квартала", "квартале", "кв"]

    /// Phrases that mean «never overdue», by how they begin.
    static let ongoingPrefixes = [
        "в течение всего периода", "в течение периода", "в соответствии с", "постоянно", "по мере необходимости", "по мере поступления",
        "регулярно", "систематически",
    ]
    static let recurringPhrases: [String: Term] = [
        "ежеквартально": .quarterly, "1 раз в квартал": .quarterly, "раз в квартал": .quarterly, "один раз в квартал": .quarterly,
        "по итогам квартала": .quarterly,
        "1 раз в полугодие": .halfYearly, "раз в полугодие": .halfYearly, "один раз в полугодие": .halfYearly, "ежеполугодно": .halfYearly,
        "по итогам полугодия": .halfYearly, "2 раза в год": .halfYearly,
        "ежемесячно": .monthly, "1 раз в месяц": .monthly, "раз в месяц": .monthly, "один раз в месяц": .monthly,
        "по итогам месяца": .monthly,
        "ежегодно": .yearly, "1 раз в год": .yearly, "раз в год": .yearly, "один раз в год": .yearly, "по итогам года": .yearly,
        "еженедельно": .weekly, "1 раз в неделю": .weekly, "раз в неделю": .weekly, "один раз в неделю": .weekly,
        "по итогам недели": .weekly,
    ]

    public static func parse(_ text: String) -> Term? {
        let key = normalize(text)
        if key.isEmpty { return .ongoing }
        if ongoingPrefixes.contains(where: key.hasPrefix) { return .ongoing }
        if key == "в течение года" || key == "в течение первого года" { return .firstYear }
        if let term = recurringPhrases[key] { return term }
        let words = key.split(separator: " ").map(String.init)
        if words.first == "ежегодно" { return yearly(Array(words.dropFirst())) }
        if let term = monthList(words) { return term }
        return oneOff(words)
    }

    /// `ежегодно до 25 мая`, `ежегодно в мае`, `ежегодно до 25.05`: due on that day every year.
    private static func yearly(_ words: [String]) -> Term? {
        var rest = words[...]
        while let first = rest.first, ["до", "в", "во", "не", "позднее", "срок"].contains(first) { rest.removeFirst() }
        switch rest.count {
        case 1:
            if let month = months[rest[rest.startIndex]] { return .recurring([DueDay(month: month)]) }
            let parts = rest[rest.startIndex].split(separator: ".").map { Int($0) }
            if parts.count == 2, let d = parts[0], let m = parts[1], CivilDate(year: 2024, month: m, day: d) != nil {
                return .recurring([DueDay(month: m, day: d)])
            }
        case 2:
            if let d = Int(rest[rest.startIndex]), let m = months[rest[rest.startIndex + 1]], CivilDate(year: 2024, month: m, day: d) != nil
            {
                return .recurring([DueDay(month: m, day: d)])
            }
        default: break
        }
        return nil
    }

    /// `август, январь`, `январь и июль`: due at the end of each of these months, every year.
    private static func monthList(_ words: [String]) -> Term? {
        let names = words.filter { $0 != "и" }
        guard names.count >= 2, words.count == names.count || words.count == 2 * names.count - 1 else { return nil }
        let listed = names.compactMap { months[$0] }
        guard listed.count == names.count, Set(listed).count == listed.count else { return nil }
        return .recurring(listed.sorted().map { DueDay(month: $0) })
    }

    /// A date, a span (month, quarter, year, academic year) or a window between two of them, with
    /// what comes before it: `до`, `в срок до`, `не позднее`, `до конца` (due at its end), `в течение`,
    /// `в`/`во` (the span itself), `с … по …` (a window).
    private static func oneOff(_ words: [String]) -> Term? {
        var words = words[...]
        var byEnd = false
        for prefix in [["в", "срок", "до"], ["не", "позднее"], ["до", "конца"], ["до"]] where words.starts(with: prefix) {
            words.removeFirst(prefix.count)
            byEnd = true
            break
        }
        if !byEnd {
            for prefix in [["в", "течение"], ["в"], ["во"]] where words.starts(with: prefix) {
                words.removeFirst(prefix.count)
                break
            }
        }
        let text = words.joined(separator: " ")
        if let academic = academicYear(Array(words)) { return byEnd ? .due(academic.to) : .window(from: academic.from, to: academic.to) }
        var halves: [String]
        if words.first == "с", let by = words.firstIndex(of: "по") {
            halves = [words[(words.startIndex + 1)..<by].joined(separator: " "), words[(by + 1)...].joined(separator: " ")]
        } else if words.count == 1, CivilDate(iso: text) != nil {
            halves = [text]
        } else {
            halves = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard halves.count == 1 || halves.count == 2 else { return nil }
        var spans = halves.map { Partial($0.split(separator: " ").map(String.init)) }
        guard spans.allSatisfy({ $0 != nil }) else { return nil }
        if spans.count == 2 { spans[0] = spans[0]!.completed(by: spans[1]!) }
        let resolved = spans.compactMap { $0?.span }
        guard resolved.count == spans.count else { return nil }
        if resolved.count == 2 {
            guard resolved[0].from < resolved[1].to, resolved[0].to <= resolved[1].to else { return nil }
            return byEnd ? .due(resolved[1].to) : .window(from: resolved[0].from, to: resolved[1].to)
        }
        let span = resolved[0]
        // A day, a month (SPEC: due on its last day), or «до …»: due; a quarter or a year: a window.
        if byEnd || span.from == span.to || spans[0]!.isMonth { return .due(span.to) }
        return .window(from: span.from, to: span.to)
    }

    /// `2023-2024 учебный год`, `2023/2024 учебного года`, `2023-2024 уч. год`: 1 September to 31 August.
    private static func academicYear(_ words: [String]) -> (from: CivilDate, to: CivilDate)? {
        guard words.count >= 2, words[1].hasPrefix("учебн") || words[1] == "уч" else { return nil }
        let years = words[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard years.count == 2, years[1] == years[0] + 1, (2000...2100).contains(years[0]) else { return nil }
        return (CivilDate(year: years[0], month: 9, day: 1)!, CivilDate(year: years[1], month: 8, day: 31)!)
    }

    /// One side of a span: what of day, month, quarter and year it names.
    struct Partial {
        var day: Int?
        var month: Int?
        var quarter: Int?
        /// A bare number before a dash (`1-2 квартал`, `20-25 января`): a day or a quarter, as the
        /// other side says.
        var number: Int?
        var year: Int?
        /// The year came with its word (`2023 г.`, `2023 года`): a year alone is a span only then.
        var namedYear = false
        var date: CivilDate?

        static let yearWords: Set<String> = ["г", "гг", "год", "года", "году", "годы", "годах"]

        init?(_ words: [String]) {
            var words = words[...]
            if words.count == 2, let last = words.last, Self.yearWords.contains(last), words[words.startIndex].contains(".") {
                words.removeLast()  // «01.09.2023 г.»
            }
            if words.count == 1, let date = CivilDate(iso: words[words.startIndex]) ?? dotted(words[words.startIndex]) {
                self.date = date
                return
            }
            if let last = words.last, let y = Int(last), (2000...2100).contains(y) {
                year = y
                words.removeLast()
            } else if let last = words.last, Self.yearWords.contains(last), words.count >= 2,
                let y = Int(words[words.endIndex - 2]), (2000...2100).contains(y)
            {
                year = y
                namedYear = true
                words.removeLast(2)
            }
            if let last = words.last, quarterWords.contains(last) {
                words.removeLast()
                guard words.count == 1, let q = quarters[words[words.startIndex]] else { return nil }
                quarter = q
                return
            }
            if let last = words.last, let m = months[last] {
                month = m
                words.removeLast()
            }
            if let first = words.first {
                guard words.count == 1 else { return nil }
                if let n = Int(first) {
                    if month != nil { day = n } else { number = n }
                } else if let q = quarters[first], year == nil, month == nil {
                    number = q
                } else {
                    return nil
                }
            }
            if day == nil && month == nil && year == nil && number == nil { return nil }
        }

        var isMonth: Bool { date == nil && day == nil && month != nil }

        /// The left side of a window takes what it leaves out from the right: `май-июнь 2023`,
        /// `20-25 января 2023`, `I-II квартал 2024`.
        func completed(by right: Partial) -> Partial {
            var left = self
            if left.date != nil { return left }
            left.year = left.year ?? right.year ?? right.date?.year
            left.namedYear = left.namedYear || right.namedYear
            if let n = left.number {
                if right.quarter != nil {
                    left.quarter = n
                } else if right.day != nil || right.month != nil {
                    left.day = n
                    left.month = left.month ?? right.month
                }
                left.number = nil
            }
            return left
        }

        var span: (from: CivilDate, to: CivilDate)? {
            if let date { return (date, date) }
            guard number == nil, let year else { return nil }
            if let quarter {
                let start = CivilDate(year: year, month: 3 * quarter - 2, day: 1)!
                return (start, start.endOfMonth(offset: 2))
            }
            if let month {
                if let day { return CivilDate(year: year, month: month, day: day).map { ($0, $0) } }
                let start = CivilDate(year: year, month: month, day: 1)!
                return (start, start.endOfMonth())
            }
            guard day == nil, namedYear else { return nil }
            return (CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year, month: 12, day: 31)!)
        }
    }

    private static func dotted(_ text: String) -> CivilDate? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Lowercase, `ё` → `е`, every dash → `-` with no spaces around it, single spaces, no commas, a
    /// word's trailing dot dropped (`г.`, `кв.`, `уч.`).
    static func normalize(_ text: String) -> String {
        var s = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        for dash in ["–", "—", "‒", "―", "−", "‐", "‑"] { s = s.replacingOccurrences(of: dash, with: "-") }
        s = s.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ":", with: " ")
        s = s.replacingOccurrences(of: #"([0-9]{4})(гг|г)\b"#, with: "$1 $2", options: .regularExpression)  // «2023г.»
        let words = s.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).map { word -> Substring in
            var word = word
            while word.count > 1 && word.hasSuffix(".") && !word.dropLast().contains(".") { word = word.dropLast() }
            return word
        }
        s = words.joined(separator: " ")
        s = s.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-").replacingOccurrences(of: "- ", with: "-")
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
