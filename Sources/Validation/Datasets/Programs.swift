import Domain

/// `programs`: personalised mentoring programmes, with their references to mentors and mentees.
/// Each row is held to the rules below, in order — each reads its cells (a value of the wrong kind
/// is a finding at its cell) and says what is wrong with them — and becomes a record when it broke
/// none.
enum ProgramRules {
    static func validate(_ check: FileCheck) -> [ProgramRecord] {
        let numbers = NumbersSeen()
        return check.dataRecords.compactMap { r in
            var row = Row(check: check, record: r, numbers: numbers)
            for rule in rules { rule.apply(&row) }
            return row.program
        }
    }

    /// The rules of a row, in the order its findings are reported.
    static let rules: [(name: String, apply: @Sendable (inout Row) -> Void)] = [
        ("номер программы не повторяется в ОО", { $0.numberOnce() }),
        ("наставник есть среди наставников ОО или реестра", { $0.mentorKnown() }),
        ("наставляемые — свои, не наставник, каждый один раз, хотя бы один", { $0.menteesOfTheSchool() }),
        ("форма «в группе» — не меньше двух наставляемых", { $0.formFitsMentees() }),
        ("модель из перечня", { $0.modelKnown() }),
        ("направления из перечня, хотя бы одно", { $0.directionsKnown() }),
        ("режим из перечня", { $0.modeKnown() }),
        ("окончание позже начала; срок 3–12 месяцев", { $0.datesInOrder() }),
        ("приказ о закреплении указан", { $0.pairOrderGiven() }),
        ("участники согласны (п. 3.8)", { $0.consentGiven() }),
        ("завершённая программа — с датой и основанием завершения, незавершённая — без них", { $0.closingFitsStatus() }),
        ("результаты — адрес страницы", { $0.resultsLink() }),
    ]

    /// Programme numbers already used in the file (lower-cased), with their record.
    final class NumbersSeen {
        var first: [String: Int] = [:]
    }

    /// One row while its rules run: what each read, and whether any found an error.
    struct Row {
        let check: FileCheck
        let record: Int
        let numbers: NumbersSeen
        var broken = false

        var number: String?
        var mentor: Snils?
        var mentees: [Snils] = []
        /// No mentee of the list was wrong.
        var menteesValid = true
        var form: MentoringForm?
        var model: MentoringModel?
        var directions: [Direction] = []
        var mode: WorkMode?
        var start: CivilDate?
        var end: CivilDate?
        var pairOrder: String?
        var consent: Bool?
        var status: ProgramStatus?
        var closedDate: CivilDate?
        var closeReason: CloseReason?
        var results: String?

        init(check: FileCheck, record: Int, numbers: NumbersSeen) {
            self.check = check
            self.record = record
            self.numbers = numbers
        }

        /// An error of this row, at `column`.
        mutating func error(_ column: Column, _ value: String?, _ message: String) {
            check.report(.error, record, column, value: value, message)
            broken = true
        }

        /// A reading that gave nothing: the reader reported why (a required cell empty, a value of
        /// the wrong kind).
        mutating func read<T>(_ value: T?) -> T? {
            if value == nil { broken = true }
            return value
        }

        mutating func numberOnce() {
            number = read(check.text(.programNumber, record))
            guard let number else { return }
            if let first = numbers.first[number.lowercased()] {
                error(
                    .programNumber, number,
                    "Номер программы «\(number)» уже использован в строке \(check.table.rows[first]) — номера программ в ОО не повторяются."
                )
            } else {
                numbers.first[number.lowercased()] = record
            }
        }

        mutating func mentorKnown() {
            mentor = read(check.snils(.mentorSnils, record))
            guard let mentor, check.context.people.schoolsWithMentor(mentor).isEmpty else { return }
            error(
                .mentorSnils, mentor.description,
                "Наставник со СНИЛС \(mentor) не найден ни среди наставников вашей ОО, ни в реестре других ОО — "
                    + "сначала внесите его в файл наставников." + ProgramRules.rejectedHint(check, .mentors))
        }

        mutating func menteesOfTheSchool() {
            guard let list = read(check.text(.menteeSnils, record)) else { return }
            for item in Scalars.list(list) {
                guard let snils = check.snils(item, .menteeSnils, record) else {
                    menteesValid = false
                    continue
                }
                if snils == mentor {
                    menteeError(item, "Наставник не может быть наставляемым в своей же программе — проверьте СНИЛС \(snils).")
                } else if mentees.contains(snils) {
                    menteeError(item, "СНИЛС \(snils) указан в списке наставляемых дважды.")
                } else if !check.context.people.isMentee(snils, of: check.context.school) {
                    menteeError(
                        item,
                        "Наставляемый со СНИЛС \(snils) не найден в файле наставляемых вашей ОО — сначала внесите его туда."
                            + ProgramRules.rejectedHint(check, .mentees))
                }
                mentees.append(snils)
            }
            if mentees.isEmpty && menteesValid { menteeError(list, "Укажите СНИЛС хотя бы одного наставляемого.") }
            if !menteesValid { broken = true }
        }

        private mutating func menteeError(_ value: String, _ message: String) {
            error(.menteeSnils, value, message)
            menteesValid = false
        }

        mutating func formFitsMentees() {
            form = read(check.choice(Lookups.forms, .form, record))
            if form == .group, menteesValid, mentees.count < 2 {
                error(
                    .form, form?.text,
                    "Форма «в группе» требует не менее двух наставляемых, указан \(mentees.count) — добавьте наставляемых или смените форму."
                )
            }
        }

        mutating func modelKnown() { model = read(check.choice(Lookups.models, .model, record)) }

        mutating func directionsKnown() {
            guard let list = read(check.text(.directions, record)) else { return }
            for item in Scalars.list(list) {
                guard let direction = read(check.choice(Lookups.directions, item, .directions, record)) else { continue }
                if !directions.contains(direction) { directions.append(direction) }
            }
            if directions.isEmpty { broken = true }
        }

        mutating func modeKnown() { mode = read(check.choice(Lookups.modes, .mode, record)) }

        mutating func datesInOrder() {
            start = read(check.date(.startDate, record))
            end = read(check.date(.endDate, record))
            guard let start, let end else { return }
            if end <= start {
                error(.endDate, end.russian, "Дата окончания \(end.russian) не позже даты начала \(start.russian) — проверьте даты.")
            } else if !ProgramRecord.isTypicalDuration(from: start, to: end) {
                check.report(
                    .warning, record, .endDate, value: end.russian,
                    "Срок программы \(start.russian)–\(end.russian) вне 3–12 месяцев, положенных персонализированной программе.")
            }
        }

        mutating func pairOrderGiven() { pairOrder = read(check.text(.pairOrder, record)) }

        mutating func consentGiven() {
            consent = read(check.yesNo(.consent, record))
            if consent == false {
                error(
                    .consent, "нет",
                    "Программа закрепляется только с письменного согласия участников (п. 3.8) — получите согласие и укажите «да».")
            }
        }

        mutating func closingFitsStatus() {
            status = read(check.choice(Lookups.statuses, .status, record))
            let closed = status?.isClosed ?? false
            closedDate = check.date(.closedDate, record, required: closed, notInFuture: true)
            if closed && closedDate == nil { broken = true }
            if let status, !closed, let text = check.text(.closedDate, record) {
                error(
                    .closedDate, text,
                    "У программы в статусе «\(status.text)» не бывает даты завершения — очистите ячейку или смените статус.")
            }
            if let closedDate, let start, closedDate < start {
                error(
                    .closedDate, closedDate.russian,
                    "Дата завершения \(closedDate.russian) раньше начала программы \(start.russian) — проверьте даты.")
            }
            let reason = check.choice(Lookups.reasons, .closeReason, record, required: closed)
            if closed && reason == nil { broken = true }
            closeReason = closed ? reason : nil
        }

        mutating func resultsLink() { results = check.url(.resultsURL, record) }

        /// The programme, when no rule found an error.
        var program: ProgramRecord? {
            guard !broken, let number, let mentor, let form, let model, let mode, let start, let end, let pairOrder, let status else {
                return nil
            }
            return ProgramRecord(
                row: check.table.rows[record], number: number, mentor: mentor, mentees: mentees, form: form, model: model,
                directions: directions, mode: mode, startDate: start, endDate: end, pairOrder: pairOrder, status: status,
                closedDate: closedDate, closeReason: closeReason, resultsURL: results)
        }
    }

    /// Why a person may be missing: the school's file of that dataset was rejected in this batch.
    static func rejectedHint(_ check: FileCheck, _ dataset: Dataset) -> String {
        guard let files = check.context.rejectedFiles[dataset], !files.isEmpty else { return "" }
        let names = files.map { "«\($0)»" }.joined(separator: ", ")
        return " Файл \(names) (\(dataset.title.lowercased())) отклонён — исправьте его, и программа будет принята."
    }
}
