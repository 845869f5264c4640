import Domain

/// A column of a dataset: its Russian header (SPEC §4 wording), English alias, and whether a file
/// may leave it out. A column that is present must have a value unless it is optional.
public struct Column: Hashable, Sendable {
    public let title: String
    public let key: String
    public let optional: Bool

    init(_ title: String, _ key: String, optional: Bool = false) {
        self.title = title
        self.key = key
        self.optional = optional
    }

    // Columns shared by several datasets (one alias everywhere).
    static let snils = Column("СНИЛС", "snils")
    static let lastName = Column("Фамилия", "last_name")
    static let firstName = Column("Имя", "first_name")
    static let middleName = Column("Отчество", "middle_name", optional: true)
    static let birthDate = Column("Дата рождения", "birth_date")
    static let position = Column("Должность", "position")
    static let subject = Column("Предмет (направление)", "subject")
    static let experience = Column("Педагогический стаж, лет", "experience_years")
    static let publishConsent = Column("Согласие на публикацию", "publish_consent")

    // profile
    static let schoolCode = Column("Код ОО", "school_code")
    static let teachersTotal = Column("Педагогических работников, всего", "teachers_total")
    static let teachersUnder35 = Column("из них до 35 лет", "teachers_under_35")
    static let youngSpecialists = Column("из них молодых специалистов", "young_specialists")
    static let siteURL = Column("Раздел сайта", "site_section_url", optional: true)
    // curators
    static let orderNumber = Column("Приказ о назначении", "order_number")
    static let orderDate = Column("Дата приказа", "order_date")
    // mentors
    static let mentorBirthDate = Column("Дата рождения", "birth_date", optional: true)
    static let category = Column("Квалификационная категория", "category")
    static let trainingDate = Column("Дата ПК по наставничеству", "mentoring_training_date", optional: true)
    // mentees
    static let deficits = Column("Профессиональные затруднения", "deficits", optional: true)
    // programs
    static let programNumber = Column("Номер программы", "program_id")
    static let mentorSnils = Column("СНИЛС наставника", "mentor_snils")
    static let menteeSnils = Column("СНИЛС наставляемых", "mentee_snils")
    static let form = Column("Форма наставничества", "form")
    static let model = Column("Модель", "model")
    static let directions = Column("Направления", "directions")
    static let mode = Column("Режим", "mode")
    static let startDate = Column("Дата начала", "start_date")
    static let endDate = Column("Дата окончания", "end_date")
    static let pairOrder = Column("Приказ о закреплении", "pair_order")
    static let consent = Column("Согласие участников", "consent")
    static let status = Column("Статус", "status")
    static let closedDate = Column("Дата завершения", "closed_date", optional: true)
    static let closeReason = Column("Основание завершения", "close_reason", optional: true)
    static let resultsURL = Column("Результаты опубликованы", "results_url", optional: true)
    // roadmap
    static let item = Column("Код мероприятия", "item")
    static let doneDate = Column("Дата выполнения", "done_date")
    static let document = Column("Документ", "document")
    static let note = Column("Примечание", "note", optional: true)
}

/// The columns of each dataset, in the order of SPEC §4 (and of the templates).
public enum Schema {
    public static func columns(of dataset: Dataset) -> [Column] {
        switch dataset {
        case .profile: [.schoolCode, .teachersTotal, .teachersUnder35, .youngSpecialists, .siteURL]
        case .curators: [.snils, .lastName, .firstName, .middleName, .position, .orderNumber, .orderDate]
        case .mentors:
            [
                .snils, .lastName, .firstName, .middleName, .mentorBirthDate, .position, .subject, .experience,
                .category, .trainingDate, .publishConsent,
            ]
        case .mentees:
            [
                .snils, .lastName, .firstName, .middleName, .birthDate, .position, .subject, .experience, .deficits,
                .publishConsent,
            ]
        case .programs:
            [
                .programNumber, .mentorSnils, .menteeSnils, .form, .model, .directions, .mode, .startDate, .endDate,
                .pairOrder, .consent, .status, .closedDate, .closeReason, .resultsURL,
            ]
        case .roadmap: [.item, .doneDate, .document, .note]
        }
    }
}
