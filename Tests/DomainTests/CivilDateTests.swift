import Testing

@testable import Domain

struct CivilDateTests {
    @Test func daysRoundTripAndOrder() {
        // Every day from 1900 to 2100: the date comes back from its day number, and dates sort as days do.
        let first = CivilDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        let last = CivilDate(year: 2100, month: 12, day: 31)!.daysSinceEpoch
        var previous: CivilDate?
        var wrong: [Int] = []
        for day in first...last {
            let date = CivilDate(daysSinceEpoch: day)
            let ordered = previous.map { $0 < date } ?? true
            if date.daysSinceEpoch != day || CivilDate(year: date.year, month: date.month, day: date.day) != date || !ordered {
                wrong.append(day)
            }
            previous = date
        }
        #expect(wrong.isEmpty)
        #expect(last - first + 1 == 73_414)
        #expect(CivilDate(year: 2024, month: 2, day: 29)!.adding(months: 12) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
    }
}

/// The registry keeps an enumeration's value by its code (`Vocabulary.code`, the case's name): the
/// codes stand here, so that renaming a case fails a test before it strands the registry's rows.
struct VocabularyCodeTests {
    @Test func everyCodeIsKnownAndReadBack() {
        #expect(QualificationCategory.allCases.map(\.code) == ["highest", "first", "fitsPosition", "none"])
        #expect(MentoringForm.allCases.map(\.code) == ["traditional", "group", "virtual", "shortTerm", "reverse", "situational", "speed"])
        #expect(MentoringModel.allCases.map(\.code) == ["teacherTeacher", "headTeacher", "employerStudent", "universityYoungTeacher"])
        #expect(Direction.allCases.map(\.code) == ["theoretical", "legal", "subject", "psychological", "methodical"])
        #expect(WorkMode.allCases.map(\.code) == ["online", "inPerson", "mixed"])
        #expect(ProgramStatus.allCases.map(\.code) == ["running", "extended", "completed", "terminated"])
        #expect(CloseReason.allCases.map(\.code) == ["planDone", "mentorInitiative", "menteeInitiative", "mutual", "curatorInitiative"])
        #expect(DismissalReason.allCases.map(\.code) == ["transfer", "ownWish", "retirement", "redundancy", "contractEnded", "other"])
        for category in QualificationCategory.allCases { #expect(QualificationCategory(code: category.code) == category) }
        #expect(QualificationCategory(code: "высшая") == nil, "a wording is not a code")
    }
}
