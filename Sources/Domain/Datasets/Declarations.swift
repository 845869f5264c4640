/// The datasets of SPEC §4, each declared once (`DatasetDeclaration`): the order of the columns is
/// the order of SPEC, of the templates and of the registry workbook's sheets; a width is the
/// registry workbook's column width where it is not the default.
public enum Declarations {
    static let nobody = PersonName(last: "", first: "", middle: nil)
    static let someday = CivilDate(year: 2000, month: 1, day: 1)!

    public static let profile = DatasetDeclaration(
        .profile, table: "profile_row",
        blank: ProfileRecord(row: 0, schoolCode: "", teachersTotal: 0, teachersUnder35: 0, youngSpecialists: 0, siteURL: nil),
        row: \.row, folder: \ProfileRecord.schoolCode,
        rows: { .profile($0) }, records: { if case .profile(let list) = $0 { list } else { nil } }, current: \.profiles,
        fields: [
            .unkept(.schoolCode, shape: .identifier(width: nil)), .count(.teachersTotal, \.teachersTotal),
            .count(.teachersUnder35, \.teachersUnder35),
            .count(.youngSpecialists, \.youngSpecialists), .optionalText(.siteURL, \.siteURL, stored: "site_url"),
        ])

    public static let curators = DatasetDeclaration(
        .curators, table: "curator_row",
        blank: CuratorRecord(row: 0, snils: Snils(value: 0), name: nobody, position: "", orderNumber: "", orderDate: someday),
        row: \.row,
        rows: { .curators($0) }, records: { if case .curators(let list) = $0 { list } else { nil } }, current: \.curators,
        fields: [
            .snils(.snils, \.snils), .text(.lastName, \.name.last), .text(.firstName, \.name.first),
            .optionalText(.middleName, \.name.middle), .text(.position, \.position, width: 28),
            .identifier(.orderNumber, \.orderNumber, width: 18), .date(.orderDate, \.orderDate),
        ])

    public static let mentors = DatasetDeclaration(
        .mentors, table: "mentor_row",
        blank: MentorRecord(
            row: 0, snils: Snils(value: 0), name: nobody, birthDate: nil, position: "", subject: "", experienceYears: 0,
            category: .none, trainingDate: nil, publishConsent: false),
        row: \.row,
        rows: { .mentors($0) }, records: { if case .mentors(let list) = $0 { list } else { nil } }, current: \.mentors,
        fields: [
            .snils(.snils, \.snils), .text(.lastName, \.name.last), .text(.firstName, \.name.first),
            .optionalText(.middleName, \.name.middle), .optionalDate(.mentorBirthDate, \.birthDate),
            .text(.position, \.position, width: 20), .text(.subject, \.subject, width: 24),
            .decimal(.experience, \.experienceYears, width: 12), .choice(.category, \.category, width: 20),
            .optionalDate(.trainingDate, \.trainingDate, stored: "training_date"), .yesNo(.publishConsent, \.publishConsent),
        ])

    public static let mentees = DatasetDeclaration(
        .mentees, table: "mentee_row",
        blank: MenteeRecord(
            row: 0, snils: Snils(value: 0), name: nobody, birthDate: someday, position: "", subject: "", experienceYears: 0,
            deficits: nil, publishConsent: false),
        row: \.row,
        rows: { .mentees($0) }, records: { if case .mentees(let list) = $0 { list } else { nil } }, current: \.mentees,
        fields: [
            .snils(.snils, \.snils), .text(.lastName, \.name.last), .text(.firstName, \.name.first),
            .optionalText(.middleName, \.name.middle), .date(.birthDate, \.birthDate), .text(.position, \.position, width: 20),
            .text(.subject, \.subject, width: 24), .decimal(.experience, \.experienceYears, width: 12),
            .optionalText(.deficits, \.deficits, width: 30, wrapped: true), .yesNo(.publishConsent, \.publishConsent),
        ])

    public static let programs = DatasetDeclaration(
        .programs, table: "program_row",
        blank: ProgramRecord(
            row: 0, number: "", mentor: Snils(value: 0), mentees: [], form: .traditional, model: .teacherTeacher, directions: [],
            mode: .inPerson, startDate: someday, endDate: someday, pairOrder: "", status: .running, closedDate: nil, closeReason: nil,
            resultsURL: nil),
        row: \.row,
        rows: { .programs($0) }, records: { if case .programs(let list) = $0 { list } else { nil } }, current: \.programs,
        fields: [
            .identifier(.programNumber, \.number, stored: "number"), .snils(.mentorSnils, \.mentor), .snilsList(.menteeSnils, \.mentees),
            .choice(.form, \.form), .choice(.model, \.model), .choices(.directions, \.directions), .choice(.mode, \.mode),
            .date(.startDate, \.startDate), .date(.endDate, \.endDate), .identifier(.pairOrder, \.pairOrder),
            .unkept(.consent, shape: .yesNo),
            .choice(.status, \.status), .optionalDate(.closedDate, \.closedDate), .optionalChoice(.closeReason, \.closeReason),
            .optionalText(.resultsURL, \.resultsURL),
        ])

    public static let roadmap = DatasetDeclaration(
        .roadmap, table: "roadmap_row",
        blank: RoadmapCompletionRecord(row: 0, itemCode: "", doneDate: someday, document: "", note: nil), row: \.row,
        rows: { .roadmap($0) }, records: { if case .roadmap(let list) = $0 { list } else { nil } }, current: \.roadmap,
        fields: [
            .identifier(.item, \.itemCode), .date(.doneDate, \.doneDate), .text(.document, \.document), .optionalText(.note, \.note),
        ])

    public static let staff = DatasetDeclaration(
        .staff, table: "staff_row",
        blank: StaffRecord(
            row: 0, snils: Snils(value: 0), name: nobody, birthDate: someday, position: "", teachingSince: someday, hiredOn: someday,
            dismissedOn: nil, dismissalReason: nil),
        row: \.row,
        rows: { .staff($0) }, records: { if case .staff(let list) = $0 { list } else { nil } }, current: \.staff,
        fields: [
            .snils(.snils, \.snils), .text(.lastName, \.name.last), .text(.firstName, \.name.first),
            .optionalText(.middleName, \.name.middle), .date(.birthDate, \.birthDate), .text(.position, \.position, width: 20),
            .date(.teachingSince, \.teachingSince), .date(.hiredOn, \.hiredOn), .optionalDate(.dismissedOn, \.dismissedOn),
            .optionalChoice(.dismissalReason, \.dismissalReason, width: 24),
        ])
}

extension Dataset {
    /// `visitor` given this dataset's declaration.
    public func declared<V: DeclarationVisitor>(_ visitor: V) -> V.Result {
        switch self {
        case .profile: visitor.visit(Declarations.profile)
        case .curators: visitor.visit(Declarations.curators)
        case .mentors: visitor.visit(Declarations.mentors)
        case .mentees: visitor.visit(Declarations.mentees)
        case .programs: visitor.visit(Declarations.programs)
        case .roadmap: visitor.visit(Declarations.roadmap)
        case .staff: visitor.visit(Declarations.staff)
        }
    }

    /// The dataset's columns, in the order of SPEC §4 (and of the templates).
    public var columns: [Column] { declared(Columns()) }

    /// The registry's table of its rows.
    public var table: String { declared(Table()) }

    /// Each column's shape (its template's type and choices).
    public var shapes: [Column: FieldShape] { declared(Shapes()) }

    private struct Columns: DeclarationVisitor {
        func visit<R>(_ declaration: DatasetDeclaration<R>) -> [Column] { declaration.columns }
    }

    private struct Table: DeclarationVisitor {
        func visit<R>(_ declaration: DatasetDeclaration<R>) -> String { declaration.table }
    }

    private struct Shapes: DeclarationVisitor {
        func visit<R>(_ declaration: DatasetDeclaration<R>) -> [Column: FieldShape] {
            Dictionary(declaration.fields.map { ($0.column, $0.shape) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
