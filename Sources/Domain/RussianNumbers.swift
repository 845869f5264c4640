/// Numbers as a Russian report writes them: thousands apart by a (no-break) space, a decimal
/// comma, a space before `%`.
public enum RussianNumbers {
    public static let space = "\u{00A0}"

    /// `12 345`.
    public static func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += space }
            out.append(digit)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// `20,8` (one decimal).
    public static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "−" : "") + integer(abs(tenths) / 10) + "," + String(abs(tenths) % 10)
    }

    /// `20,8 %`.
    public static func percent(_ value: Double) -> String { decimal(value) + space + "%" }

    /// `+25`, `−3`, `0`.
    public static func signed(_ n: Int) -> String { n > 0 ? "+" + integer(n) : integer(n) }

    /// `(+20,8 %)` of a change from `old` to `new`; empty when `old` is 0.
    public static func relativeChange(from old: Int, to new: Int) -> String {
        guard old != 0, old != new else { return "" }
        let change = Double(new - old) / Double(old) * 100
        return " (" + (change > 0 ? "+" : "") + percent(change) + ")"
    }
}
