import Domain

/// `programs`: personalised mentoring programmes, with their references to mentors and mentees.
enum ProgramRules {
    static func validate(_ check: FileCheck) -> [ProgramRecord] {
        let forms = Lookups.forms
        let models = Lookups.models
        let directionLookup = Lookups.directions
        let modes = Lookups.modes
        let statuses = Lookups.statuses
        let reasons = Lookups.reasons
        let school = check.context.school
        let people = check.context.people

        var out: [ProgramRecord] = []
        var numbers: [String: Int] = [:]
        for r in check.dataRecords {
            let number = check.text(.programNumber, r)
            if let number {
                if let first = numbers[number.lowercased()] {
                    check.report(
                        .error, r, .programNumber, value: number,
                        "Номер программы «\(number)» уже использован в строке \(check.table.rows[first]) — "
                            + "номера программ в ОО не повторяются."
                    )
                } else {
                    numbers[number.lowercased()] = r
                }
            }

            let mentor = check.snils(.mentorSnils, r)
            if let mentor, people.schoolsWithMentor(mentor).isEmpty {
                check.report(
                    .error, r, .mentorSnils, value: mentor.description,
                    "Наставник со СНИЛС \(mentor) не найден ни среди наставников вашей ОО, ни в реестре других ОО — "
                        + "сначала внесите его в файл наставников." + rejectedHint(check, .mentors))
            }

            var mentees: [Snils] = []
            var menteesValid = true
            if let list = check.text(.menteeSnils, r) {
                for item in Scalars.list(list) {
                    guard let snils = check.snils(item, .menteeSnils, r) else {
                        menteesValid = false
                        continue
                    }
                    if snils == mentor {
                        check.report(
                            .error, r, .menteeSnils, value: item,
                            "Наставник не может быть наставляемым в своей же программе — проверьте СНИЛС \(snils).")
                        menteesValid = false
                    } else if mentees.contains(snils) {
                        check.report(.error, r, .menteeSnils, value: item, "СНИЛС \(snils) указан в списке наставляемых дважды.")
                        menteesValid = false
                    } else if !people.isMentee(snils, of: school) {
                        check.report(
                            .error, r, .menteeSnils, value: item,
                            "Наставляемый со СНИЛС \(snils) не найден в файле наставляемых вашей ОО — сначала внесите его туда."
                                + rejectedHint(check, .mentees))
                        menteesValid = false
                    }
                    mentees.append(snils)
                }
                if mentees.isEmpty && menteesValid {
                    check.report(.error, r, .menteeSnils, value: list, "Укажите СНИЛС хотя бы одного наставляемого.")
                    menteesValid = false
                }
            }

            let form = check.choice(forms, .form, r)
            if form == .group, menteesValid, mentees.count < 2 {
                check.report(
                    .error, r, .form, value: form?.text,
                    "Форма «в группе» требует не менее двух наставляемых, указан \(mentees.count) — "
                        + "добавьте наставляемых или смените форму."
                )
            }
            let model = check.choice(models, .model, r)

            var directions: [Direction] = []
            var directionsValid = true
            if let list = check.text(.directions, r) {
                for item in Scalars.list(list) {
                    if let d = check.choice(directionLookup, item, .directions, r) {
                        if !directions.contains(d) { directions.append(d) }
                    } else {
                        directionsValid = false
                    }
                }
            }

            let mode = check.choice(modes, .mode, r)
            let start = check.date(.startDate, r)
            let end = check.date(.endDate, r)
            if let start, let end {
                if end <= start {
                    check.report(
                        .error, r, .endDate, value: end.russian,
                        "Дата окончания \(end.russian) не позже даты начала \(start.russian) — проверьте даты.")
                } else if !ProgramRecord.isTypicalDuration(from: start, to: end) {
                    check.report(
                        .warning, r, .endDate, value: end.russian,
                        "Срок программы \(start.russian)–\(end.russian) вне 3–12 месяцев, положенных персонализированной программе.")
                }
            }
            let pairOrder = check.text(.pairOrder, r)
            let consent = check.yesNo(.consent, r)
            if consent == false {
                check.report(
                    .error, r, .consent, value: "нет",
                    "Программа закрепляется только с письменного согласия участников (п. 3.8) — получите согласие и укажите «да».")
            }

            let status = check.choice(statuses, .status, r)
            let closed = status?.isClosed ?? false
            let closedDate = check.date(.closedDate, r, required: closed, notInFuture: true)
            if let status, !closed, let text = check.text(.closedDate, r) {
                check.report(
                    .error, r, .closedDate, value: text,
                    "У программы в статусе «\(status.text)» не бывает даты завершения — очистите ячейку или смените статус.")
            }
            if let closedDate, let start, closedDate < start {
                check.report(
                    .error, r, .closedDate, value: closedDate.russian,
                    "Дата завершения \(closedDate.russian) раньше начала программы \(start.russian) — проверьте даты.")
            }
            let reason = check.choice(reasons, .closeReason, r, required: closed)
            let results = check.url(.resultsURL, r)

            guard let number, let mentor, menteesValid, !mentees.isEmpty, let form, let model, directionsValid,
                !directions.isEmpty, let mode, let start, let end, end > start, let pairOrder, consent == true,
                let status, closed == (closedDate != nil), !closed || reason != nil
            else { continue }
            out.append(
                ProgramRecord(
                    row: check.table.rows[r], number: number, mentor: mentor, mentees: mentees, form: form, model: model,
                    directions: directions, mode: mode, startDate: start, endDate: end, pairOrder: pairOrder,
                    status: status, closedDate: closedDate, closeReason: closed ? reason : nil, resultsURL: results))
        }
        return out
    }

    /// Why a person may be missing: the school's file of that dataset was rejected in this batch.
    static func rejectedHint(_ check: FileCheck, _ dataset: Dataset) -> String {
        guard let files = check.context.rejectedFiles[dataset], !files.isEmpty else { return "" }
        let names = files.map { "«\($0)»" }.joined(separator: ", ")
        return " Файл \(names) (\(dataset.title.lowercased())) отклонён — исправьте его, и программа будет принята."
    }
}
