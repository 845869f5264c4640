import Domain
import Figures
import Foundation
import XLSX

/// `outbox/public/<code>/nastavnichestvo-DATE.xlsx`: what a school may publish in its website section
/// (п. 4.14 of the order), as `PublicListing` prepares it.
public enum PublicExtract {
    static let mentorColumns: [SheetColumn<PublicListing.Person>] = [
        .text("Фамилия") { $0.name.last }, .text("Имя") { $0.name.first }, .text("Отчество") { $0.name.middle },
        .text("Должность", 24) { $0.position }, .text("Предмет (направление)", 28) { $0.subject },
        .text("Квалификационная категория", 22) { $0.category?.text },
    ]

    static let menteeColumns: [SheetColumn<PublicListing.Person>] = Array(mentorColumns.prefix(5))

    static let programmeColumns: [SheetColumn<PublicListing.Programme>] = [
        .text("Номер программы", 14) { $0.number }, .text("Наставник", 30) { $0.mentor },
        .text("Наставляемые", 36, wrapped: true) { p in
            (p.mentees + (p.othersWithoutConsent > 0 ? ["и ещё \(p.othersWithoutConsent) (без согласия на публикацию)"] : []))
                .joined(separator: "\n")
        },
        .text("Форма наставничества", 18) { $0.form.text }, .text("Модель", 24) { $0.model.text },
        .text("Направления", 30, wrapped: true) { $0.directions.map(\.text).joined(separator: "; ") },
        .text("Режим", 12) { $0.mode.text }, .date("Дата начала") { $0.startDate }, .date("Дата окончания") { $0.endDate },
        .text("Статус", 14) { $0.status.text }, .text("Результаты опубликованы", 34) { $0.resultsURL },
    ]

    /// What the extract would hold, apart from the date it is written on: the night's outputs keep
    /// an earlier night's extract while this has not changed. The layout's version is part of it,
    /// so that a change to the columns rewrites every extract once.
    public static func fingerprint(_ listing: PublicListing) -> String {
        var cells = CellFingerprint()
        cells.add("public extract, layout 1")
        cells.add(listing.school.name)
        cells.add(listing.school.shortName)
        cells.add(listing.mentors, mentorColumns)
        cells.add(listing.mentees, menteeColumns)
        cells.add(listing.programmes, programmeColumns)
        return cells.hex
    }

    public static func write(_ listing: PublicListing, place: OutputPlace) throws -> String {
        let school = listing.school
        let path = place.publicExtract(school.code)
        let workbook = try Workbook(path: path, title: "Наставничество: \(school.shortName)", place: place)
        let heading = "\(school.name): наставничество педагогических работников (на \(place.asOf.russian))"
        let mentors = Table(workbook, name: "Наставники", columns: mentorColumns, titleRows: [heading])
        try mentors.append(listing.mentors)
        try mentors.finish()
        let mentees = Table(workbook, name: "Наставляемые", columns: menteeColumns, titleRows: [heading])
        try mentees.append(listing.mentees)
        try mentees.finish()
        let programmes = Table(workbook, name: "Программы", columns: programmeColumns, titleRows: [heading])
        try programmes.append(listing.programmes)
        try programmes.finish()
        try workbook.close()
        return path
    }
}
