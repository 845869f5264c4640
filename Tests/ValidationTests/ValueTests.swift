import Domain
import Reading
import Testing

@testable import Validation

struct SnilsTests {
    @Test(arguments: [
        "112-233-445 95",  // sum 95 < 100: the checksum is the sum
        "145-274-509 62",  // sum 163 > 101: 163 mod 101 = 62
        "141-008-408 00",  // sum 100 → 00
        "205-132-059 00",  // sum 101 → 00
        "952-530-077 00",  // sum 201: 201 mod 101 = 100 → 00
        "11223344595", "112 233 445 95", " 112-233-445-95 ",
        "001-001-998 00", "001-001-998 77",  // no checksum up to 001-001-998
    ])
    func validNumbers(_ text: String) {
        guard case .valid = SnilsCheck.check(text) else {
            Issue.record("\(text) should be valid, got \(SnilsCheck.check(text))")
            return
        }
    }

    @Test(arguments: ["112-233-445 96", "145-274-509 61", "141-008-408 01", "205-132-059 01", "952-530-077 99", "001-001-999 00"])
    func badChecksums(_ text: String) {
        guard case .badChecksum = SnilsCheck.check(text) else {
            Issue.record("\(text) should fail its checksum, got \(SnilsCheck.check(text))")
            return
        }
    }

    @Test func leadingZerosDroppedByExcelArePadded() {
        // 003-263-353 97 typed as a number in Excel becomes 326335397.
        #expect(SnilsCheck.check("326335397") == .padded(Snils(digits: "00326335397")!))
        #expect(Snils(digits: "00326335397")!.description == "003-263-353 97")
    }

    @Test func malformedNumbers() {
        #expect(SnilsCheck.check("1,12233E+10") == .scientificNotation)
        #expect(SnilsCheck.check("112-233-445 955") == .tooManyDigits)
        #expect(SnilsCheck.check("нет") == .notANumber)
        #expect(SnilsCheck.check("112.233.445 95") == .notANumber)
        #expect(SnilsCheck.check("---") == .notANumber)
    }
}

struct InnTests {
    @Test func checksum() {
        #expect(InnCheck.isValid("1638011140"))  // the district office, from the order
        #expect(InnCheck.isValid("7707083893"))
        #expect(!InnCheck.isValid("1638011141"))
        #expect(!InnCheck.isValid("163801114"))
        #expect(!InnCheck.isValid("16380111400"))
        #expect(!InnCheck.isValid("16380111 0"))
    }
}

struct ScalarTests {
    private func cell<T>(_ text: String, _ body: (Cell) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer { body(Cell($0)) }
    }

    @Test func dates() {
        #expect(cell("20.01.2023", Scalars.date) == CivilDate(year: 2023, month: 1, day: 20))
        #expect(cell("1.2.2023", Scalars.date) == CivilDate(year: 2023, month: 2, day: 1))
        #expect(cell("2023-01-30", Scalars.date) == CivilDate(year: 2023, month: 1, day: 30))
        #expect(cell(" 29.02.2024\u{A0}", Scalars.date) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(cell("01.01.1900", Scalars.date) == CivilDate(year: 1900, month: 1, day: 1))
        #expect(cell("31.12.2999", Scalars.date) == CivilDate(year: 2999, month: 12, day: 31))
        let bad10 = [
            "2O.01.2023", "20.0I.2023", "20.01.2O23", "20,01.2023", "20.01-2023", "00.01.2023", "20.00.2023", "31.12.1899", "2023.01.20",
        ]
        for bad in bad10 + ["29.02.2023", "31.04.2023", "2023-1-5", "20.01.23", "20/01/2023", "20.01.2023 0:00", "", "01.13.2023"] {
            #expect(cell(bad, Scalars.date) == nil, "\(bad)")
        }
    }

    @Test func numbers() {
        #expect(cell("2,5", Scalars.number) == 2.5)
        #expect(cell("2.5", Scalars.number) == 2.5)
        #expect(cell("1 234", Scalars.number) == 1234)
        #expect(cell("-1", Scalars.number) == -1)
        for bad in ["", "два", "1,2,3", ",5", "1e3", "5 лет"] {
            #expect(cell(bad, Scalars.number) == nil, "\(bad)")
        }
    }

    @Test func yesNo() {
        for yes in ["да", "Да", "ДА", "+", "1", "yes", "Yes"] { #expect(cell(yes, Scalars.yesNo) == true, "\(yes)") }
        for no in ["нет", "Нет", "-", "0", "no", "NO"] { #expect(cell(no, Scalars.yesNo) == false, "\(no)") }
        #expect(cell("возможно", Scalars.yesNo) == nil)
    }

    @Test func lists() {
        #expect(Scalars.list("a, b;c\nd\r\n e ") == ["a", "b", "c", "d", "e"])
    }

    @Test func vocabularies() {
        let forms = VocabularyLookup<MentoringForm>()
        #expect(forms.match("В группе") == .group)
        #expect(forms.match("дистанционная") == .virtual)
        #expect(forms.match("Целеполагающая") == .shortTerm)
        #expect(forms.match("групповая работа") == nil)
        let models = VocabularyLookup<MentoringModel>()
        for text in ["педагог – педагог", "педагог - педагог", "Педагог—педагог", "учитель – учитель", "УЧИТЕЛЬ-УЧИТЕЛЬ"] {
            #expect(models.match(text) == .teacherTeacher, "\(text)")
        }
        #expect(models.match("педагог вуза/колледжа — молодой педагог") == .universityYoungTeacher)
        #expect(models.match("руководитель ОО - педагог") == .headTeacher)
    }
}

struct RecognitionTests {
    @Test(arguments: [
        ("mentors.csv", Dataset.mentors), ("Mentees_2023-01-20.csv", .mentees), ("наставники.csv", .mentors),
        ("Наставляемые-январь.CSV", .mentees), ("дорожная_карта.csv", .roadmap), ("дорожная карта 2023.csv", .roadmap),
        ("сведения.csv", .profile), ("profile.csv", .profile), ("программы (1).csv", .programs),
        ("curators.csv", .curators), ("кураторы.csv", .curators),
        ("Наставники.csv".decomposedStringWithCanonicalMapping, .mentors),
    ])
    func byFileName(_ name: String, _ expected: Dataset) {
        #expect(DatasetRecognition.fromFileName(name) == expected)
    }

    @Test func unrelatedNamesAreNotRecognised() {
        for name in ["mentorship.csv", "export.csv", "наставничество.csv", "roadmaps.csv"] {
            #expect(DatasetRecognition.fromFileName(name) == nil, "\(name)")
        }
    }

    @Test func byHeader() {
        #expect(DatasetRecognition.fromHeader(Fixture.mentorHeader) == .mentors)
        #expect(DatasetRecognition.fromHeader(Fixture.menteeHeader) == .mentees)
        #expect(DatasetRecognition.fromHeader(Fixture.programHeader) == .programs)
        #expect(DatasetRecognition.fromHeader(["snils", "last_name", "first_name", "category"]) == .mentors)
        #expect(DatasetRecognition.fromHeader(["a", "b"]) == nil)
    }

    @Test func unknownFileIsRejectedListingTheNames() {
        let result = Fixture.validate("export.csv", [["a", "b"], ["1", "2"]])
        #expect(!result.isAccepted)
        #expect(result.errors.first?.message.contains("mentors / наставники") == true)
    }

    @Test func headerDecidesWhenTheNameDoesNot() {
        let result = Fixture.validate("export.csv", [Fixture.mentorHeader, Fixture.mentor(Fixture.mentorA)])
        #expect(result.dataset == .mentors)
        #expect(result.isAccepted)
    }
}

struct RepeatedTextTests {
    @Test func repeatedValuesGiveTheirOwnText() {
        // Equal length, equal first and last eight bytes: the same slot, told apart by the bytes.
        let values = [
            "Русский язык и литература", "Русский язык, литература", "Русский язык и литература",
            "Шарафутдинова", "Шарафутдинова", "Шарафудтинова", "Ёж", "", "Русский язык и литература",
        ]
        let encoded = values.map { Windows1251.bytes($0)! }
        var repeated = RepeatedText(expectedValues: 1_024)
        for (value, bytes) in zip(values, encoded) {
            let text = bytes.withUnsafeBufferPointer { repeated.string(Cell($0, windows1251: true)) }
            #expect(text == value)
        }
    }

    @Test func manyDistinctValuesInOneColumn() {
        // More values than the table has slots: every one still comes back as written.
        let values = (0..<5_000).map { "Фамилия-\($0 * 7919 % 5_000)" }
        let encoded = values.map { Windows1251.bytes($0)! }
        var repeated = RepeatedText(expectedValues: 1_024)
        for _ in 0..<2 {
            for (value, bytes) in zip(values, encoded) {
                let text = bytes.withUnsafeBufferPointer { repeated.string(Cell($0, windows1251: true)) }
                #expect(text == value)
            }
        }
    }
}
