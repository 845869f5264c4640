import Domain
import Testing

@testable import Validation

/// Each dataset of SPEC §4 with a passing and a failing case; errors versus warnings as SPEC says.
struct ProfileRuleTests {
    let header = ["Код ОО", "Педагогических работников, всего", "из них до 35 лет", "из них молодых специалистов", "Раздел сайта"]

    @Test func validProfile() {
        let result = Fixture.validate("profile.csv", [header, ["tetyushi-sosh1", "48", "11", "6", "https://school.ru/nast"]])
        #expect(result.isAccepted)
        #expect(
            result.rows
                == .profile([
                    ProfileRecord(
                        row: 2, schoolCode: "tetyushi-sosh1", teachersTotal: 48, teachersUnder35: 11, youngSpecialists: 6,
                        siteURL: "https://school.ru/nast")
                ]))
    }

    @Test func anotherSchoolsCodeIsAnError() {
        let result = Fixture.validate("profile.csv", [header, ["tetyushi-sosh2", "48", "11", "6", ""]])
        #expect(result.has(.error, row: 2, column: "Код ОО", containing: "не совпадает с папкой"))
    }

    @Test func countsMustAddUp() {
        let result = Fixture.validate("profile.csv", [header, ["tetyushi-sosh1", "10", "11", "12,5", "school.ru"]])
        #expect(result.has(.error, row: 2, column: "из них до 35 лет", containing: "больше, чем педагогов всего"))
        #expect(result.has(.error, row: 2, column: "из них молодых специалистов", containing: "целое число"))
        #expect(result.has(.error, row: 2, column: "Раздел сайта", containing: "http"))
    }

    @Test func exactlyOneRow() {
        #expect(Fixture.validate("profile.csv", [header]).has(.error, row: nil, column: nil, containing: "нет строки"))
        let two = Fixture.validate("profile.csv", [header, ["tetyushi-sosh1", "1", "0", "0", ""], ["tetyushi-sosh1", "1", "0", "0", ""]])
        #expect(two.has(.error, row: 3, column: nil, containing: "ровно одна строка"))
    }
}

struct CuratorRuleTests {
    let header = ["СНИЛС", "Фамилия", "Имя", "Отчество", "Должность", "Приказ о назначении", "Дата приказа"]

    @Test func deputyHeadIsAccepted() {
        let result = Fixture.validate(
            "curators.csv", [header, [Fixture.mentorA, "Гарипова", "Лилия", "", "Заместитель директора по УВР", "№ 12", "16.01.2023"]])
        #expect(result.isAccepted)
        #expect(result.findings.isEmpty)
    }

    /// A formula or markup pasted into a name, or a digit of a shifted column, is no name: an error
    /// at its row and column, never a name in a workbook or on a page.
    @Test(arguments: [
        ("Фамилия", "=HYPERLINK(\"http://x\";\"Иванова\")", "«=»"), ("Имя", "<img src=x onerror=alert(1)>", "«<»"),
        ("Отчество", "Петровна2", "«2»"), ("Фамилия", "Иванова;", "«;»"),
    ])
    func aNameWithSignsNoNameHasIsAnError(column: String, value: String, sign: String) {
        var row = [Fixture.mentorA, "Гарипова", "Лилия", "Ильдаровна", "Заместитель директора по УВР", "№ 12", "16.01.2023"]
        row[header.firstIndex(of: column)!] = value
        let result = Fixture.validate("curators.csv", [header, row])
        #expect(!result.isAccepted)
        #expect(result.has(.error, row: 2, column: column, containing: sign))
    }

    @Test(arguments: ["Мамедов-Алиев", "Али оглы", "д’Артаньян", "Иванова (Петрова)", "Гәрәева", "O'Neil"])
    func namesOfManyKindsAreNames(_ name: String) {
        let result = Fixture.validate(
            "curators.csv", [header, [Fixture.mentorA, name, "Лилия", "", "Заместитель директора по УВР", "№ 12", "16.01.2023"]])
        #expect(result.isAccepted, "\(result.findings)")
    }

    @Test func otherPositionIsAWarningOnly() {
        let result = Fixture.validate(
            "curators.csv", [header, [Fixture.mentorA, "Никитина", "Ольга", "", "Методист", "№ 5", "13.01.2023"]])
        #expect(result.isAccepted)
        #expect(result.has(.warning, row: 2, column: "Должность", containing: "заместителей руководителя"))
    }

    @Test func missingOrderIsAnError() {
        let result = Fixture.validate(
            "curators.csv", [header, [Fixture.mentorA, "Никитина", "Ольга", "", "Заместитель директора", "", "13-01-2023"]])
        #expect(result.has(.error, row: 2, column: "Приказ о назначении", containing: "Не заполнено"))
        #expect(result.has(.error, row: 2, column: "Дата приказа", containing: "не дата"))
    }
}

struct MentorRuleTests {
    @Test func validMentorsWithAliasesAndVariants() {
        let header = [
            "snils", "ФАМИЛИЯ", "имя*", "Отчество", "Дата рождения", "Должность", "Предмет  (направление)", "Педагогический стаж, лет",
            "Квалификационная категория", "Дата ПК по наставничеству", "Согласие на публикацию",
        ]
        let result = Fixture.validate(
            "mentors.csv",
            [
                header, Fixture.mentor(Fixture.mentorA, years: "21,5", category: "Высшая"),
                Fixture.mentor(Fixture.mentorB, category: "соответствие занимаемой должности", training: ""),
            ])
        #expect(result.isAccepted, "\(result.findings)")
        guard case .mentors(let list) = result.rows else { return #expect(Bool(false)) }
        #expect(list.map(\.experienceYears) == [21.5, 12])
        #expect(list.map(\.category) == [.highest, .fitsPosition])
        #expect(list[1].trainingDate == nil)
    }

    @Test func everyProblemInTheFileIsReported() {
        let rows = [
            Fixture.mentorHeader,
            Fixture.mentor("112-233-445 96"),
            Fixture.mentor(Fixture.mentorB, years: "-3", category: "вторая", training: "01.01.2027"),
            Fixture.mentor(Fixture.mentorB),
        ]
        let result = Fixture.validate("mentors.csv", rows)
        #expect(!result.isAccepted)
        #expect(result.has(.error, row: 2, column: "СНИЛС", containing: "неверная контрольная сумма"))
        #expect(result.has(.error, row: 3, column: "Педагогический стаж, лет", containing: "не число лет"))
        #expect(result.has(.error, row: 3, column: "Квалификационная категория", containing: "«высшая»"))
        #expect(result.has(.error, row: 3, column: "Дата ПК по наставничеству", containing: "ещё не наступила"))
        #expect(result.has(.error, row: 4, column: "СНИЛС", containing: "уже указан в строке 3"))
        #expect(result.errors.count == 5)
    }

    @Test func missingRequiredColumnIsAnErrorAndUnknownColumnAWarning() {
        let header = Fixture.mentorHeader.filter { $0 != "Квалификационная категория" } + ["Телефон"]
        var row = Fixture.mentor(Fixture.mentorA)
        row.remove(at: 8)
        let result = Fixture.validate("mentors.csv", [header, row + ["+7 900"]])
        #expect(result.has(.error, row: 1, column: nil, containing: "Нет обязательного столбца «Квалификационная категория»"))
        #expect(result.has(.warning, row: 1, column: "Телефон", containing: "Неизвестный столбец"))
    }

    @Test func duplicateColumnIsAnError() {
        let result = Fixture.validate(
            "mentors.csv", [Fixture.mentorHeader + ["snils"], Fixture.mentor(Fixture.mentorA) + [Fixture.mentorA]])
        #expect(result.has(.error, row: 1, column: "snils", containing: "повторяется"))
    }

    @Test func paddedSnilsIsAWarning() {
        let result = Fixture.validate("mentors.csv", [Fixture.mentorHeader, Fixture.mentor("326335397")])
        #expect(result.isAccepted)
        #expect(result.has(.warning, row: 2, column: "СНИЛС", containing: "003-263-353 97"))
    }

    @Test func headerOnlyFileIsAnEmptySnapshotWithAWarning() {
        let result = Fixture.validate("mentors.csv", [Fixture.mentorHeader])
        #expect(result.isAccepted)
        #expect(result.rows == .mentors([]))
        #expect(result.has(.warning, row: nil, column: nil, containing: "нет ни одной строки"))
    }

    @Test func blankRowsAreSkippedButCountForRowNumbers() {
        let bytes = Fixture.csv([Fixture.mentorHeader]) + Array(";;;;;;;;;;\r\n\r\n".utf8) + Fixture.csv([Fixture.mentor("bad")])
        let result = Fixture.validate("mentors.csv", bytes: bytes)
        #expect(result.rowCount == 1)
        #expect(result.has(.error, row: 4, column: "СНИЛС", containing: "не СНИЛС"))
    }

    @Test func raggedRowsAreJudgedCellByCell() {
        let short = Array(Fixture.mentor(Fixture.mentorA).prefix(3))
        let long = Fixture.mentor(Fixture.mentorB) + ["лишнее"]
        let result = Fixture.validate("mentors.csv", [Fixture.mentorHeader, short, long])
        #expect(result.has(.error, row: 2, column: "Должность", containing: "Не заполнено"))
        #expect(result.has(.warning, row: 3, column: nil, containing: "больше значений"))
    }

    @Test func tatarCodePageIsAWarning() {
        // «Хәйруллина» saved in the Tatar variant of Windows-1251 reads back in plain 1251 as «ХЉйруллина».
        var row = Fixture.mentee(Fixture.menteeA)
        row[1] = "Х\u{0409}йруллина"
        let bytes = Fixture.windows1251(Fixture.csv([Fixture.menteeHeader, row]))
        let result = Fixture.validate("mentees.csv", bytes: bytes)
        #expect(result.encoding == .windows1251)
        #expect(result.isAccepted)
        #expect(result.has(.warning, row: 2, column: "Фамилия", containing: "татарской"))
    }
}

struct MenteeRuleTests {
    @Test func validMentees() {
        let result = Fixture.validate(
            "mentees.csv",
            [Fixture.menteeHeader, Fixture.mentee(Fixture.menteeA), Fixture.mentee(Fixture.menteeB, birth: "2001-11-02", years: "0,5")])
        #expect(result.isAccepted, "\(result.findings)")
        guard case .mentees(let list) = result.rows else { return #expect(Bool(false)) }
        #expect(list[1].isYoungSpecialist)
        #expect(list[0].name.middle == nil)
    }

    @Test func birthDateIsRequired() {
        let result = Fixture.validate("mentees.csv", [Fixture.menteeHeader, Fixture.mentee(Fixture.menteeA, birth: "")])
        #expect(result.has(.error, row: 2, column: "Дата рождения", containing: "Не заполнено"))
    }
}

struct ProgramRuleTests {
    func validate(_ rows: [[String]], people: PeopleIndex = Fixture.people) -> ValidatedFile {
        Fixture.validate("programs.csv", [Fixture.programHeader] + rows, context: Fixture.context(people: people))
    }

    @Test func validProgrammes() {
        let result = validate([
            Fixture.program("1"),
            Fixture.program("2", mentor: Fixture.mentorB, mentees: "\(Fixture.menteeB);\n\(Fixture.menteeC)", form: "в группе"),
            Fixture.program("3", status: "завершена", closed: "20.02.2026", reason: "план выполнен"),
        ])
        #expect(result.isAccepted, "\(result.findings)")
        guard case .programs(let list) = result.rows else { return #expect(Bool(false)) }
        #expect(list[1].mentees.count == 2)
        #expect(list[2].closeReason == .planDone)
    }

    @Test func uniqueNumbers() {
        let result = validate([Fixture.program("1"), Fixture.program("1", mentees: Fixture.menteeB)])
        #expect(result.has(.error, row: 3, column: "Номер программы", containing: "уже использован в строке 2"))
    }

    @Test func mentorMustBeKnownHereOrInAnotherSchool() {
        var other = Fixture.people
        let invited = "003-263-353 97"
        other.addMentors([Fixture.snils(invited)], school: "tetyushi-sosh2")
        let accepted = validate([Fixture.program(mentor: invited)], people: other)
        #expect(accepted.isAccepted)
        let result = validate([Fixture.program(mentor: invited)])
        #expect(result.has(.error, row: 2, column: "СНИЛС наставника", containing: "не найден"))
    }

    @Test func menteesMustBeThisSchoolsAndNotTheMentor() {
        var other = Fixture.people
        other.addMentees([Fixture.snils("003-263-353 97")], school: "tetyushi-sosh2")
        let result = validate(
            [
                Fixture.program("1", mentees: "003-263-353 97"),
                Fixture.program("2", mentees: "\(Fixture.menteeA), \(Fixture.mentorA)"),
            ], people: other)
        #expect(result.has(.error, row: 2, column: "СНИЛС наставляемых", containing: "не найден в файле наставляемых"))
        #expect(result.has(.error, row: 3, column: "СНИЛС наставляемых", containing: "не может быть наставляемым"))
    }

    @Test func groupNeedsTwoMentees() {
        let result = validate([Fixture.program(form: "в группе")])
        #expect(result.has(.error, row: 2, column: "Форма наставничества", containing: "не менее двух"))
    }

    @Test func datesConsentAndClosing() {
        let result = validate([
            Fixture.program("1", start: "01.09.2025", end: "01.08.2025"),
            Fixture.program("2", consent: "нет"),
            Fixture.program("3", status: "завершена"),
            Fixture.program("4", status: "реализуется", closed: "01.02.2026"),
        ])
        #expect(result.has(.error, row: 2, column: "Дата окончания", containing: "не позже даты начала"))
        #expect(result.has(.error, row: 3, column: "Согласие участников", containing: "согласия"))
        #expect(result.has(.error, row: 4, column: "Дата завершения", containing: "Не заполнено"))
        #expect(result.has(.error, row: 4, column: "Основание завершения", containing: "Не заполнено"))
        #expect(result.has(.error, row: 5, column: "Дата завершения", containing: "не бывает даты завершения"))
    }

    @Test func durationOutsideThreeToTwelveMonthsIsAWarning() {
        let result = validate([
            Fixture.program("1", start: "01.09.2025", end: "30.11.2025"),
            Fixture.program("2", start: "01.09.2025", end: "01.09.2026"),
            Fixture.program("3", start: "01.09.2025", end: "15.10.2025"),
            Fixture.program("4", start: "01.09.2025", end: "02.09.2026"),
        ])
        #expect(result.isAccepted)
        #expect(result.warnings.map(\.row) == [4, 5])
    }

    @Test func enumerationsWithSynonymsAndDashes() {
        var row = Fixture.program()
        row[3] = "Виртуальная (дистанционная)"
        row[4] = "Учитель — учитель"
        row[5] = "Методическое, научно-теоретическое"
        row[6] = "Смешанный"
        let result = validate([row])
        #expect(result.isAccepted, "\(result.findings)")
        row[5] = "методическое, творческое"
        let unknown = validate([row])
        #expect(unknown.has(.error, row: 2, column: "Направления", containing: "«творческое»"))
    }
}

struct RoadmapRuleTests {
    let header = ["Код мероприятия", "Дата выполнения", "Документ", "Примечание"]

    @Test func knownCodesOnly() {
        let result = Fixture.validate(
            "roadmap.csv",
            [
                header, ["П2.1", "16.01.2023", "Приказ № 12", ""], ["1.5.", "16.01.2023", "Приказ", ""],
                ["1.1", "16.01.2023", "Приказ", ""], ["2.2", "01.04.2026", "Протокол", ""],
            ])
        #expect(result.has(.error, row: 4, column: "Код мероприятия", containing: "нет в дорожной карте"))
        #expect(result.has(.error, row: 5, column: "Дата выполнения", containing: "ещё не наступила"))
        #expect(result.errors.count == 2)
    }
}
