import Domain

/// `curators`, `mentors`, `mentees`: lists of people keyed by СНИЛС.
enum PeopleRules {
    static func curators(_ check: FileCheck) -> [CuratorRecord] {
        var out: [CuratorRecord] = []
        var seen = SnilsRegister()
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
            seen.note(snils, r)
            guard let snils, let name, let position, let orderNumber, let orderDate
            else { continue }
            out.append(
                CuratorRecord(
                    row: check.table.rows[r], snils: snils, name: name, position: position, orderNumber: orderNumber, orderDate: orderDate))
        }
        seen.reportRepeats(check)
        return out
    }

    static func mentors(_ check: FileCheck) -> [MentorRecord] {
        let categories = Lookups.categories
        var out: [MentorRecord] = []
        out.reserveCapacity(check.table.count)
        var seen = SnilsRegister()
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
            seen.note(snils, r)
            guard let snils, let name, let position, let subject, let years,
                let category, let consent
            else { continue }
            out.append(
                MentorRecord(
                    row: check.table.rows[r], snils: snils, name: name, birthDate: birth, position: position,
                    subject: subject, experienceYears: years, category: category, trainingDate: training,
                    publishConsent: consent))
        }
        seen.reportRepeats(check)
        return out
    }

    static func mentees(_ check: FileCheck) -> [MenteeRecord] {
        var out: [MenteeRecord] = []
        var seen = SnilsRegister()
        for r in check.dataRecords {
            let snils = check.snils(.snils, r)
            let name = check.name(r)
            let birth = check.date(.birthDate, r, notInFuture: true)
            let position = check.text(.position, r)
            let subject = check.text(.subject, r)
            let years = check.years(.experience, r)
            let deficits = check.text(.deficits, r)
            let consent = check.yesNo(.publishConsent, r)
            seen.note(snils, r)
            guard let snils, let name, let birth, let position, let subject,
                let years, let consent
            else { continue }
            out.append(
                MenteeRecord(
                    row: check.table.rows[r], snils: snils, name: name, birthDate: birth, position: position,
                    subject: subject, experienceYears: years, deficits: deficits, publishConsent: consent))
        }
        seen.reportRepeats(check)
        return out
    }

    /// «Заместитель директора по УВР», «зам. заведующего».
    static func isDeputyHead(_ position: String) -> Bool {
        let key = TextKey.normalize(position)
        return key.contains("заместител") || key.hasPrefix("зам.") || key.hasPrefix("зам ")
    }
}

/// One person, one row: a СНИЛС repeated within a file is an error on each later row. The numbers
/// are collected and sorted once at the end, which is cheaper than a dictionary for large files.
struct SnilsRegister {
    private var entries: [(snils: UInt64, record: Int)] = []

    mutating func note(_ snils: Snils?, _ record: Int) {
        if let snils { entries.append((snils.value, record)) }
    }

    mutating func reportRepeats(_ check: FileCheck) {
        entries.sort { ($0.snils, $0.record) < ($1.snils, $1.record) }
        var i = 0
        while i < entries.count {
            var j = i + 1
            while j < entries.count && entries[j].snils == entries[i].snils {
                let snils = Snils(value: entries[j].snils)
                check.report(
                    .error, entries[j].record, .snils, value: snils.description,
                    "СНИЛС \(snils) уже указан в строке \(check.table.rows[entries[i].record]) — "
                        + "каждый человек указывается в файле один раз."
                )
                j += 1
            }
            i = j
        }
    }
}
