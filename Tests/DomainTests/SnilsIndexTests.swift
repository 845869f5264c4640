import Testing

@testable import Domain

struct SnilsIndexTests {
    @Test func spelledWithLeadingZerosAndSeparators() {
        for (value, digits, spelled) in [
            (UInt64(11_223_344_595), "11223344595", "112-233-445 95"), (326_335_397, "00326335397", "003-263-353 97"),
            (0, "00000000000", "000-000-000 00"), (99_999_999_999, "99999999999", "999-999-999 99"),
        ] {
            let snils = Snils(value: value)
            #expect(snils.digits == digits)
            #expect(snils.description == spelled)
            #expect(Snils(digits: digits) == snils)
        }
    }

    @Test func foldersOfANumberAndMembership() {
        let index = SnilsIndex([
            (Snils(value: 99_999_999_999), "b"), (Snils(value: 11_223_344_595), "a"), (Snils(value: 11_223_344_595), "b"),
            (Snils(value: 1), "c"),
        ])
        #expect(index.folders(of: Snils(value: 11_223_344_595)).sorted() == ["a", "b"])
        #expect(index.folders(of: Snils(value: 99_999_999_999)) == ["b"])
        #expect(index.folders(of: Snils(value: 2)).isEmpty)
        #expect(index.contains(Snils(value: 1), in: "c"))
        #expect(!index.contains(Snils(value: 1), in: "a"))
        #expect(!index.contains(Snils(value: 1), in: "unknown"))
    }
}
