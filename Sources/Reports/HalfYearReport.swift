import Config
import DOCX
import Deadlines
import Domain
import Figures
import Foundation

/// `outbox/spravka-YYYY-HN.docx`: the half-yearly «Аналитическая справка» of roadmap items 3.1–3.3
/// (and п. 3.9's final report on how many teachers are involved), written from the night's figures
/// and the registry's previous half-year: coverage, participants, programmes, closures, deadlines,
/// the roadmap, and a conclusion whose sentences are made from the figures. Schools appear by name;
/// people never (no СНИЛС, no birth date, no name).
public enum HalfYearReport {
    /// The file name for `period`.

    public static func document(_ figures: NightFigures) -> Document {
        let current = figures.dynamics.last!
        let previous = figures.dynamics.count > 1 ? figures.dynamics[figures.dynamics.count - 2] : nil
        let period = figures.period
        let n = RussianNumbers.self
        var doc = Document(title: "Аналитическая справка: наставничество, \(period.russian)")
        doc.titleLine("Аналитическая справка о состоянии внедрения целевой модели наставничества педагогических работников")
        doc.paragraph("\(figures.districtName), \(period.russian) (\(period.start.russian)–\(period.end.russian))", style: "Title")
        doc.paragraph(
            "Сведения реестра наставничества на \(figures.asOf.russian)"
                + (previous.map { "; для сравнения — на \($0.asOf.russian) (\($0.period.russian))" }
                    ?? "; предыдущего полугодия в реестре нет")
                + ".")

        let schools = figures.schools.count
        let total = current.total
        let before = previous?.total
        doc.heading("1. Охват")
        doc.paragraph(
            "Данные за полугодие прислали \(current.sending.count) из \(schools) образовательных организаций; "
                + "все наборы данных приняты у \(current.complete.count); без принятых данных — \(current.withoutData.count).")
        doc.table(
            comparisonColumns(previous: previous != nil),
            [
                comparison("Образовательных организаций, приславших данные", current.sending.count, previous?.sending.count),
                comparison("Педагогических работников, всего", total.teachersTotal, before?.teachersTotal),
                comparison("из них до 35 лет", total.teachersUnder35, before?.teachersUnder35),
                [
                    "Доля педагогов до 35 лет в наставничестве, %", before?.shareUnder35.map(n.decimal) ?? "—",
                    total.shareUnder35.map(n.decimal) ?? "—", "",
                ],
            ].map { previous == nil ? [$0[0], $0[2]] : $0 })

        doc.heading("2. Участники")
        doc.table(
            comparisonColumns(previous: previous != nil),
            [
                comparison("Наставников", total.mentors, before?.mentors),
                comparison("из них прошедших ПК по наставничеству", total.mentorsTrained, before?.mentorsTrained),
                comparison("Наставляемых", total.mentees, before?.mentees),
                comparison("из них молодых специалистов", total.menteesYoungSpecialists, before?.menteesYoungSpecialists),
                comparison("из них до 35 лет", total.menteesUnder35, before?.menteesUnder35),
            ].map { previous == nil ? [$0[0], $0[2]] : $0 })

        doc.heading("3. Программы наставничества")
        doc.heading("Реализуемые программы по формам наставничества", level: 2)
        doc.table(
            [Document.Column("Форма наставничества", width: 6), Document.Column("Программ", width: 2, numeric: true)],
            MentoringForm.allCases.map { [$0.columnTitle, n.integer(total.byForm[$0] ?? 0)] })
        doc.heading("Реализуемые программы по моделям", level: 2)
        doc.table(
            [Document.Column("Модель", width: 6), Document.Column("Программ", width: 2, numeric: true)],
            MentoringModel.allCases.map { [$0.columnTitle, n.integer(total.byModel[$0] ?? 0)] })
        doc.heading("Программы реестра по статусу", level: 2)
        doc.table(
            [Document.Column("Статус", width: 6), Document.Column("Программ", width: 2, numeric: true)],
            figures.programsByStatus.map { [$0.status.text, n.integer($0.count)] })

        doc.heading("4. Завершение программ (п. 4.12)")
        let closed = figures.closuresByReason.reduce(0) { $0 + $1.count }
        doc.paragraph(
            "За полугодие завершено программ: \(n.integer(total.programsCompleted)), прекращено: \(n.integer(total.programsTerminated)).")
        if closed > 0 {
            doc.table(
                [Document.Column("Основание завершения", width: 6), Document.Column("Программ", width: 2, numeric: true)],
                figures.closuresByReason.filter { $0.count > 0 }.map { [$0.reason.text, n.integer($0.count)] })
        }

        doc.heading("5. Сроки программ")
        let problems = figures.deadlines.programs
        if problems.isEmpty {
            doc.paragraph("Замечаний по срокам программ нет.")
        } else {
            doc.table(
                [Document.Column("Замечание", width: 6), Document.Column("Программ", width: 2, numeric: true)],
                [ProgramDeadline.Kind.notClosed, .resultsNotPublished, .unusualDuration].compactMap { kind in
                    let count = problems.count { $0.kind == kind }
                    return count > 0 ? [kind.rawValue, n.integer(count)] : nil
                })
            let bySchool = figures.monitoring.filter { $0.programDeadlines > 0 }
            doc.paragraph(
                "Замечания есть у \(bySchool.count) ОО: "
                    + bySchool.map { "\($0.school.name) (\($0.programDeadlines))" }.joined(separator: "; ") + ".")
        }

        doc.heading("6. Дорожная карта")
        let deadlines = figures.deadlines
        doc.heading("Мероприятия отдела образования", level: 2)
        doc.table(
            [Document.Column("Код", width: 1), Document.Column("Мероприятие", width: 6), Document.Column("Статус", width: 3)],
            deadlines.districtItems.map { scheduled in
                [scheduled.item.code, scheduled.item.title, deadlines.district[scheduled.item.code]?.status.rawValue ?? ""]
            })
        doc.heading("Мероприятия образовательных организаций", level: 2)
        let codes = figures.schools.map(\.code)
        doc.table(
            [
                Document.Column("Код", width: 1), Document.Column("Мероприятие", width: 6),
                Document.Column("Выполнили ОО", width: 2, numeric: true), Document.Column("Просрочили ОО", width: 2, numeric: true),
            ],
            deadlines.schoolItems.map { scheduled in
                let all = codes.compactMap { deadlines.schools[$0]?[scheduled.item.code]?.status }
                return [
                    scheduled.item.code, scheduled.item.title, n.integer(all.count { $0 == .doneOnTime || $0 == .doneLate }),
                    n.integer(all.count { $0 == .overdue }),
                ]
            })
        let behind = figures.monitoring.filter { $0.overdueItems > 0 }.sorted { $0.overdueItems > $1.overdueItems }
        if behind.isEmpty {
            doc.paragraph("Просроченных мероприятий у образовательных организаций нет.")
        } else {
            doc.paragraph("Отстают от дорожной карты (просрочено мероприятий):")
            doc.list(behind.map { "\($0.school.name) — \($0.overdueItems)" })
        }

        let retention = figures.retention
        RetentionSection.write(
            &doc, heading: "7. Закрепление молодых педагогов", counts: retention.total, units: "ОО", start: retention.start,
            asOf: retention.asOf, betweenDistricts: false)

        doc.heading("8. Выводы")
        doc.list(conclusions(figures, current: current, previous: previous))
        return doc
    }

    /// The conclusion, a sentence per figure that moved (or stood), and who did not report.
    static func conclusions(_ figures: NightFigures, current: PeriodFigures, previous: PeriodFigures?) -> [String] {
        let n = RussianNumbers.self
        let total = current.total
        var out: [String] = []
        let counts: [(String, KeyPath<StatformRow, Int>)] = [
            ("Число наставников", \.mentors), ("Число наставляемых", \.mentees),
            ("Число наставляемых — молодых специалистов", \.menteesYoungSpecialists), ("Число реализуемых программ", \.programsActive),
        ]
        for (what, count) in counts {
            let now = total[keyPath: count]
            guard let before = previous?.total[keyPath: count] else {
                out.append("\(what) — \(n.integer(now)) (предыдущего полугодия в реестре нет).")
                continue
            }
            if now > before {
                out.append("\(what) выросло с \(n.integer(before)) до \(n.integer(now))\(n.relativeChange(from: before, to: now)).")
            } else if now < before {
                out.append("\(what) сократилось с \(n.integer(before)) до \(n.integer(now))\(n.relativeChange(from: before, to: now)).")
            } else {
                out.append("\(what) не изменилось: \(n.integer(now)).")
            }
        }
        if let share = total.shareUnder35 { out.append("В наставничестве участвуют \(n.percent(share)) педагогов в возрасте до 35 лет.") }
        let trained = total.mentors == 0 ? nil : Double(total.mentorsTrained) / Double(total.mentors) * 100
        if let trained { out.append("Прошли повышение квалификации по наставничеству \(n.percent(trained)) наставников.") }
        let silent = figures.schools.filter { school in !current.sending.contains { $0.code == school.code } }
        out.append(
            silent.isEmpty
                ? "Данные за полугодие прислали все образовательные организации."
                : "Не представили данные за полугодие: " + silent.map(\.name).joined(separator: ", ") + ".")
        if figures.retention.total.mentoredRate != nil && figures.retention.total.notMentoredRate != nil {
            out.append(figures.retention.total.comparison)
        }
        let overdue = figures.monitoring.reduce(0) { $0 + $1.overdueItems }
        out.append(
            overdue == 0
                ? "Просроченных мероприятий дорожной карты нет."
                : "Просрочено мероприятий дорожной карты: \(n.integer(overdue)) у \(figures.monitoring.count { $0.overdueItems > 0 }) ОО.")
        return out
    }

    static func comparisonColumns(previous: Bool) -> [Document.Column] {
        previous
            ? [
                Document.Column("Показатель", width: 6), Document.Column("Предыдущее полугодие", width: 2, numeric: true),
                Document.Column("Текущее полугодие", width: 2, numeric: true), Document.Column("Изменение", width: 2, numeric: true),
            ]
            : [Document.Column("Показатель", width: 6), Document.Column("Текущее полугодие", width: 2, numeric: true)]
    }

    static func comparison(_ title: String, _ now: Int, _ before: Int?) -> [String] {
        let n = RussianNumbers.self
        return [title, before.map(n.integer) ?? "—", n.integer(now), before.map { n.signed(now - $0) } ?? ""]
    }

    /// The `.docx` bytes; the as-of date's midnight stamps them, so that the same night gives the
    /// same bytes.
    public static func data(_ figures: NightFigures) throws -> Data {
        try document(figures).data(created: Date(timeIntervalSince1970: TimeInterval(figures.asOf.daysSinceEpoch) * 86_400))
    }
}
