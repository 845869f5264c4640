/// A column of a dataset: its Russian header (SPEC §4 wording), English alias, and whether a file
/// may leave it out. A column that is present must have a value unless it is optional.
/// Columns shared by several datasets are one case with one alias everywhere; the mentors' birth
/// date is a case of its own because only there it is optional.
public enum Column: Int, CaseIterable, Sendable {
    case snils
    case lastName
    case firstName
    case middleName
    case birthDate
    case position
    case subject
    case experience
    case publishConsent
    case schoolCode
    case teachersTotal
    case teachersUnder35
    case youngSpecialists
    case siteURL
    case orderNumber
    case orderDate
    case mentorBirthDate
    case category
    case trainingDate
    case deficits
    case programNumber
    case mentorSnils
    case menteeSnils
    case form
    case model
    case directions
    case mode
    case startDate
    case endDate
    case pairOrder
    case consent
    case status
    case closedDate
    case closeReason
    case resultsURL
    case item
    case doneDate
    case document
    case note
    case teachingSince
    case hiredOn
    case dismissedOn
    case dismissalReason

    public var title: String {
        switch self {
        case .snils: "СНИЛС"
        case .lastName: "Фамилия"
        case .firstName: "Имя"
        case .middleName: "Отчество"
        case .birthDate: "Дата рождения"
        case .position: "Должность"
        case .subject: "Предмет (направление)"
        case .experience: "Педагогический стаж, лет"
        case .publishConsent: "Согласие на публикацию"
        case .schoolCode: "Код ОО"
        case .teachersTotal: "Педагогических работников, всего"
        case .teachersUnder35: "из них до 35 лет"
        case .youngSpecialists: "из них молодых специалистов"
        case .siteURL: "Раздел сайта"
        case .orderNumber: "Приказ о назначении"
        case .orderDate: "Дата приказа"
        case .mentorBirthDate: "Дата рождения"
        case .category: "Квалификационная категория"
        case .trainingDate: "Дата ПК по наставничеству"
        case .deficits: "Профессиональные затруднения"
        case .programNumber: "Номер программы"
        case .mentorSnils: "СНИЛС наставника"
        case .menteeSnils: "СНИЛС наставляемых"
        case .form: "Форма наставничества"
        case .model: "Модель"
        case .directions: "Направления"
        case .mode: "Режим"
        case .startDate: "Дата начала"
        case .endDate: "Дата окончания"
        case .pairOrder: "Приказ о закреплении"
        case .consent: "Согласие участников"
        case .status: "Статус"
        case .closedDate: "Дата завершения"
        case .closeReason: "Основание завершения"
        case .resultsURL: "Результаты опубликованы"
        case .item: "Код мероприятия"
        case .doneDate: "Дата выполнения"
        case .document: "Документ"
        case .note: "Примечание"
        case .teachingSince: "Дата начала педагогической деятельности"
        case .hiredOn: "Дата приёма"
        case .dismissedOn: "Дата увольнения"
        case .dismissalReason: "Основание увольнения"
        }
    }

    /// The English alias.
    public var key: String {
        switch self {
        case .snils: "snils"
        case .lastName: "last_name"
        case .firstName: "first_name"
        case .middleName: "middle_name"
        case .birthDate: "birth_date"
        case .position: "position"
        case .subject: "subject"
        case .experience: "experience_years"
        case .publishConsent: "publish_consent"
        case .schoolCode: "school_code"
        case .teachersTotal: "teachers_total"
        case .teachersUnder35: "teachers_under_35"
        case .youngSpecialists: "young_specialists"
        case .siteURL: "site_section_url"
        case .orderNumber: "order_number"
        case .orderDate: "order_date"
        case .mentorBirthDate: "birth_date"
        case .category: "category"
        case .trainingDate: "mentoring_training_date"
        case .deficits: "deficits"
        case .programNumber: "program_id"
        case .mentorSnils: "mentor_snils"
        case .menteeSnils: "mentee_snils"
        case .form: "form"
        case .model: "model"
        case .directions: "directions"
        case .mode: "mode"
        case .startDate: "start_date"
        case .endDate: "end_date"
        case .pairOrder: "pair_order"
        case .consent: "consent"
        case .status: "status"
        case .closedDate: "closed_date"
        case .closeReason: "close_reason"
        case .resultsURL: "results_url"
        case .item: "item"
        case .doneDate: "done_date"
        case .document: "document"
        case .note: "note"
        case .teachingSince: "teaching_since"
        case .hiredOn: "hired_on"
        case .dismissedOn: "dismissed_on"
        case .dismissalReason: "dismissal_reason"
        }
    }

    public var optional: Bool {
        switch self {
        case .middleName, .siteURL, .mentorBirthDate, .trainingDate, .deficits, .closedDate, .closeReason, .resultsURL, .note, .dismissedOn,
            .dismissalReason:
            true
        default: false
        }
    }
}
