import Configuration
import Domain
import Foundation
import Registry
import XLSX

/// `outbox/public/<code>/nastavnichestvo-DATE.xlsx`: what a school may publish in its website section
/// (п. 4.14 of the order): programmes, and the mentors and mentees who consented to publication —
/// never a СНИЛС, a birth date or anything else personal beyond name, position and subject.
public enum PublicExtract {
    public static func write(registry: Registry, school: School, programs: [ProgramRecord], place: OutputPlace) throws -> String {
        let path = "\(place.outbox)/public/\(school.code)/nastavnichestvo-\(place.asOf.iso).xlsx"
        let workbook = try Workbook(path: path, created: place.created, title: "Наставничество: \(school.shortName)")
        let heading = "\(school.name): наставничество педагогических работников (на \(place.asOf.russian))"

        var published: [Snils: String] = [:]
        let mentors = Table(workbook, name: "Наставники", columns: [
            SheetColumn("Фамилия"), SheetColumn("Имя"), SheetColumn("Отчество"), SheetColumn("Должность", 24), SheetColumn("Предмет (направление)", 28),
            SheetColumn("Квалификационная категория", 22),
        ], titleRows: [heading])
        try registry.forEachCurrentMentor(school: school.code) { m in
            let r = m.record
            guard r.publishConsent else { return }
            published[r.snils] = r.name.full
            try mentors.append([.text(r.name.last), .text(r.name.first), .optional(r.name.middle), .text(r.position), .text(r.subject), .text(r.category.text)])
        }
        try mentors.finish()

        let mentees = Table(workbook, name: "Наставляемые", columns: [
            SheetColumn("Фамилия"), SheetColumn("Имя"), SheetColumn("Отчество"), SheetColumn("Должность", 24), SheetColumn("Предмет (направление)", 28),
        ], titleRows: [heading])
        for m in try registry.currentMentees(school: school.code) where m.record.publishConsent {
            let r = m.record
            published[r.snils] = r.name.full
            try mentees.append([.text(r.name.last), .text(r.name.first), .optional(r.name.middle), .text(r.position), .text(r.subject)])
        }
        try mentees.finish()

        let table = Table(workbook, name: "Программы", columns: [
            SheetColumn("Номер программы", 14), SheetColumn("Наставник", 30), SheetColumn("Наставляемые", 36, .wrapped), SheetColumn("Форма наставничества", 18),
            SheetColumn("Модель", 24), SheetColumn("Направления", 30, .wrapped), SheetColumn("Режим", 12), .date("Дата начала"), .date("Дата окончания"),
            SheetColumn("Статус", 14), SheetColumn("Результаты опубликованы", 34),
        ], titleRows: [heading])
        for p in programs {
            let named = p.mentees.compactMap { published[$0] }
            let others = p.mentees.count - named.count
            let menteeText = (named + (others > 0 ? ["и ещё \(others) (без согласия на публикацию)"] : [])).joined(separator: "\n")
            try table.append([
                .text(p.number), .optional(published[p.mentor]), .text(menteeText), .text(p.form.text), .text(p.model.text),
                .text(p.directions.map(\.text).joined(separator: "; ")), .text(p.mode.text), .date(p.startDate), .date(p.endDate),
                .text(p.status.text), .optional(p.resultsURL),
            ])
        }
        try table.finish()
        try workbook.close()
        return path
    }
}
