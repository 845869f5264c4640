import Domain
import Testing

@testable import Deadlines

/// The `Срок` texts of other districts' and schools' roadmaps, each with what it means: a due date,
/// a window, the days a recurring item is due, or never overdue. Texts that could mean two things,
/// or nothing, are refused.
struct TermGrammarTests {
    static let may25 = Term.recurring([DueDay(month: 5, day: 25)])

    static let understood: [(String, Term)] = [
        // Every year, month, quarter, half-year.
        ("ежегодно", .yearly),
        ("Ежегодно", .yearly),
        ("ЕЖЕГОДНО", .yearly),
        ("1 раз в год", .yearly),
        ("по итогам года", .yearly),
        ("ежегодно до 25 мая", may25),
        ("Ежегодно, до 25 мая", may25),
        ("ежегодно в срок до 25 мая", may25),
        ("ежегодно не позднее 25 мая", may25),
        ("ежегодно до 25.05", may25),
        ("ежегодно в мае", .recurring([DueDay(month: 5)])),
        ("Ежегодно: сентябрь", .recurring([DueDay(month: 9)])),
        ("ежемесячно", .monthly),
        ("Ежемесячно.", .monthly),
        ("1 раз в месяц", .monthly),
        ("по итогам месяца", .monthly),
        ("еженедельно", .weekly),
        ("Еженедельно.", .weekly),
        ("1 раз в неделю", .weekly),
        ("Ежеквартально", .quarterly),
        ("по итогам квартала", .quarterly),
        ("1 раз в полугодие", .halfYearly),
        ("по итогам полугодия", .halfYearly),
        ("По итогам полугодия", .halfYearly),
        ("2 раза в год", .halfYearly),
        ("август, январь", .recurring([DueDay(month: 1), DueDay(month: 8)])),
        ("Январь, август", .recurring([DueDay(month: 1), DueDay(month: 8)])),
        ("январь и июль", .recurring([DueDay(month: 1), DueDay(month: 7)])),
        ("март, июнь, сентябрь, декабрь", .quarterly),
        // Quarters.
        ("I квартал 2023 г.", .window(from: date("2023-01-01"), to: date("2023-03-31"))),
        ("I квартал 2023", .window(from: date("2023-01-01"), to: date("2023-03-31"))),
        ("1 квартал 2023 года", .window(from: date("2023-01-01"), to: date("2023-03-31"))),
        ("IV квартал 2023 г.", .window(from: date("2023-10-01"), to: date("2023-12-31"))),
        ("II кв. 2024 г.", .window(from: date("2024-04-01"), to: date("2024-06-30"))),
        ("в III квартале 2023 года", .window(from: date("2023-07-01"), to: date("2023-09-30"))),
        ("1-2 квартал 2024", .window(from: date("2024-01-01"), to: date("2024-06-30"))),
        ("I – II квартал 2024 г.", .window(from: date("2024-01-01"), to: date("2024-06-30"))),
        ("III-IV квартал 2023 года", .window(from: date("2023-07-01"), to: date("2023-12-31"))),
        ("до конца I квартала 2024 г.", .due(date("2024-03-31"))),
        // Months and spans of months.
        ("сентябрь-октябрь 2023", .window(from: date("2023-09-01"), to: date("2023-10-31"))),
        ("Сентябрь – октябрь 2023 г.", .window(from: date("2023-09-01"), to: date("2023-10-31"))),
        ("декабрь 2023 – январь 2024", .window(from: date("2023-12-01"), to: date("2024-01-31"))),
        ("Декабрь 2023 г. - январь 2024 г.", .window(from: date("2023-12-01"), to: date("2024-01-31"))),
        ("сентябрь 2023 г. — май 2024 г.", .window(from: date("2023-09-01"), to: date("2024-05-31"))),
        ("в сентябре 2023 года", .due(date("2023-09-30"))),
        ("В феврале 2024 г.", .due(date("2024-02-29"))),
        ("до конца декабря 2023 г.", .due(date("2023-12-31"))),
        ("с 1 по 15 сентября 2023 г.", .window(from: date("2023-09-01"), to: date("2023-09-15"))),
        ("С 20 января по 10 февраля 2024 года", .window(from: date("2024-01-20"), to: date("2024-02-10"))),
        ("25 мая – 10 июня 2023 г.", .window(from: date("2023-05-25"), to: date("2023-06-10"))),
        // Years and academic years.
        ("2023-2024 учебный год", .window(from: date("2023-09-01"), to: date("2024-08-31"))),
        ("2023/2024 учебный год", .window(from: date("2023-09-01"), to: date("2024-08-31"))),
        ("2023 – 2024 учебный год", .window(from: date("2023-09-01"), to: date("2024-08-31"))),
        ("в 2023-2024 учебном году", .window(from: date("2023-09-01"), to: date("2024-08-31"))),
        ("в течение 2023-2024 учебного года", .window(from: date("2023-09-01"), to: date("2024-08-31"))),
        ("до конца 2023-2024 учебного года", .due(date("2024-08-31"))),
        ("в течение 2023 года", .window(from: date("2023-01-01"), to: date("2023-12-31"))),
        ("В течение 2024 г.", .window(from: date("2024-01-01"), to: date("2024-12-31"))),
        ("в 2023 году", .window(from: date("2023-01-01"), to: date("2023-12-31"))),
        ("2023 год", .window(from: date("2023-01-01"), to: date("2023-12-31"))),
        ("2023-2024 гг.", .window(from: date("2023-01-01"), to: date("2024-12-31"))),
        ("2023 – 2025 годы", .window(from: date("2023-01-01"), to: date("2025-12-31"))),
        ("в течение 2023–2024 гг.", .window(from: date("2023-01-01"), to: date("2024-12-31"))),
        ("до конца 2023 года", .due(date("2023-12-31"))),
        // Dates.
        ("до 01.09.2023", .due(date("2023-09-01"))),
        ("До 01.09.2023 г.", .due(date("2023-09-01"))),
        ("не позднее 15.09.2023", .due(date("2023-09-15"))),
        ("01.09.2023.", .due(date("2023-09-01"))),
        ("до 1 сентября 2023г.", .due(date("2023-09-01"))),
        ("до 1 сентября 2023 г", .due(date("2023-09-01"))),
        // Never overdue.
        ("по мере необходимости", .ongoing),
        ("По мере необходимости", .ongoing),
        ("постоянно", .ongoing),
        ("Постоянно.", .ongoing),
        ("регулярно", .ongoing),
        ("систематически", .ongoing),
        ("по мере поступления запросов", .ongoing),
    ]

    @Test(arguments: understood.indices)
    func understands(_ i: Int) {
        let (text, term) = Self.understood[i]
        #expect(TermParser.parse(text) == term, "«\(text)»")
    }

    @Test(arguments: [
        "2023", "в течение 2023", "ежегодно до 31 февраля", "ежегодно когда-нибудь", "V квартал 2023", "0 квартал 2023",
        "2024-2023 учебный год", "2023-2025 учебный год", "январь, январь", "2 квартал - 1 квартал 2024", "с 15 по 1 сентября 2023",
        "в течение учебного года", "по итогам", "декабрь 2024 – январь 2024",
    ])
    func refusesWhatHasNoOneMeaning(_ text: String) {
        #expect(TermParser.parse(text) == nil, "«\(text)»")
    }

    /// A recurring item's periods run from the day after one due day to the next.
    @Test func recurringItemsAreJudgedPerPeriodBetweenTheirDays() {
        let rules = DeadlineRules(asOf: date("2024-06-10"), modelStart: date("2023-01-01"), dueSoonDays: 14)
        // Due 25 May each year: done on 20 May 2024 is the period 26.05.2023–25.05.2024, on time.
        #expect(rules.evaluate(Self.may25, completions: [date("2024-05-20")]).status == .notYetDue)
        #expect(rules.evaluate(Self.may25, completions: [date("2024-05-20")]).due == date("2025-05-25"))
        // Nothing in the period that ended on 25 May 2024: overdue.
        #expect(
            rules.evaluate(Self.may25, completions: [date("2023-05-20")])
                == ItemStatus(status: .overdue, due: date("2024-05-25"), lastDone: date("2023-05-20")))
        // Monthly: May had a completion, June's is due on the 30th, 20 days away.
        let monthly = rules.evaluate(.monthly, completions: [date("2024-05-03")])
        #expect(monthly.status == .notYetDue && monthly.due == date("2024-06-30"))
        #expect(rules.evaluate(.monthly, completions: [date("2024-04-03")]).status == .overdue)
        // January and August: the period 01.02–31.08.2024.
        let twice = Term.recurring([DueDay(month: 1), DueDay(month: 8)])
        #expect(rules.evaluate(twice, completions: [date("2024-01-15")]).due == date("2024-08-31"))
        #expect(rules.nominalDue(twice) == date("2024-08-31"))
        #expect(rules.nominalDue(.yearly) == date("2024-12-31"))
        // Quarterly as before: calendar quarters.
        #expect(rules.evaluate(.quarterly, completions: [date("2024-03-01")]).due == date("2024-06-30"))
    }

    /// A weekly item is done every week, Monday to Sunday: as of Monday 10 June 2024, the week of
    /// 3–9 June must have a completion; this week's is due on Sunday the 16th.
    @Test func weeklyItemsAreJudgedWeekByWeek() {
        let rules = DeadlineRules(asOf: date("2024-06-10"), modelStart: date("2023-01-01"), dueSoonDays: 3)
        let done = rules.evaluate(.weekly, completions: [date("2024-06-05")])
        #expect(done == ItemStatus(status: .notYetDue, due: date("2024-06-16"), lastDone: date("2024-06-05")))
        #expect(
            rules.evaluate(.weekly, completions: [date("2024-06-02")])
                == ItemStatus(status: .overdue, due: date("2024-06-09"), lastDone: date("2024-06-02")))
        #expect(rules.evaluate(.weekly, completions: [date("2024-06-05"), date("2024-06-10")]).status == .doneOnTime)
        #expect(rules.nominalDue(.weekly) == date("2024-06-16"))
        // On Friday the 14th, two days before Sunday: the week's completion is due soon.
        let friday = DeadlineRules(asOf: date("2024-06-14"), modelStart: date("2023-01-01"), dueSoonDays: 3)
        #expect(friday.evaluate(.weekly, completions: [date("2024-06-05")]).status == .dueSoon)
    }
}
