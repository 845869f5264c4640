import Domain
import Foundation

/// A section that lays out a number with digit placeholders: fixed decimals (`0.00`), thousands
/// separators (`#,##0`) and scaling (`0,` in thousands), percent, scientific notation, fractions
/// (`# ?/?`), and literal text around and between the digits (`000-000-000 00`). Shown the
/// Russian way: a decimal comma and a no-break space between thousands; the format's own
/// characters as written (`0.0%` shows `93,8%`, `0.0 %` shows `93,8 %`).
struct NumberLayout {
    let tokens: [FormatToken]
    /// Indices of the placeholders before the point (or all, without one), after it, in the
    /// exponent, and of a fraction's numerator and denominator.
    private var integer: [Int] = []
    private var decimals: [Int] = []
    private var exponentDigits: [Int] = []
    private var numerator: [Int] = []
    private var denominator: [Int] = []
    /// A fraction's denominator written as a number (`?/8`).
    private var fixedDenominator: Int?
    private var grouping = false
    /// Commas that divide by 1,000 rather than separate thousands.
    private var scaling: Set<Int> = []
    private var percents = 0
    private var exponent: Int?
    private var slash: Int?
    /// The point that is the number's own (a second one is a literal).
    private var point: Int?

    init(_ tokens: [FormatToken]) {
        self.tokens = tokens
        exponent = tokens.firstIndex { if case .exponent = $0 { true } else { false } }
        slash = tokens.firstIndex(of: .slash)
        let end = exponent ?? tokens.count
        point = tokens[..<end].firstIndex(of: .point)
        percents = tokens.count(where: { $0 == .percent })
        let placeholders = tokens.indices.filter { if case .placeholder = tokens[$0] { true } else { false } }
        if let slash {
            // Denominator: the digits right after the slash; numerator: the run of placeholders
            // right before it; the integer part: placeholders before that.
            var i = slash + 1
            var written = ""
            while i < tokens.count {
                if case .placeholder(let p) = tokens[i] {
                    denominator.append(i)
                    written.append(Character(Unicode.Scalar(p)))
                } else if case .literal(let text) = tokens[i], text.count == 1, text.first!.isASCII, text.first!.isNumber {
                    written += text
                } else {
                    break
                }
                i += 1
            }
            if written.contains(where: { ("1"..."9").contains($0) }) { fixedDenominator = Int(written.filter(\.isNumber)) }
            var j = slash - 1
            while j >= 0, case .placeholder = tokens[j] {
                numerator.insert(j, at: 0)
                j -= 1
            }
            integer = placeholders.filter { $0 < j + 1 }
        } else {
            integer = placeholders.filter { $0 < (point ?? end) }
            decimals = placeholders.filter { $0 > (point ?? end) && $0 < end }
            exponentDigits = placeholders.filter { $0 > end }
        }
        // A comma between two placeholders of the integer part groups thousands; one after the
        // last digit of the number (`0,` `0.0,,`) divides by 1,000.
        let digits = integer + decimals
        if let first = digits.first, let last = digits.last {
            for i in tokens.indices where tokens[i] == .comma {
                if i > first, i < (integer.last ?? first) {
                    grouping = true
                } else if i > last, i < end, slash == nil {
                    scaling.insert(i)
                }
            }
        }
    }

    /// The text of `value` (≥ 0: the sign is the section's business).
    func text(_ value: Double) -> String {
        let value = value * pow(100, Double(percents)) / pow(1000, Double(scaling.count))
        var shown: [Int: String] = [:]
        var power = 0
        if slash != nil {
            layOutFraction(value, into: &shown)
        } else if exponent != nil {
            power = layOutScientific(value, into: &shown)
        } else {
            layOut(DecimalDigits(value, places: decimals.count), into: &shown)
        }
        var out = ""
        for (i, token) in tokens.enumerated() {
            switch token {
            case .placeholder: out += shown[i] ?? ""
            case .point: out += i == point ? "," : "."
            case .comma: out += grouping || scaling.contains(i) ? "" : ","
            case .percent: out += "%"
            case .exponent(let showPlus): out += "E" + (power < 0 ? "-" : showPlus ? "+" : "")
            case .slash: out += shown[i] ?? "/"
            case .literal(let text): out += text
            case .letter(_, let written): out.append(written)
            case .meridiem(let text): out += text
            case .general, .text, .elapsed: break
            }
        }
        return out
    }

    /// Integer digits right to left into their placeholders (the leftmost takes any more there
    /// are), the fraction's left to right (trailing zeros dropped under `#`, spaces under `?`).
    private func layOut(_ digits: DecimalDigits, into shown: inout [Int: String]) {
        layOutInteger(digits.integer, into: &shown)
        let significant = (digits.fraction.lastIndex { $0 != UInt8(ascii: "0") } ?? -1) + 1
        for (k, index) in decimals.enumerated() {
            shown[index] = k < significant ? String(UnicodeScalar(digits.fraction[k])) : Self.filler(tokens[index])
        }
    }

    private func layOutInteger(_ digits: [UInt8], into shown: inout [Int: String]) {
        guard !integer.isEmpty else { return }
        if grouping {
            let zeros = integer.count { tokens[$0] == .placeholder(UInt8(ascii: "0")) }
            let padded = Array(repeating: UInt8(ascii: "0"), count: max(0, zeros - digits.count)) + digits
            var text = ""
            for (k, digit) in padded.enumerated() {
                if k > 0 && (padded.count - k) % 3 == 0 { text += RussianNumbers.space }
                text.append(Character(UnicodeScalar(digit)))
            }
            shown[integer[0]] = text
            return
        }
        var remaining = digits[...]
        for index in integer.reversed() {
            if let digit = remaining.popLast() {
                shown[index] = String(UnicodeScalar(digit))
            } else {
                shown[index] = Self.filler(tokens[index])
            }
        }
        if !remaining.isEmpty { shown[integer[0]] = String(decoding: remaining, as: UTF8.self) + (shown[integer[0]] ?? "") }
    }

    /// What a placeholder shows where there is no digit.
    private static func filler(_ token: FormatToken) -> String {
        switch token {
        case .placeholder(UInt8(ascii: "0")): "0"
        case .placeholder(UInt8(ascii: "?")): " "
        default: ""
        }
    }

    /// Mantissa into the placeholders, the exponent's digits into theirs; returns the exponent.
    /// With more than one integer placeholder and a `#` among them (`##0.0E+0`), the exponent is
    /// a multiple of their number.
    private func layOutScientific(_ value: Double, into shown: inout [Int: String]) -> Int {
        let width = max(integer.count, 1)
        let engineering = integer.count > 1 && integer.contains { tokens[$0] == .placeholder(UInt8(ascii: "#")) }
        func power(_ magnitude: Int) -> Int {
            engineering ? Int((Double(magnitude) / Double(width)).rounded(.down)) * width : magnitude - (width - 1)
        }
        var e = value == 0 ? 0 : power(Int(log10(value).rounded(.down)))
        var mantissa = DecimalDigits(value / pow(10, Double(e)), places: decimals.count)
        if value != 0 && mantissa.integer.count > width {
            // 9.99 rounded to 10.0: one power more.
            e = power(Int(log10(value).rounded(.down)) + 1)
            mantissa = DecimalDigits(value / pow(10, Double(e)), places: decimals.count)
        }
        layOut(mantissa, into: &shown)
        var digits = Array(String(abs(e)).utf8)
        if digits.count < exponentDigits.count {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponentDigits.count - digits.count), at: 0)
        }
        var remaining = digits[...]
        for index in exponentDigits.reversed() { shown[index] = remaining.popLast().map { String(UnicodeScalar($0)) } ?? "" }
        if let first = exponentDigits.first, !remaining.isEmpty {
            shown[first] = String(decoding: remaining, as: UTF8.self) + (shown[first] ?? "")
        }
        return e
    }

    /// `# ?/?`: a whole part and the closest fraction whose denominator has as many digits as the
    /// placeholders (or is the one written, `?/8`); without a whole part, the numerator takes it.
    private func layOutFraction(_ value: Double, into shown: inout [Int: String]) {
        var whole = integer.isEmpty ? 0 : value.rounded(.down)
        var (top, bottom) = Self.closest(
            value - whole, maxDenominator: fixedDenominator ?? (Int(pow(10, Double(max(denominator.count, 1)))) - 1),
            fixed: fixedDenominator != nil)
        if top == bottom && !integer.isEmpty {
            whole += 1
            top = 0
        }
        layOutInteger(whole > 0 || top == 0 ? Array(String(format: "%.0f", whole).utf8) : [], into: &shown)
        if top == 0 && !integer.isEmpty {
            // A whole number: blanks where the fraction would be.
            for index in numerator + denominator { shown[index] = " " }
            for i in tokens.indices where tokens[i] == .slash { shown[i] = " " }
            return
        }
        var digits = Array(String(top).utf8)[...]
        for index in numerator.reversed() {
            shown[index] = digits.popLast().map { String(UnicodeScalar($0)) } ?? Self.filler(tokens[index])
        }
        if let first = numerator.first, !digits.isEmpty { shown[first] = String(decoding: digits, as: UTF8.self) + (shown[first] ?? "") }
        if fixedDenominator != nil {
            for index in denominator { shown[index] = Self.filler(tokens[index]) }
        } else {
            var below = Array(String(bottom).utf8)[...]
            for index in denominator {
                shown[index] = below.popFirst().map { String(UnicodeScalar($0)) } ?? Self.filler(tokens[index])
            }
            if let last = denominator.last, !below.isEmpty { shown[last] = (shown[last] ?? "") + String(decoding: below, as: UTF8.self) }
        }
    }

    /// The fraction nearest `value` with a denominator up to `maxDenominator` (or exactly it).
    static func closest(_ value: Double, maxDenominator: Int, fixed: Bool) -> (Int, Int) {
        if fixed { return (Int((value * Double(maxDenominator)).rounded()), maxDenominator) }
        var best = (Int(value.rounded()), 1)
        var bestError = abs(value - Double(best.0))
        for bottom in 2...max(maxDenominator, 2) where bottom <= maxDenominator {
            let top = Int((value * Double(bottom)).rounded())
            let error = abs(value - Double(top) / Double(bottom))
            if error < bestError - 1e-12 {
                best = (top, bottom)
                bestError = error
            }
        }
        return best
    }
}
