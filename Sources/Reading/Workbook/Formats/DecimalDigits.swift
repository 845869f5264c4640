import Foundation

/// A number's decimal digits as a spreadsheet keeps them (15 significant), rounded for display as
/// Excel rounds: in decimal, half away from zero (2.675 to two places is 2.68, though the double
/// nearest 2.675 lies below it).
struct DecimalDigits {
    /// The integer part's digits without leading zeros (empty for a number below 1), ASCII.
    var integer: [UInt8]
    /// Exactly `places` digits of the fraction, ASCII.
    var fraction: [UInt8]

    /// `value` (≥ 0, finite) rounded to `places` decimals.
    init(_ value: Double, places: Int) {
        // "d.dddddddddddddde±x": fifteen significant digits, correctly rounded from the double.
        let text = Array(String(format: "%.14e", value).utf8)
        let e = text.firstIndex(of: UInt8(ascii: "e"))!
        var digits = [text[0]] + text[2..<e]
        var point = Int(String(decoding: text[(e + 1)...], as: UTF8.self))! + 1
        let cut = point + places
        if cut < digits.count {
            let roundUp = cut >= 0 && digits[cut] >= UInt8(ascii: "5")
            digits = cut > 0 ? Array(digits[..<cut]) : []
            if roundUp {
                var i = digits.count - 1
                while i >= 0 && digits[i] == UInt8(ascii: "9") {
                    digits[i] = UInt8(ascii: "0")
                    i -= 1
                }
                if i >= 0 {
                    digits[i] += 1
                } else {
                    // 9.99 → 10.0, or 0.006 → 0.01 when nothing was kept: a digit more in front.
                    digits.insert(UInt8(ascii: "1"), at: 0)
                    point += 1
                }
            } else if cut <= 0 {
                point = 0
            }
        }
        if point < 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point), at: 0)
            point = 0
        }
        if digits.count < point + places { digits += repeatElement(UInt8(ascii: "0"), count: point + places - digits.count) }
        integer = Array(digits[..<point].drop { $0 == UInt8(ascii: "0") })
        fraction = Array(digits[point..<(point + places)])
    }
}
