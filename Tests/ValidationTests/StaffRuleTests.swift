import Domain
import Testing

@testable import Validation

/// `кадры`: each rule of the staff list, a passing and a failing case.
struct StaffRuleTests {
    static let header = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
        "Дата приёма", "Дата увольнения", "Основание увольнения",
    ]

    static func row(
        _ snils: String = Fixture.mentorA, birth: String = "12.03.1998", since: String = "01.09.2021", hired: String = "01.09.2021",
        dismissed: String = "", reason: String = ""
    ) -> [String] {
        [snils, "Иванова", "Анна", "Петровна", birth, "учитель", since, hired, dismissed, reason]
    }

    static func validate(_ rows: [[String]], name: String = "кадры.csv") -> ValidatedFile {
        Fixture.validate(name, [header] + rows)
    }

    @Test func aListWithAPastEmployeeAndARehire() {
        let result = Self.validate([
            Self.row(dismissed: "31.08.2023", reason: "Перевод в другую ОО"),
            Self.row(hired: "01.09.2024"),
            Self.row(Fixture.mentorB, birth: "01.01.1980", since: "01.09.2002", hired: "15.08.2010"),
        ])
        #expect(result.dataset == .staff)
        #expect(result.isAccepted, "\(result.findings)")
        guard case .staff(let staff)? = result.rows else { return #expect(Bool(false)) }
        #expect(staff.map(\.row) == [2, 3, 4])
        #expect(staff[0].dismissalReason == .transfer && staff[0].dismissedOn == CivilDate(year: 2023, month: 8, day: 31))
        #expect(staff[1].dismissedOn == nil && staff[1].dismissalReason == nil)
        #expect(staff[0].isEmployed(on: CivilDate(year: 2023, month: 8, day: 31)!), "the day of dismissal is a working day")
        #expect(!staff[0].isEmployed(on: CivilDate(year: 2023, month: 9, day: 1)!))
        #expect(!staff[1].isEmployed(on: CivilDate(year: 2024, month: 8, day: 31)!))
    }

    @Test func recognisedByItsEnglishNameAndByItsHeader() {
        #expect(Self.validate([Self.row()], name: "staff_2026-03-01.csv").dataset == .staff)
        #expect(Self.validate([Self.row()], name: "список.csv").dataset == .staff)
    }

    @Test func theSamePersonTwiceOnTheSameDaysIsAnError() {
        let result = Self.validate([Self.row(), Self.row(hired: "01.09.2022")])
        #expect(result.has(.error, row: 3, column: "Дата приёма", containing: "уже указан в строке 2"))
        let touching = Self.validate([Self.row(dismissed: "31.08.2023", reason: "иное"), Self.row(hired: "31.08.2023")])
        #expect(
            touching.has(.error, row: 3, column: "Дата приёма", containing: "уже указан в строке 2"),
            "the day of dismissal is a day of work")
    }

    @Test func dismissalAndItsReasonGoTogether() {
        let noReason = Self.validate([Self.row(dismissed: "31.08.2023")])
        #expect(noReason.has(.error, row: 2, column: "Основание увольнения", containing: "укажите и основание увольнения"))
        let noDate = Self.validate([Self.row(reason: "по собственному желанию")])
        #expect(noDate.has(.error, row: 2, column: "Основание увольнения", containing: "без даты увольнения"))
        let unknown = Self.validate([Self.row(dismissed: "31.08.2023", reason: "ушла")])
        #expect(unknown.has(.error, row: 2, column: "Основание увольнения", containing: "такого значения нет"))
    }

    @Test func datesInOrder() {
        let early = Self.validate([Self.row(dismissed: "31.08.2021", reason: "иное")])
        #expect(early.has(.error, row: 2, column: "Дата увольнения", containing: "раньше даты приёма"))
        let child = Self.validate([Self.row(birth: "12.03.2010", since: "01.09.2021")])
        #expect(child.has(.error, row: 2, column: "Дата начала педагогической деятельности", containing: "раньше 14 лет"))
        let future = Self.validate([Self.row(hired: "01.09.2026")])
        #expect(future.has(.error, row: 2, column: "Дата приёма", containing: "ещё не наступила"))
        let hiredBeforeTeaching = Self.validate([Self.row(since: "01.09.2022", hired: "01.09.2021")])
        #expect(hiredBeforeTeaching.isAccepted)
        #expect(hiredBeforeTeaching.has(.warning, row: 2, column: "Дата приёма", containing: "раньше начала педагогической"))
    }

    @Test func snilsAndNamesAsForPeople() {
        let result = Self.validate([
            Self.row("112-233-445 96"), ["", "Ив@нова", "Анна", "", "12.03.1998", "учитель", "01.09.2021", "01.09.2021", "", ""],
        ])
        #expect(result.has(.error, row: 2, column: "СНИЛС", containing: "контрольная сумма"))
        #expect(result.has(.error, row: 3, column: "СНИЛС", containing: "Не заполнено"))
        #expect(result.has(.error, row: 3, column: "Фамилия", containing: "«@»"))
    }
}
