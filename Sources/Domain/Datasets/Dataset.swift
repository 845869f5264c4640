/// The kinds of file a school sends (SPEC §4), in the order the nightly run applies them (SPEC §5):
/// the six of the order, and the staff list retention is measured from.
public enum Dataset: String, CaseIterable, Sendable, Comparable {
    case profile, curators, mentors, mentees, programs, roadmap, staff

    /// The datasets the order asks of every school: a school that sent them all has sent a full set
    /// (the staff list is the district's own measure, not the order's).
    public static let ofTheOrder: [Dataset] = [.profile, .curators, .mentors, .mentees, .programs, .roadmap]

    /// The Russian file name a curator may use instead of the English one.
    public var russianFileName: String {
        switch self {
        case .profile: "сведения"
        case .curators: "кураторы"
        case .mentors: "наставники"
        case .mentees: "наставляемые"
        case .programs: "программы"
        case .roadmap: "дорожная_карта"
        case .staff: "кадры"
        }
    }

    /// How a receipt names the dataset.
    public var title: String {
        switch self {
        case .profile: "Сведения об ОО"
        case .curators: "Кураторы"
        case .mentors: "Наставники"
        case .mentees: "Наставляемые"
        case .programs: "Программы наставничества"
        case .roadmap: "Дорожная карта ОО"
        case .staff: "Кадры"
        }
    }

    /// Its sheet in `шаблоны.xlsx` (and in a school's workbook).
    public var sheetName: String {
        switch self {
        case .profile: "Сведения"
        case .curators: "Кураторы"
        case .mentors: "Наставники"
        case .mentees: "Наставляемые"
        case .programs: "Программы"
        case .roadmap: "Дорожная карта"
        case .staff: "Кадры"
        }
    }

    /// The dataset's place in the apply order.
    public var rank: Int {
        switch self {
        case .profile: 0
        case .curators: 1
        case .mentors: 2
        case .mentees: 3
        case .programs: 4
        case .roadmap: 5
        case .staff: 6
        }
    }

    public static func < (a: Dataset, b: Dataset) -> Bool { a.rank < b.rank }
}
