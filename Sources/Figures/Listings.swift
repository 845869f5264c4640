import Config
import Domain

/// What a school may publish in its website section (п. 4.14 of the order): its curators (name and
/// position: the school's officials for the programme), the mentors and mentees who consented to
/// publication, and every programme with the names of consenting participants only. Never a СНИЛС,
/// a birth date, стаж, professional difficulties or anything else personal.
public struct PublicListing: Sendable {
    public struct Curator: Sendable {
        public var name: PersonName
        public var position: String
    }

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
    public var curators: [Curator]
    public var mentors: [Person]
    public var mentees: [Person]
    public var programmes: [Programme]

    /// `mentorsElsewhere`: mentors who consented in the school that lists them (`consentingMentors`),
    /// so that a mentor invited from another school is named by the consent given there.
    public init(school: School, data: RegistrySnapshot.Folder, mentorsElsewhere: [Snils: String] = [:]) {
        self.school = school
        curators = data.curators.map { Curator(name: $0.name, position: $0.position) }
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
                number: p.number, mentor: published[p.mentor] ?? mentorsElsewhere[p.mentor], mentees: named,
                othersWithoutConsent: p.mentees.count - named.count,
                form: p.form, model: p.model, directions: p.directions, mode: p.mode, startDate: p.startDate, endDate: p.endDate,
                status: p.status, closedDate: p.closedDate, resultsURL: p.resultsURL)
        }
    }
}

/// The schools' public listings, made when a writer asks for one (a country's night holds one
/// at a time, not forty thousand), each naming an invited mentor by the consent given where the
/// mentor works.
public struct PublicListings: Sendable {
    let snapshot: RegistrySnapshot
    let mentorsElsewhere: [Snils: String]

    init(snapshot: RegistrySnapshot, schools: [School]) {
        self.snapshot = snapshot
        mentorsElsewhere = PublicListing.consentingMentors(in: snapshot, schools: schools)
    }

    public func listing(_ school: School) -> PublicListing {
        PublicListing(school: school, data: snapshot[school.code], mentorsElsewhere: mentorsElsewhere)
    }

    /// The school has sent anything: it has an extract.
    public func hasData(_ school: School) -> Bool { snapshot[school.code].hasData }
}

extension PublicListing {
    /// Every mentor who consented to publication in a school that lists them, by СНИЛС: the
    /// consent is the person's, given where they work.
    public static func consentingMentors(in snapshot: RegistrySnapshot, schools: [School]) -> [Snils: String] {
        var names: [Snils: String] = [:]
        for school in schools {
            for mentor in snapshot[school.code].mentors where mentor.publishConsent {
                names[mentor.snils] = names[mentor.snils] ?? mentor.name.full
            }
        }
        return names
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

/// The registry workbook's programmes with names, made one by one as they are written: a country
/// has hundreds of thousands, and a night that keeps the registry workbook builds none of them.
/// A mentor's name comes from the first school (in `schools.csv` order) that lists the mentor, a
/// mentee's from the last.
public struct ProgramListings: Sequence, Sendable {
    let snapshot: RegistrySnapshot
    let schools: [School]

    /// Where a person is listed: the school's position and the person's in its list.
    fileprivate struct Place {
        var school: Int32
        var index: Int32
    }

    public struct Iterator: IteratorProtocol {
        let folders: [RegistrySnapshot.Folder]
        let schools: [School]
        fileprivate let mentors: [Snils: Place]
        fileprivate let mentees: [Snils: Place]
        var school = 0
        var program = 0

        public mutating func next() -> ProgramListing? {
            while school < folders.count, program == folders[school].programs.count {
                school += 1
                program = 0
            }
            guard school < folders.count else { return nil }
            let data = folders[school]
            let p = data.programs[program]
            program += 1
            return ProgramListing(
                school: schools[school], program: p, mentorName: mentors[p.mentor].map { folder($0).mentors[Int($0.index)].name.full },
                menteeNames: p.mentees.map { snils in
                    mentees[snils].map { folder($0).mentees[Int($0.index)].name.full } ?? snils.description
                },
                file: data.files[.programs])
        }

        private func folder(_ place: Place) -> RegistrySnapshot.Folder { folders[Int(place.school)] }
    }

    public func makeIterator() -> Iterator {
        let folders = schools.map { snapshot[$0.code] }
        var mentors: [Snils: Place] = [:]
        var mentees: [Snils: Place] = [:]
        mentors.reserveCapacity(folders.reduce(0) { $0 + $1.mentors.count })
        mentees.reserveCapacity(folders.reduce(0) { $0 + $1.mentees.count })
        for (s, data) in folders.enumerated() {
            for (i, m) in data.mentors.enumerated() where mentors[m.snils] == nil {
                mentors[m.snils] = Place(school: Int32(s), index: Int32(i))
            }
            for (i, m) in data.mentees.enumerated() { mentees[m.snils] = Place(school: Int32(s), index: Int32(i)) }
        }
        return Iterator(folders: folders, schools: schools, mentors: mentors, mentees: mentees)
    }
}
