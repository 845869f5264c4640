import Testing

@testable import Reading

/// Number formats as a Russian Excel shows them: each row a format code, a value as the cell
/// stores it, and the text shown (a no-break space between thousands; a format's own characters,
/// `%` among them, as written).
struct NumberFormatTests {
    static let nbsp = "\u{00A0}"

    static let numbers: [(code: String, value: Double, shown: String)] = [
        // General and fixed decimals.
        ("General", 4.5, "4,5"),
        ("General", 0.30000000000000004, "0,3"),
        ("General", -12, "-12"),
        ("General", 1e20, "1E+20"),
        // General shows a small number in full while it fits Excel's eleven characters.
        ("General", 0.00001, "0,00001"),
        ("General", 0.0001234, "0,0001234"),
        ("General", -0.000005, "-0,000005"),
        ("General", 1e-10, "1E-10"),
        ("General", 1.23456789e-7, "1,23456789E-07"),
        // A format code given as empty is General.
        ("", 4.5, "4,5"),
        ("", 12, "12"),
        ("0", 2.5, "3"),
        ("0", -2.5, "-3"),
        ("0.00", 2.675, "2,68"),
        ("0.00", 0.006, "0,01"),
        ("0.00", 0.004, "0,00"),
        ("0.0", 9.96, "10,0"),
        ("#.##", 1, "1,"),
        ("#.##", 0.5, ",5"),
        ("0.0#", 1.5, "1,5"),
        ("0.???", 1.5, "1,5  "),
        ("00000", 42, "00042"),
        // Thousands and scaling.
        ("#,##0", 1_234_567.891, "1\(nbsp)234\(nbsp)568"),
        ("#,##0.00", 1234.5, "1\(nbsp)234,50"),
        ("#,##0", 0, "0"),
        ("#,##0,", 1_234_567, "1\(nbsp)235"),
        ("0.0,,", 12_345_678, "12,3"),
        // Percent.
        ("0%", 0.5, "50%"),
        ("0.0%", 0.9375, "93,8%"),
        ("0.00%", -0.01234, "-1,23%"),
        ("0.0 %", 0.9375, "93,8 %"),
        // Currency and literal text.
        (#"#,##0.00\ "₽""#, 1500, "1\(nbsp)500,00 ₽"),
        ("[$₽-419]#,##0", 99, "₽99"),
        (#"[$-419]0" шт.""#, 7, "7 шт."),
        (#""№ "0"#, 12, "№ 12"),
        ("0_)", 5, "5 "),
        ("#,##0.00_)", 1234.5, "1\(nbsp)234,50 "),
        ("#,##0.00_);(#,##0.00)", -1234.5, "(1\(nbsp)234,50)"),
        ("0.0_)%", 0.5, "50,0 %"),
        ("_-* #,##0.00_-;-* #,##0.00_-;_-* \"-\"??_-;_-@_-", 1234.5, " 1\(nbsp)234,50 "),
        ("_-* #,##0.00_-;-* #,##0.00_-;_-* \"-\"??_-;_-@_-", -1234.5, "-1\(nbsp)234,50 "),
        ("_-* #,##0.00_-;-* #,##0.00_-;_-* \"-\"??_-;_-@_-", 0, " -   "),
        ("#,##0.00_);[Red](#,##0.00)", 0, "0,00 "),
        ("**0", 5, "5"),
        // Sections: negative, zero, conditions; colours are no text.
        ("#,##0;(#,##0)", -1234, "(1\(nbsp)234)"),
        ("0;[Red]-0", -3, "-3"),
        ("0;[Magenta]0", -3, "3"),
        (#"0;-0;"ноль""#, 0, "ноль"),
        (#"0;-0;;@"#, 0, ""),
        (#"[>=1000]0,"тыс.";0"#, 25_000, "25тыс."),
        (#"[>=1000]0,"тыс.";0"#, 250, "250"),
        (#"[>=1000]0,"тыс.";0"#, -5, "-5"),
        (#"[<0]"минус "0;0"#, -5, "минус 5"),
        (#""Итого: "General"#, 4.5, "Итого: 4,5"),
        // Patterns with literals between digits.
        (#"000\-000\-000\ 00"#, 1_122_334_459, "011-223-344 59"),
        ("000-000-000 00", 11_223_344_595, "112-233-445 95"),
        ("(###) ###-####", 8_432_123_456, "(843) 212-3456"),
        // Scientific.
        ("0.00E+00", 12345, "1,23E+04"),
        ("0.00E+00", 0.00012345, "1,23E-04"),
        ("##0.0E+0", 12345, "12,3E+3"),
        ("0.0E+00", 9.99, "1,0E+01"),
        // Fractions.
        ("# ?/?", 1.25, "1 1/4"),
        ("# ??/??", 3.14159, "3 14/99"),
        ("?/?", 0.5, "1/2"),
        ("# ?/8", 2.3, "2 2/8"),
        ("# ?/?", 2, "2    "),
    ]

    static let times: [(code: String, value: Double, shown: String)] = [
        // Cut to the unit shown, after rounding to the second: never up to the next minute.
        ("hh:mm", 0.98166666666666667, "23:33"),  // 23:33:36
        ("hh:mm", 0.99998842592592593, "23:59"),  // 23:59:59
        ("hh:mm:ss", 0.99998842592592593, "23:59:59"),
        ("h:mm", 0.3125, "7:30"),
        ("hh:mm:ss", 0.5000046296296296, "12:00:00"),  // 12:00:00.4 and .6: rounded to the second
        ("hh:mm:ss", 0.5000069444444444, "12:00:01"),
        ("h:mm AM/PM", 0.75, "6:00 PM"),
        ("h:mm:ss AM/PM", 0.0416666666666667, "1:00:00 AM"),
        ("mm:ss", 0.0104166666666667, "15:00"),
        ("mm:ss.0", 0.000011574074074, "00:01,0"),
        // Elapsed time keeps whole days; a colour is not elapsed minutes.
        ("[h]:mm:ss", 10.632060185185185, "255:10:10"),
        ("[mm]:ss", 0.0625, "90:00"),
        ("[ss]", 0.0104166666666667, "900"),
        ("[Magenta]hh:mm", 0.5, "12:00"),
        ("[Red]hh:mm:ss", 0.5, "12:00:00"),
        // Dates as the validator reads them; a time when the format shows one that is not zero.
        ("dd.mm.yyyy", 44946, "20.01.2023"),
        ("[$-419]d mmmm yyyy", 44946, "20.01.2023"),
        ("ДД.ММ.ГГГГ", 44946, "20.01.2023"),
        ("m/d/yy h:mm", 44946.5, "20.01.2023 12:00"),
        ("dd.mm.yyyy hh:mm:ss", 44946.98166666667, "20.01.2023 23:33:36"),
        ("dd.mm.yyyy hh:mm", 44946.0000001, "20.01.2023"),
        ("dd.mm.yyyy hh:mm:ss", 44946.99999999, "21.01.2023"),
    ]

    /// Numbers, then dates and times.
    @Test(arguments: (numbers + times).indices)
    func shownAsExcelShowsThem(_ i: Int) {
        let (code, value, shown) = (Self.numbers + Self.times)[i]
        #expect(NumberFormat(code: code).text(value, date1904: false) == shown, "«\(code)» of \(value)")
    }

    @Test func builtInFormatsAreTheirCodes() {
        #expect(NumberFormat(builtIn: 10).text(0.9375, date1904: false) == "93,75%")
        #expect(NumberFormat(builtIn: 3).text(12345, date1904: false) == "12\(Self.nbsp)345")
        // Excel's accounting built-ins pad a positive number by the width of «)», after the decimals too.
        #expect(NumberFormat(builtIn: 39).text(1234.5, date1904: false) == "1\(Self.nbsp)234,50 ")
        #expect(NumberFormat(builtIn: 40).text(-1234.5, date1904: false) == "(1\(Self.nbsp)234,50)")
        #expect(NumberFormat(builtIn: 37).text(7, date1904: false) == "7 ")
        #expect(NumberFormat(builtIn: 46).text(1.5, date1904: false) == "36:00:00")
        #expect(NumberFormat(builtIn: 14).text(44946, date1904: false) == "20.01.2023")
        #expect(NumberFormat(builtIn: 14).text(44946, date1904: true) == "21.01.2027")
        #expect(NumberFormat(builtIn: 49).text(of: "Иванова") == "Иванова")
    }

    /// East Asian numeral modifiers (`[DBNum1]`…) are not followed: digits stay Arabic (README
    /// «Kept on purpose»: what Excel shows depends on the system's East Asian locale).
    @Test func nativeNumeralModifiersKeepArabicDigits() {
        #expect(NumberFormat(code: "[DBNum1]0").text(123, date1904: false) == "123")
        #expect(NumberFormat(code: "[DBNum2][$-804]General").text(123, date1904: false) == "123")
    }

    @Test func aTextSectionShowsTheCellsText() {
        #expect(NumberFormat(code: #"0;-0;0;"Школа: "@"#).text(of: "№ 1") == "Школа: № 1")
        #expect(NumberFormat(code: #""ОО "@"#).text(of: "СОШ") == "ОО СОШ")
        #expect(NumberFormat(code: "0.00").text(of: "текст") == "текст")
        // A text section of General shows the text as it is.
        #expect(NumberFormat(code: "0.00;-0.00;0;General").text(of: "текст") == "текст")
        #expect(NumberFormat(code: "").text(of: "текст") == "текст")
    }

    @Test func aNumberThatCannotBeADateIsNone() {
        #expect(NumberFormat(code: "dd.mm.yyyy").text(-5, date1904: false) == nil)
        #expect(NumberFormat(code: "dd.mm.yyyy").text(60, date1904: false) == nil)
        #expect(NumberFormat(code: "dd.mm.yyyy").text(3e6, date1904: false) == nil)
    }

    @Test func isoDatesBecomeSerials() {
        #expect(NumberFormat.serial(iso: "2023-01-20", date1904: false) == 44946)
        #expect(NumberFormat.serial(iso: "2023-01-20T12:00:00Z", date1904: false) == 44946.5)
        #expect(NumberFormat.serial(iso: "1900-02-28", date1904: false) == 59)
        #expect(NumberFormat.serial(iso: "2027-01-21", date1904: true) == 44946)
        #expect(NumberFormat.serial(iso: "06:00:00", date1904: false) == 0.25)
        #expect(NumberFormat.serial(iso: "вчера", date1904: false) == nil)
    }
}
