import Configuration
import Domain

/// What a school may publish in its website section (п. 4.14 of the order): the mentors and mentees
/// who consented to publication, and every programme with the names of consenting participants
/// only. Never a СНИЛС, a birth date, стаж, professional difficulties or anything else personal.
public struct PublicListing: Sendable {
    public struct Person: Sendable {
        public var name: PersonName
        public var position: String
        public var subject: String
        /// Mentors only.
        public var category: QualificationCategory?
    }

    public struct Programme: Sendable {
        public var number: String
        /// Nil when the mentor did not consent.
        public var mentor: String?
        /// Consenting mentees by name, then how many others there are.
        public var mentees: [String]
        public var othersWithoutConsent: Int
        public var form: MentoringForm
        public var model: MentoringModel
        public var directions: [Direction]
        public var mode: WorkMode
        public var startDate: CivilDate
        public var endDate: CivilDate
        public var status: ProgramStatus
        public var closedDate: CivilDate?
        public var resultsURL: String?
    }

    public var school: School
    public var mentors: [Person]
    public var mentees: [Person]
    public var programmes: [Programme]

    public init(school: School, data: RegistrySnapshot.Folder) {
        self.school = school
        var published: [Snils: String] = [:]
        mentors = data.mentors.filter(\.publishConsent).map { m in
            published[m.snils] = m.name.full
            return Person(name: m.name, position: m.position, subject: m.subject, category: m.category)
        }
        mentees = data.mentees.filter(\.publishConsent).map { m in
            published[m.snils] = m.name.full
            return Person(name: m.name, position: m.position, subject: m.subject, category: nil)
        }
        programmes = data.programs.map { p in
            let named = p.mentees.compactMap { published[$0] }
            return Programme(
                number: p.number, mentor: published[p.mentor], mentees: named, othersWithoutConsent: p.mentees.count - named.count,
                form: p.form, model: p.model, directions: p.directions, mode: p.mode, startDate: p.startDate, endDate: p.endDate,
                status: p.status, closedDate: p.closedDate, resultsURL: p.resultsURL)
        }
    }
}

/// A programme of the registry workbook with its people's names resolved across schools (an
/// invited mentor's name comes from the school that lists the mentor).
public struct ProgramListing: Sendable {
    public var school: School
    public var program: ProgramRecord
    public var mentorName: String?
    /// Each mentee's name, or the СНИЛС when no current list names the person.
    public var menteeNames: [String]
    public var file: String?
}

extension ProgramListing {
    static func rows(snapshot: RegistrySnapshot, schools: [School]) -> [ProgramListing] {
        var mentorNames: [Snils: String] = [:]
        var menteeNames: [Snils: String] = [:]
        for school in schools {
            let data = snapshot[school.code]
            for m in data.mentors where mentorNames[m.snils] == nil { mentorNames[m.snils] = m.name.full }
            for m in data.mentees { menteeNames[m.snils] = m.name.full }
        }
        return schools.flatMap { school in
            let data = snapshot[school.code]
            return data.programs.map { p in
                ProgramListing(
                    school: school, program: p, mentorName: mentorNames[p.mentor],
                    menteeNames: p.mentees.map { menteeNames[$0] ?? $0.description }, file: data.files[.programs])
            }
        }
    }
}
