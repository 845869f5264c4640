import Domain
import Foundation

/// How a cell's number is shown, as far as a school's data needs it: the text a person saw in the
/// cell is what the validator reads, as if the sheet had been saved as CSV.
enum NumberFormat: Equatable {
    case general
    /// A date (and perhaps a time): `ДД.ММ.ГГГГ`.
    case date(withTime: Bool)
    /// A time of day only: `ЧЧ:ММ`.
    case time
    /// Digits laid out by a pattern of `0` and `#` with separators, as a СНИЛС column formatted
    /// `000-000-000 00` (a number keeps its leading zeros only this way).
    case digits(pattern: [Character])

    /// Excel's built-in formats (ECMA-376 §18.8.30) that show dates or times.
    init(builtIn id: Int) {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: self = .date(withTime: false)
        case 22: self = .date(withTime: true)
        case 18...21, 32, 33, 45...47: self = .time
        default: self = .general
        }
    }

    /// A custom format code: `dd/mm/yyyy`, `ДД.ММ.ГГГГ`, `[$-419]d mmmm yyyy`, `000\-000\-000\ 00`.
    /// Only the first section (positive numbers) matters; quoted text, escaped characters and
    /// `[…]` (locale, colour, condition) are not format letters.
    init(code: String) {
        var letters: [Character] = []
        var pattern: [Character] = []
        var iterator = code.makeIterator()
        var elapsed = false
        characters: while let c = iterator.next() {
            switch c {
            case ";": break characters
            case "\"":
                while let q = iterator.next(), q != "\"" { pattern.append(q) }
            case "\\":
                if let escaped = iterator.next() { pattern.append(escaped) }
            case "[":
                var inside = ""
                while let b = iterator.next(), b != "]" { inside.append(b) }
                if ["h", "m", "s"].contains(inside.lowercased().first ?? " ") { elapsed = true }
            default:
                letters.append(contentsOf: c.lowercased())
                pattern.append(c)
            }
        }
        let isDate = letters.contains { "dyдг".contains($0) }
        let isTime = elapsed || letters.contains { "hsчс".contains($0) }
        if isDate {
            self = .date(withTime: isTime)
        } else if isTime {
            self = .time
        } else if pattern.contains("0") && pattern.allSatisfy({ "0#- ".contains($0) }) {
            self = .digits(pattern: pattern)
        } else {
            self = .general
        }
    }

    /// The text a cell holding the number `raw` (as stored: `11223344595`, `4.5`, `45123`) shows
    /// in this format; nil when the number cannot be a date.
    func text(_ raw: String, date1904: Bool) -> String? {
        guard let value = Double(raw), value.isFinite else { return raw }
        switch self {
        case .general:
            return Self.general(value)
        case .date(let withTime):
            guard let date = Self.date(serial: value, date1904: date1904) else { return nil }
            let time = Self.time(value)
            return withTime && time != "00:00" ? date.russian + " " + time : date.russian
        case .time:
            return Self.time(value)
        case .digits(let pattern):
            guard value >= 0, value < 1e15, value == value.rounded() else { return Self.general(value) }
            var digits = Array(String(Int64(value)))
            let places = pattern.count { $0 == "0" || $0 == "#" }
            let zeros = pattern.count { $0 == "0" }
            guard digits.count <= places else { return Self.general(value) }
            if digits.count < zeros { digits.insert(contentsOf: repeatElement("0", count: zeros - digits.count), at: 0) }
            // Digits fill the placeholders from the right; separators stay where they stand.
            var out: [Character] = []
            var next = digits.count - 1
            for c in pattern.reversed() {
                if c == "0" || c == "#" {
                    if next >= 0 {
                        out.append(digits[next])
                        next -= 1
                    }
                } else if next >= 0 {
                    out.append(c)
                }
            }
            return String(out.reversed())
        }
    }

    /// As Excel's General format shows a number: integers whole, others to 15 significant digits,
    /// a comma before the fraction (a Russian sheet shows `4,5`).
    static func general(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value).replacingOccurrences(of: ".", with: ",")
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

    static func time(_ serial: Double) -> String {
        let minutes = Int(((serial - serial.rounded(.down)) * 1_440).rounded()) % 1_440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
