import Config
import Domain

/// One row of the statistical-observation form (SPEC §7): a school's counts, or the district's total.
public struct StatformRow: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var teachersTotal = 0
    public var teachersUnder35 = 0
    public var youngSpecialists = 0
    public var mentors = 0
    public var mentorsTrained = 0
    public var mentees = 0
    public var menteesYoungSpecialists = 0
    public var menteesUnder35 = 0
    public var programsActive = 0
    public var programsCompleted = 0
    public var programsTerminated = 0
    @SortedCounts public var byForm: [MentoringForm: Int] = [:]
    @SortedCounts public var byModel: [MentoringModel: Int] = [:]

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// `Доля педагогов до 35 лет в наставничестве, %`: mentees under 35 per teacher under 35, × 100;
    /// nil when there are no teachers under 35. For the total, the ratio of the sums.
    public var shareUnder35: Double? {
        teachersUnder35 == 0 ? nil : Double(menteesUnder35) / Double(teachersUnder35) * 100
    }

    /// The counting rules of SPEC §7, on a school's current snapshot. A school with no data counts zeros.
    public init(school: School, data: RegistrySnapshot.Folder, asOf: CivilDate, period: ReportingPeriod) {
        self.init(code: school.code, name: school.name)
        teachersTotal = data.profile?.teachersTotal ?? 0
        teachersUnder35 = data.profile?.teachersUnder35 ?? 0
        youngSpecialists = data.profile?.youngSpecialists ?? 0
        mentors = data.mentors.count
        mentorsTrained = data.mentors.count { $0.trainingDate.map { $0 <= asOf } ?? false }
        mentees = data.mentees.count
        menteesYoungSpecialists = data.mentees.count(where: \.isYoungSpecialist)
        menteesUnder35 = data.mentees.count { YoungTeacher.isUnder35(born: $0.birthDate, on: asOf) }
        for program in data.programs {
            if program.status.isActive {
                programsActive += 1
                byForm[program.form, default: 0] += 1
                byModel[program.model, default: 0] += 1
            }
            guard let closed = program.closedDate, period.contains(closed) else { continue }
            if program.status == .completed { programsCompleted += 1 }
            if program.status == .terminated { programsTerminated += 1 }
        }
    }

    /// The sum of the rows: the form's `Итого`.
    public static func total(of rows: [StatformRow], code: String, name: String) -> StatformRow {
        var total = StatformRow(code: code, name: name)
        for row in rows {
            total.teachersTotal += row.teachersTotal
            total.teachersUnder35 += row.teachersUnder35
            total.youngSpecialists += row.youngSpecialists
            total.mentors += row.mentors
            total.mentorsTrained += row.mentorsTrained
            total.mentees += row.mentees
            total.menteesYoungSpecialists += row.menteesYoungSpecialists
            total.menteesUnder35 += row.menteesUnder35
            total.programsActive += row.programsActive
            total.programsCompleted += row.programsCompleted
            total.programsTerminated += row.programsTerminated
            total.byForm.merge(row.byForm, uniquingKeysWith: +)
            total.byModel.merge(row.byModel, uniquingKeysWith: +)
        }
        return total
    }
}

extension StatformRow {
    /// One of the statform's counting columns: its fixed title, and how its number is read from a
    /// row and put into one. The statform, the packages and the levels' statforms share them.
    public struct Count: Sendable {
        public let title: String
        public let get: @Sendable (StatformRow) -> Int
        public let set: @Sendable (inout StatformRow, Int) -> Void
    }

    private static func count(_ title: String, _ path: WritableKeyPath<StatformRow, Int> & Sendable) -> Count {
        Count(title: title, get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 })
    }

    /// The counting columns in the form's order (SPEC §7), after `Код` and `Наименование`; the
    /// share comes after the first `countsBeforeShare` of them.
    public static let counts: [Count] =
        [
            count("Педагогических работников, всего", \.teachersTotal), count("из них до 35 лет", \.teachersUnder35),
            count("из них молодых специалистов", \.youngSpecialists), count("Наставников", \.mentors),
            count("Наставников, прошедших ПК по наставничеству", \.mentorsTrained), count("Наставляемых", \.mentees),
            count("Наставляемых — молодых специалистов", \.menteesYoungSpecialists), count("Наставляемых до 35 лет", \.menteesUnder35),
            count("Программ реализуется", \.programsActive), count("Программ завершено", \.programsCompleted),
            count("Программ прекращено", \.programsTerminated),
        ]
        + MentoringForm.allCases.map { form in
            Count(title: form.columnTitle, get: { $0.byForm[form] ?? 0 }, set: { $0.byForm[form] = $1 == 0 ? nil : $1 })
        }
        + MentoringModel.allCases.map { model in
            Count(title: model.columnTitle, get: { $0.byModel[model] ?? 0 }, set: { $0.byModel[model] = $1 == 0 ? nil : $1 })
        }

    public static let countsBeforeShare = 8
    public static let shareTitle = "Доля педагогов до 35 лет в наставничестве, %"
}
