import Domain

/// `staff`: the school's pedagogical workers since a year before the model started, past ones with
/// their dismissal. A person may appear more than once (dismissed and hired again), never with two
/// employments at the school that share a day. Being employed in another school at the same time is
/// the night's to see (part-time work: a warning, `Judge`).
enum StaffRules {
    static func validate(_ check: FileCheck) -> [StaffRecord] {
        let reasons = Lookups.dismissalReasons
        var out: [StaffRecord] = []
        out.reserveCapacity(check.table.count)
        var records: [Int] = []
        for r in check.dataRecords {
            let snils = check.snils(.snils, r)
            let name = check.name(r)
            let birth = check.date(.birthDate, r, notInFuture: true)
            let position = check.text(.position, r)
            let since = check.date(.teachingSince, r, notInFuture: true)
            let hired = check.date(.hiredOn, r, notInFuture: true)
            let dismissed = check.date(.dismissedOn, r, notInFuture: true)
            let dismissedGiven = dismissed != nil || check.text(.dismissedOn, r) != nil
            let reason = check.choice(reasons, .dismissalReason, r)
            var broken = false
            if dismissedGiven && check.text(.dismissalReason, r) == nil {
                check.report(
                    .error, r, .dismissalReason,
                    "Указана дата увольнения — укажите и основание увольнения: \(VocabularyLookup<DismissalReason>.allowed).")
                broken = true
            }
            if let birth, let since, since <= birth.adding(months: 12 * 14) {
                check.report(
                    .error, r, .teachingSince, value: since.russian,
                    "Дата начала педагогической деятельности \(since.russian) — раньше 14 лет от даты рождения "
                        + "\(birth.russian): проверьте обе даты.")
                broken = true
            }
            if let since, let hired, hired < since {
                check.report(
                    .warning, r, .hiredOn, value: hired.russian,
                    "Дата приёма \(hired.russian) раньше начала педагогической деятельности \(since.russian) — "
                        + "проверьте: от неё считается стаж молодого педагога.")
            }
            if let hired, let dismissed, dismissed < hired {
                check.report(
                    .error, r, .dismissedOn, value: dismissed.russian,
                    "Дата увольнения \(dismissed.russian) раньше даты приёма \(hired.russian) — проверьте даты.")
                broken = true
            }
            if !dismissedGiven, let text = check.text(.dismissalReason, r) {
                check.report(
                    .error, r, .dismissalReason, value: text,
                    "Основание увольнения указано без даты увольнения — впишите дату или очистите ячейку.")
                broken = true
            }
            guard !broken, let snils, let name, let birth, let position, let since, let hired
            else { continue }
            out.append(
                StaffRecord(
                    row: check.table.rows[r], snils: snils, name: name, birthDate: birth, position: position, teachingSince: since,
                    hiredOn: hired, dismissedOn: dismissed, dismissalReason: reason))
            records.append(r)
        }
        reportOverlaps(out, records: records, check)
        return out
    }

    /// The same person twice at the school with employments that share a day: one of the rows is
    /// wrong (a re-hire comes after the dismissal).
    private static func reportOverlaps(_ staff: [StaffRecord], records: [Int], _ check: FileCheck) {
        let bySnils = Dictionary(grouping: staff.indices, by: { staff[$0].snils })
        for (_, rows) in bySnils where rows.count > 1 {
            for (k, later) in rows.enumerated() {
                guard let earlier = rows[..<k].first(where: { staff[$0].overlaps(staff[later]) }) else { continue }
                let person = staff[later]
                check.report(
                    .error, records[later], .hiredOn, value: person.hiredOn.russian,
                    "СНИЛС \(person.snils) уже указан в строке \(staff[earlier].row) с работой в те же дни — "
                        + "повторно человек указывается только после увольнения (проверьте даты приёма и увольнения).")
            }
        }
    }
}
