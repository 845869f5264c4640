import Domain

/// `curators`, `mentors`, `mentees`: lists of people keyed by СНИЛС.
enum PeopleRules {
    static func curators(_ check: FileCheck) -> [CuratorRecord] {
        var out: [CuratorRecord] = []
        var seen: [Snils: Int] = [:]
        for r in check.dataRecords {
            let snils = check.snils(.snils, r)
            let name = check.name(r)
            let position = check.text(.position, r)
            let orderNumber = check.text(.orderNumber, r)
            let orderDate = check.date(.orderDate, r)
            if let position, !isDeputyHead(position) {
                check.report(
                    .warning, r, .position, value: position,
                    "Куратор назначается из числа заместителей руководителя (п. 3.9 положения) — проверьте должность.")
            }
            guard let snils, unique(snils, r, &seen, check), let name, let position, let orderNumber, let orderDate
            else { continue }
            out.append(
                CuratorRecord(row: check.table.rows[r], snils: snils, name: name, position: position, orderNumber: orderNumber, orderDate: orderDate))
        }
        return out
    }

    static func mentors(_ check: FileCheck) -> [MentorRecord] {
        let categories = VocabularyLookup<QualificationCategory>()
        var out: [MentorRecord] = []
        out.reserveCapacity(check.table.count)
        var seen: [Snils: Int] = [:]
        for r in check.dataRecords {
            let snils = check.snils(.snils, r)
            let name = check.name(r)
            let birth = check.date(.mentorBirthDate, r, notInFuture: true)
            let position = check.text(.position, r)
            let subject = check.text(.subject, r)
            let years = check.years(.experience, r)
            let category = check.choice(categories, .category, r)
            let training = check.date(.trainingDate, r, notInFuture: true)
            let consent = check.yesNo(.publishConsent, r)
            guard let snils, unique(snils, r, &seen, check), let name, let position, let subject, let years,
                let category, let consent
            else { continue }
            out.append(
                MentorRecord(
                    row: check.table.rows[r], snils: snils, name: name, birthDate: birth, position: position,
                    subject: subject, experienceYears: years, category: category, trainingDate: training,
                    publishConsent: consent))
        }
        return out
    }

    static func mentees(_ check: FileCheck) -> [MenteeRecord] {
        var out: [MenteeRecord] = []
        var seen: [Snils: Int] = [:]
        for r in check.dataRecords {
            let snils = check.snils(.snils, r)
            let name = check.name(r)
            let birth = check.date(.birthDate, r, notInFuture: true)
            let position = check.text(.position, r)
            let subject = check.text(.subject, r)
            let years = check.years(.experience, r)
            let deficits = check.text(.deficits, r)
            let consent = check.yesNo(.publishConsent, r)
            guard let snils, unique(snils, r, &seen, check), let name, let birth, let position, let subject,
                let years, let consent
            else { continue }
            out.append(
                MenteeRecord(
                    row: check.table.rows[r], snils: snils, name: name, birthDate: birth, position: position,
                    subject: subject, experienceYears: years, deficits: deficits, publishConsent: consent))
        }
        return out
    }

    /// One person, one row: a СНИЛС repeated within a file is an error on the later row.
    private static func unique(_ snils: Snils, _ record: Int, _ seen: inout [Snils: Int], _ check: FileCheck) -> Bool {
        if let first = seen[snils] {
            check.report(
                .error, record, .snils, value: snils.description,
                "СНИЛС \(snils) уже указан в строке \(check.table.rows[first]) — каждый человек указывается в файле один раз.")
            return false
        }
        seen[snils] = record
        return true
    }

    /// «Заместитель директора по УВР», «зам. заведующего».
    static func isDeputyHead(_ position: String) -> Bool {
        let key = TextKey.normalize(position)
        return key.contains("заместител") || key.hasPrefix("зам.") || key.hasPrefix("зам ")
    }
}
