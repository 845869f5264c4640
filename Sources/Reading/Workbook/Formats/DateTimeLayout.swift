import Domain

/// A section that shows a serial day number as a date, a time, or both. A date is shown the way
/// the validator reads dates, `ДД.ММ.ГГГГ`, whatever the format spells out (`d mmmm yyyy`,
/// `mm/dd/yy`): a school's date column reads the same from every writer. A time is shown as the
/// format lays it out, as Excel does: rounded to the second (or to the fraction of one it shows),
/// then cut to the smallest unit shown, never rounded up to it (`23:33:36` under `hh:mm` is
/// `23:33`); elapsed units (`[h]:mm:ss`) count whole days too.
struct DateTimeLayout {
    /// A run of one letter (`yyyy`, `mm`), or another token.
    enum Part: Equatable {
        case year, month, day
        case hour(width: Int)
        case minute(width: Int)
        case second(width: Int)
        /// `.0`, `.00`: tenths, hundredths of a second.
        case subsecond(digits: Int)
        case meridiem(String)
        case elapsed(Character, width: Int)
        case literal(String)

        var isTime: Bool {
            switch self {
            case .hour, .minute, .second, .subsecond, .meridiem, .elapsed: true
            default: false
            }
        }
    }

    let parts: [Part]
    let showsDate: Bool
    let showsTime: Bool
    /// Digits of a second shown (0: whole seconds).
    private let subsecondDigits: Int
    private let twelveHours: Bool

    /// A section is a date or time when it has their letters and no digits of a number (the
    /// zeros of `ss.00` excepted).
    static func isDateTime(_ tokens: [FormatToken]) -> Bool {
        var hasLetters = false
        for (i, token) in tokens.enumerated() {
            switch token {
            case .letter, .meridiem, .elapsed: hasLetters = true
            case .placeholder(UInt8(ascii: "0")):
                guard i > 0, tokens[i - 1] == .point || tokens[i - 1] == .placeholder(UInt8(ascii: "0")) else { return false }
            case .placeholder: return false
            default: break
            }
        }
        return hasLetters
    }

    init(_ tokens: [FormatToken]) {
        var parts: [Part] = []
        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case .letter(let letter, _):
                var width = 1
                while i + width < tokens.count, case .letter(letter, _) = tokens[i + width] { width += 1 }
                i += width
                switch letter {
                case "y": parts.append(.year)
                case "d": parts.append(.day)
                case "h": parts.append(.hour(width: width))
                case "s": parts.append(.second(width: width))
                default: parts.append(Self.isMinute(at: parts.count, in: parts, following: tokens[i...]) ? .minute(width: width) : .month)
                }
                continue
            case .point where i + 1 < tokens.count && tokens[i + 1] == .placeholder(UInt8(ascii: "0")):
                var digits = 0
                while i + 1 + digits < tokens.count, tokens[i + 1 + digits] == .placeholder(UInt8(ascii: "0")) { digits += 1 }
                parts.append(.subsecond(digits: min(digits, 3)))
                i += 1 + digits
                continue
            case .meridiem(let text): parts.append(.meridiem(text))
            case .elapsed(let unit, let width): parts.append(.elapsed(unit, width: width))
            case .literal(let text): parts.append(.literal(text))
            case .point: parts.append(.literal("."))
            case .comma: parts.append(.literal(","))
            case .slash: parts.append(.literal("/"))
            case .percent: parts.append(.literal("%"))
            case .placeholder(let p): parts.append(.literal(String(UnicodeScalar(p))))
            case .exponent, .general, .text: break
            }
            i += 1
        }
        self.parts = parts
        showsDate = parts.contains { $0 == .year || $0 == .month || $0 == .day }
        showsTime = parts.contains(where: \.isTime)
        subsecondDigits = parts.lazy.compactMap { if case .subsecond(let d) = $0 { d } else { nil } }.first ?? 0
        twelveHours = parts.contains { if case .meridiem = $0 { true } else { false } }
    }

    /// `m` is minutes right after hours or right before seconds (literals between), else a month.
    private static func isMinute(at index: Int, in parts: [Part], following: ArraySlice<FormatToken>) -> Bool {
        if let previous = parts.last(where: { if case .literal = $0 { false } else { true } }) {
            switch previous {
            case .hour, .elapsed("h", _): return true
            default: break
            }
        }
        for token in following {
            switch token {
            case .letter("s", _), .elapsed("s", _): return true
            case .literal, .point, .comma, .slash: continue
            default: return false
            }
        }
        return false
    }

    /// The text of serial day number `serial`; nil when a date is shown and the number cannot be
    /// one.
    func text(_ serial: Double, date1904: Bool) -> String? {
        // Rounded to what is shown of a second, in units of 1/1000 s.
        let unit = [1000, 100, 10, 1][subsecondDigits]
        let millis = (serial * 86_400_000 / Double(unit)).rounded() * Double(unit)
        guard millis.isFinite, abs(millis) < 1e18 else { return nil }
        let total = Int(millis)
        if showsDate {
            guard serial >= 0, let date = NumberFormat.date(serial: Double(total.floorDivided(by: 86_400_000)), date1904: date1904) else {
                return nil
            }
            guard showsTime else { return date.russian }
            let time = layOut(total, from: parts.firstIndex(where: \.isTime)!, to: parts.lastIndex(where: \.isTime)!, elapsedDays: false)
            return total % 86_400_000 < smallestUnitShown ? date.russian : date.russian + " " + time
        }
        guard total >= 0 else { return nil }
        return layOut(total, from: 0, to: parts.count - 1, elapsedDays: true)
    }

    /// Of the time of day, the part a shown time of zero stands for: a date whose time shows as
    /// `00:00` is shown as a date alone.
    private var smallestUnitShown: Int {
        if subsecondDigits > 0 { return [1000, 100, 10, 1][subsecondDigits] }
        if parts.contains(where: { if case .second = $0 { true } else if case .elapsed("s", _) = $0 { true } else { false } }) {
            return 1000
        }
        if parts.contains(where: { if case .minute = $0 { true } else if case .elapsed("m", _) = $0 { true } else { false } }) {
            return 60_000
        }
        return 3_600_000
    }

    private func layOut(_ millis: Int, from first: Int, to last: Int, elapsedDays: Bool) -> String {
        let ofDay = millis % 86_400_000
        let hours = ofDay / 3_600_000
        let minutes = ofDay / 60_000 % 60
        let seconds = ofDay / 1000 % 60
        var out = ""
        for part in parts[first...last] {
            switch part {
            case .year, .month, .day: break
            case .hour(let width):
                let shown = twelveHours ? (hours % 12 == 0 ? 12 : hours % 12) : hours
                out += Self.padded(shown, width)
            case .minute(let width): out += Self.padded(minutes, width)
            case .second(let width): out += Self.padded(seconds, width)
            case .subsecond(let digits):
                out += "," + String(Self.padded(millis % 1000, 3).prefix(digits))
            case .meridiem(let text):
                let pm = hours >= 12
                out += String(pm ? text.suffix(text.count > 3 ? 2 : 1) : text.prefix(text.count > 3 ? 2 : 1))
            case .elapsed(let unit, let width):
                let whole = elapsedDays ? millis : ofDay
                let count =
                    switch unit {
                    case "h": whole / 3_600_000
                    case "m": whole / 60_000
                    default: whole / 1000
                    }
                out += Self.padded(count, width)
            case .literal(let text): out += text
            }
        }
        return out
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return width >= 2 && digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let q = self / divisor
        return self % divisor < 0 ? q - 1 : q
    }
}
