import Config
import Deadlines
import Domain
import Fixtures
import Testing

@testable import Figures

struct StatformFiguresTests {
    static func figures(_ snapshot: RegistrySnapshot = Records.snapshot(Records.knownDistrict)) throws -> NightFigures {
        NightFigures(
            snapshot: snapshot, schools: Records.schools, settings: Settings(),
            schedule: try RoadmapSchedule(RoadmapPlan(items: [], path: "")),
            asOf: day("2026-03-01"), period: ReportingPeriod("2026-H1")!)
    }

    func counts(_ row: StatformRow) -> [Int] {
        [
            row.teachersTotal, row.teachersUnder35, row.youngSpecialists, row.mentors, row.mentorsTrained, row.mentees,
            row.menteesYoungSpecialists, row.menteesUnder35,
        ]
    }

    @Test func everyNumberAsCounted() throws {
        let rows = try Self.figures().statform
        #expect(rows.map(\.code) == ["school-a", "school-b", "school-c", "school-d"])
        let a = rows[0]
        #expect(counts(a) == [40, 10, 4, 3, 1, 3, 2, 2])
        #expect(a.shareUnder35 == 20)
        #expect([a.programsActive, a.programsCompleted, a.programsTerminated] as [Int] == [2, 2, 0])
        #expect(a.byForm == [.traditional: 1, .group: 1])
        #expect(a.byModel == [.teacherTeacher: 1, .headTeacher: 1])
        let b = rows[1]
        #expect(counts(b) == [20, 0, 1, 1, 1, 0, 0, 0])
        #expect(b.shareUnder35 == nil)
        #expect([b.programsActive, b.programsCompleted, b.programsTerminated] as [Int] == [0, 0, 1])
        #expect(counts(rows[2]) == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(rows[2].programsActive + rows[2].programsCompleted + rows[2].programsTerminated == 0 && rows[2].byForm.isEmpty)
        #expect(rows[3].shareUnder35 == 0)
    }

    @Test func theTotalIsTheSumAndItsShareTheRatioOfTheSums() throws {
        let figures = try Self.figures()
        let total = figures.statformTotal
        #expect(counts(total) == [110, 40, 8, 4, 2, 3, 2, 2])
        #expect(total.shareUnder35 == 5, "2 / 40, not the mean of the schools' shares")
        #expect([total.programsActive, total.programsCompleted, total.programsTerminated] as [Int] == [2, 2, 1])
        #expect(total.name == "Всего по 4 ОО")
        #expect(figures.activeByForm.map(\.count) == [1, 1, 0, 0, 0, 0, 0])
    }
}

struct MonitoringFiguresTests {
    @Test func schoolsRoadmapAndSpellings() throws {
        var data = Records.knownDistrict
        // The same СНИЛС as school A's Андреева, spelt another way at school B.
        data.append(("school-b", .mentees([Records.mentee(11_223_344_595, "Андреев", born: "2000-01-01", years: 1)])))
        let schedule = try RoadmapSchedule(Records.roadmap)
        let figures = NightFigures(
            snapshot: Records.snapshot(data), schools: Records.schools, settings: Settings(), schedule: schedule, asOf: day("2026-03-01"),
            period: ReportingPeriod("2026-H1")!)
        #expect(figures.monitoring.map(\.programsActive) == [2, 0, 0, 0])
        #expect(figures.monitoring.map(\.overdueItems) == [2, 2, 2, 2])
        #expect(figures.monitoring[2].intake.state == .none)
        #expect(
            figures.roadmap.map(\.status) == [
                "просрочено", "выполнили 0 из 4 ОО; просрочено: 4", "выполнили 0 из 4 ОО; просрочено: 4", "постоянно",
            ])
        #expect(figures.spellings.map(\.snils) == [Snils(value: 11_223_344_595)])
        #expect(figures.spellings[0].entries.map(\.school) == ["school-a", "school-b"])
    }

    @Test func publicListingsShowConsentingPeopleOnly() {
        let data = Records.snapshot([
            (
                "school-a",
                .mentors([
                    Records.mentor(11_223_344_595, "Согласная"), Records.mentor(14_527_450_962, "Несогласная", consent: false, row: 3),
                ])
            ),
            (
                "school-a",
                .mentees([
                    Records.mentee(14_100_840_800, "Открытый", born: "2000-03-02", years: 1),
                    Records.mentee(20_513_205_900, "Скрытый", born: "1999-01-01", years: 1, consent: false, row: 3),
                ])
            ),
            (
                "school-a",
                .programs([Records.program("1", mentor: 14_527_450_962, mentees: [14_100_840_800, 20_513_205_900], status: .running)])
            ),
        ])
        let listing = PublicListing(school: Records.schools.schools[0], data: data["school-a"])
        #expect(listing.mentors.map(\.name.last) == ["Согласная"])
        #expect(listing.mentees.map(\.name.last) == ["Открытый"])
        #expect(listing.programmes[0].mentor == nil)
        #expect(listing.programmes[0].mentees == ["Открытый Олег"] && listing.programmes[0].othersWithoutConsent == 1)
    }

    /// A mentor invited from another school is named by the consent recorded where the mentor
    /// works; one who did not consent there stays unnamed.
    @Test func anInvitedMentorIsNamedByTheConsentGivenAtTheirOwnSchool() {
        let data = Records.snapshot([
            (
                "school-b",
                .mentors([
                    Records.mentor(11_223_344_595, "Приглашённая"), Records.mentor(14_527_450_962, "Скрытная", consent: false, row: 3),
                ])
            ),
            (
                "school-a",
                .programs([
                    Records.program("1", mentor: 11_223_344_595, mentees: [14_100_840_800], status: .running),
                    Records.program("2", mentor: 14_527_450_962, mentees: [14_100_840_800], status: .running),
                ])
            ),
        ])
        let elsewhere = PublicListing.consentingMentors(in: data, schools: Records.schools.schools)
        let listing = PublicListing(school: Records.schools.schools[0], data: data["school-a"], mentorsElsewhere: elsewhere)
        #expect(listing.programmes.map(\.mentor) == ["Приглашённая Анна Ивановна", nil])
        #expect(listing.mentors.isEmpty)
    }
}
