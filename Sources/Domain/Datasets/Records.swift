/// `profile`: the school's headcounts.
public struct ProfileRecord: Hashable, Sendable {
    public var row: Int
    public var schoolCode: String
    public var teachersTotal: Int
    public var teachersUnder35: Int
    public var youngSpecialists: Int
    public var siteURL: String?

    public init(row: Int, schoolCode: String, teachersTotal: Int, teachersUnder35: Int, youngSpecialists: Int, siteURL: String?) {
        self.row = row
        self.schoolCode = schoolCode
        self.teachersTotal = teachersTotal
        self.teachersUnder35 = teachersUnder35
        self.youngSpecialists = youngSpecialists
        self.siteURL = siteURL
    }
}

/// `curators`: who runs the mentoring system in the school (п. 3.9).
public struct CuratorRecord: Hashable, Sendable {
    public var row: Int
    public var snils: Snils
    public var name: PersonName
    public var position: String
    public var orderNumber: String
    public var orderDate: CivilDate

    public init(row: Int, snils: Snils, name: PersonName, position: String, orderNumber: String, orderDate: CivilDate) {
        self.row = row
        self.snils = snils
        self.name = name
        self.position = position
        self.orderNumber = orderNumber
        self.orderDate = orderDate
    }
}

/// `mentors`.
public struct MentorRecord: Hashable, Sendable {
    public var row: Int
    public var snils: Snils
    public var name: PersonName
    public var birthDate: CivilDate?
    public var position: String
    public var subject: String
    public var experienceYears: Double
    public var category: QualificationCategory
    public var trainingDate: CivilDate?
    public var publishConsent: Bool

    public init(
        row: Int, snils: Snils, name: PersonName, birthDate: CivilDate?, position: String, subject: String,
        experienceYears: Double, category: QualificationCategory, trainingDate: CivilDate?, publishConsent: Bool
    ) {
        self.row = row
        self.snils = snils
        self.name = name
        self.birthDate = birthDate
        self.position = position
        self.subject = subject
        self.experienceYears = experienceYears
        self.category = category
        self.trainingDate = trainingDate
        self.publishConsent = publishConsent
    }
}

/// `mentees`.
public struct MenteeRecord: Hashable, Sendable {
    public var row: Int
    public var snils: Snils
    public var name: PersonName
    public var birthDate: CivilDate
    public var position: String
    public var subject: String
    public var experienceYears: Double
    public var deficits: String?
    public var publishConsent: Bool

    public init(
        row: Int, snils: Snils, name: PersonName, birthDate: CivilDate, position: String, subject: String,
        experienceYears: Double, deficits: String?, publishConsent: Bool
    ) {
        self.row = row
        self.snils = snils
        self.name = name
        self.birthDate = birthDate
        self.position = position
        self.subject = subject
        self.experienceYears = experienceYears
        self.deficits = deficits
        self.publishConsent = publishConsent
    }

    /// Молодой специалист: стаж < 3 лет.
    public var isYoungSpecialist: Bool { YoungTeacher.isYoungSpecialist(experienceYears: experienceYears) }
}

/// `programs`: one personalised mentoring programme (a pair or a group).
public struct ProgramRecord: Hashable, Sendable {
    public var row: Int
    public var number: String
    public var mentor: Snils
    public var mentees: [Snils]
    public var form: MentoringForm
    public var model: MentoringModel
    public var directions: [Direction]
    public var mode: WorkMode
    public var startDate: CivilDate
    public var endDate: CivilDate
    public var pairOrder: String
    public var status: ProgramStatus
    public var closedDate: CivilDate?
    public var closeReason: CloseReason?
    public var resultsURL: String?

    public init(
        row: Int, number: String, mentor: Snils, mentees: [Snils], form: MentoringForm, model: MentoringModel,
        directions: [Direction], mode: WorkMode, startDate: CivilDate, endDate: CivilDate, pairOrder: String,
        status: ProgramStatus, closedDate: CivilDate?, closeReason: CloseReason?, resultsURL: String?
    ) {
        self.row = row
        self.number = number
        self.mentor = mentor
        self.mentees = mentees
        self.form = form
        self.model = model
        self.directions = directions
        self.mode = mode
        self.startDate = startDate
        self.endDate = endDate
        self.pairOrder = pairOrder
        self.status = status
        self.closedDate = closedDate
        self.closeReason = closeReason
        self.resultsURL = resultsURL
    }
}

extension ProgramRecord {
    /// A personalised programme lasts from 3 months to a year (the regulation's definitions):
    /// outside that, Validation warns and the district's deadline list shows it.
    public static func isTypicalDuration(from start: CivilDate, to end: CivilDate) -> Bool {
        end >= start.adding(months: 3).adding(days: -1) && end <= start.adding(months: 12)
    }
}

/// `roadmap`: a school (or the district) reports one roadmap item done.
public struct RoadmapCompletionRecord: Hashable, Sendable {
    public var row: Int
    public var itemCode: String
    public var doneDate: CivilDate
    public var document: String
    public var note: String?

    public init(row: Int, itemCode: String, doneDate: CivilDate, document: String, note: String?) {
        self.row = row
        self.itemCode = itemCode
        self.doneDate = doneDate
        self.document = document
        self.note = note
    }
}

/// `staff`: one pedagogical worker's employment at the school (past ones kept, with their dismissal).
public struct StaffRecord: Hashable, Sendable {
    public var row: Int
    public var snils: Snils
    public var name: PersonName
    public var birthDate: CivilDate
    public var position: String
    /// Дата начала педагогической деятельности: where the experience counts from.
    public var teachingSince: CivilDate
    public var hiredOn: CivilDate
    public var dismissedOn: CivilDate?
    public var dismissalReason: DismissalReason?

    public init(
        row: Int, snils: Snils, name: PersonName, birthDate: CivilDate, position: String, teachingSince: CivilDate,
        hiredOn: CivilDate, dismissedOn: CivilDate?, dismissalReason: DismissalReason?
    ) {
        self.row = row
        self.snils = snils
        self.name = name
        self.birthDate = birthDate
        self.position = position
        self.teachingSince = teachingSince
        self.hiredOn = hiredOn
        self.dismissedOn = dismissedOn
        self.dismissalReason = dismissalReason
    }

    /// Employed on `day`: hired by then and not dismissed before it (the day of dismissal is a
    /// working day).
    public func isEmployed(on day: CivilDate) -> Bool {
        hiredOn <= day && (dismissedOn.map { $0 >= day } ?? true)
    }

    /// Whether two employments share a day.
    public func overlaps(_ other: StaffRecord) -> Bool {
        (other.dismissedOn.map { hiredOn <= $0 } ?? true) && (dismissedOn.map { other.hiredOn <= $0 } ?? true)
    }
}

/// The typed rows of one accepted file.
public enum DatasetRows: Sendable, Equatable {
    case profile([ProfileRecord])
    case curators([CuratorRecord])
    case mentors([MentorRecord])
    case mentees([MenteeRecord])
    case programs([ProgramRecord])
    case roadmap([RoadmapCompletionRecord])
    case staff([StaffRecord])
    /// A unit's package (a level above a district): one per file.
    case package(StoredPackage)

    public var count: Int {
        switch self {
        case .profile(let r): r.count
        case .curators(let r): r.count
        case .mentors(let r): r.count
        case .mentees(let r): r.count
        case .programs(let r): r.count
        case .roadmap(let r): r.count
        case .staff(let r): r.count
        case .package: 1
        }
    }
}

/// A unit's package as the registry keeps it: its half-year, the SHA-256 of its content (a package
/// identical to the current one is a repeat), and the content itself (JSON of the figures).
public struct StoredPackage: Sendable, Equatable {
    public var period: String
    public var sha256: String
    public var content: [UInt8]

    public init(period: String, sha256: String, content: [UInt8]) {
        self.period = period
        self.sha256 = sha256
        self.content = content
    }
}
