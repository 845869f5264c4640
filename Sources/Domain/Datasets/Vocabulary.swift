/// A closed list of values from the order, with the wording SPEC §4 gives (the raw value) and the
/// synonyms a curator may write instead. Matching tolerates case, `ё`, dash and space variants.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Other accepted spellings, beyond the canonical raw value.
    var synonyms: [String] { get }
    /// What the list is called in a message: «форма наставничества».
    static var listName: String { get }
}

extension Vocabulary {
    public var synonyms: [String] { [] }
    /// The canonical wording, for outputs.
    public var text: String { rawValue }

    /// How the registry keeps the value: the case's name (`highest`), which does not change when the
    /// wording does. `VocabularyCodeTests` holds every code: renaming a case is a migration.
    public var code: String { "\(self)" }

    /// The value a registry's code stands for.
    public init?(code: String) {
        guard let value = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = value
    }

    /// Every value by its code, for reading many.
    public static var byCode: [String: Self] { Dictionary(uniqueKeysWithValues: allCases.map { ($0.code, $0) }) }
}

/// Квалификационная категория of a mentor.
public enum QualificationCategory: String, Vocabulary {
    case highest = "высшая"
    case first = "первая"
    case fitsPosition = "соответствие занимаемой должности"
    case none = "без категории"

    public var synonyms: [String] {
        switch self {
        case .highest: ["высшая категория", "высшая квалификационная категория"]
        case .first: ["первая категория", "первая квалификационная категория"]
        case .fitsPosition: ["сзд", "соответствие"]
        case .none: ["нет", "без"]
        }
    }
    public static var listName: String { "квалификационная категория" }
}

/// Форма наставничества, п. 4.4 of the order.
public enum MentoringForm: String, Vocabulary, Codable {
    case traditional = "традиционная"
    case group = "в группе"
    case virtual = "виртуальная"
    case shortTerm = "краткосрочная"
    case reverse = "реверсивная"
    case situational = "ситуационная"
    case speed = "скоростная"

    public var synonyms: [String] {
        switch self {
        case .traditional: ["традиционное", "традиционная форма"]
        case .group: ["групповая", "групповое", "наставничество в группе"]
        case .virtual: ["дистанционная", "виртуальное", "дистанционное", "виртуальная (дистанционная)"]
        case .shortTerm: ["целеполагающая", "краткосрочное", "целеполагающее", "краткосрочная (целеполагающая)"]
        case .reverse: ["реверсивное"]
        case .situational: ["ситуационное"]
        case .speed: ["скоростное"]
        }
    }
    public static var listName: String { "форма наставничества" }

    /// The statform's column header for this form.
    public var columnTitle: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Модель (ролевая модель), п. 4.2 of the order.
public enum MentoringModel: String, Vocabulary, Codable {
    case teacherTeacher = "педагог – педагог"
    case headTeacher = "руководитель ОО – педагог"
    case employerStudent = "работодатель – студент"
    case universityYoungTeacher = "педагог вуза/колледжа – молодой педагог"

    public var synonyms: [String] {
        switch self {
        case .teacherTeacher: ["учитель – учитель"]
        case .headTeacher:
            [
                "руководитель образовательной организации – педагог", "руководитель ОО – учитель",
                "руководитель образовательной организации – учитель",
            ]
        case .employerStudent: []
        case .universityYoungTeacher:
            [
                "педагог вуза/колледжа – молодой педагог образовательной организации",
                "педагог вуза – молодой педагог", "педагог колледжа – молодой педагог",
            ]
        }
    }
    public static var listName: String { "модель наставничества" }

    public var columnTitle: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Направление наставнической деятельности, п. 4.9 of the order.
public enum Direction: String, Vocabulary {
    case theoretical = "научно-теоретическое"
    case legal = "нормативно-правовое"
    case subject = "предметно-профессиональное"
    case psychological = "психолого-педагогическое"
    case methodical = "методическое"

    public static var listName: String { "направление" }
}

/// Режим работы, п. 4.8 of the order.
public enum WorkMode: String, Vocabulary {
    case online = "онлайн"
    case inPerson = "очный"
    case mixed = "смешанный"

    public var synonyms: [String] {
        switch self {
        case .online: ["дистанционный", "online"]
        case .inPerson: ["очно", "очная"]
        case .mixed: ["смешанная"]
        }
    }
    public static var listName: String { "режим" }
}

/// Статус программы.
public enum ProgramStatus: String, Vocabulary {
    case running = "реализуется"
    case extended = "продлена"
    case completed = "завершена"
    case terminated = "прекращена"

    public var synonyms: [String] {
        switch self {
        case .running: ["в работе", "действует"]
        case .extended: ["продлено"]
        case .completed: ["завершено", "выполнена"]
        case .terminated: ["прекращено"]
        }
    }
    public static var listName: String { "статус программы" }

    /// Closed programmes need a closing date and reason.
    public var isClosed: Bool { self == .completed || self == .terminated }
    /// Counted as «реализуется» in the statform.
    public var isActive: Bool { self == .running || self == .extended }
}

/// Основание завершения, п. 4.12 of the order.
public enum CloseReason: String, Vocabulary {
    case planDone = "план выполнен"
    case mentorInitiative = "по инициативе наставника"
    case menteeInitiative = "по инициативе наставляемого"
    case mutual = "по обоюдному решению"
    case curatorInitiative = "по инициативе куратора"

    public var synonyms: [String] {
        switch self {
        case .planDone: ["план выполнен в полном объеме", "план выполнен в полном объёме"]
        case .mutual: ["по обоюдному согласию"]
        default: []
        }
    }
    public static var listName: String { "основание завершения" }
}

/// Основание увольнения of a staff list: what tells a move to another school from leaving.
public enum DismissalReason: String, Vocabulary {
    case transfer = "перевод в другую ОО"
    case ownWish = "по собственному желанию"
    case retirement = "выход на пенсию"
    case redundancy = "сокращение штата"
    case contractEnded = "истечение срока договора"
    case other = "иное"

    public var synonyms: [String] {
        switch self {
        case .transfer: ["перевод", "перевод в другую образовательную организацию", "переведён в другую ОО"]
        case .ownWish: ["собственное желание", "по собственному"]
        case .retirement: ["пенсия", "уход на пенсию"]
        case .redundancy: ["сокращение", "сокращение численности или штата"]
        case .contractEnded: ["истечение срока трудового договора", "окончание срока договора"]
        case .other: ["другое", "прочее"]
        }
    }
    public static var listName: String { "основание увольнения" }
}
