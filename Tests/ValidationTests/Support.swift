import Domain
import Foundation

@testable import Reading
@testable import Validation

/// Builds files as a school would and validates them as the nightly run does.
enum Fixture {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
    static let school = "tetyushi-sosh1"
    static let roadmapCodes: Set<String> = ["1.5", "1.6", "2.2", "3.1", "П2.1", "П2.6"]

    /// Valid СНИЛС numbers (checksums computed by hand, see SnilsTests).
    static let mentorA = "112-233-445 95"
    static let mentorB = "145-274-509 62"
    static let menteeA = "141-008-408 00"
    static let menteeB = "205-132-059 00"
    static let menteeC = "952-530-077 00"

    static func context(school: String = school, people: PeopleIndex = PeopleIndex()) -> ValidationContext {
        ValidationContext(school: school, asOf: asOf, roadmapCodes: roadmapCodes, people: people)
    }

    static func csv(_ rows: [[String]], delimiter: String = ";") -> [UInt8] {
        let text =
            rows.map { row in
                row.map { v in
                    v.contains(delimiter) || v.contains("\"") || v.contains("\n")
                        ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
                }.joined(separator: delimiter)
            }.joined(separator: "\r\n") + "\r\n"
        return Array(text.utf8)
    }

    /// UTF-8 text re-encoded as Windows-1251.
    static func windows1251(_ utf8: [UInt8]) -> [UInt8] {
        String(decoding: utf8, as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x80 ? UInt8(scalar.value) : UInt8(0x80 + Windows1251.upperHalf.firstIndex(of: UInt16(scalar.value))!)
        }
    }

    static func validate(_ name: String, _ rows: [[String]], context: ValidationContext = context()) -> ValidatedFile {
        validate(name, bytes: csv(rows), context: context)
    }

    /// As the night does it: the dataset recognised from the name or header, then the file checked.
    static func validate(_ name: String, bytes: [UInt8], context: ValidationContext = context()) -> ValidatedFile {
        FileValidator.validate(
            name: name, dataset: DatasetRecognition.recognise(name: name, head: bytes, complete: true), bytes: bytes, context: context)
    }

    static let mentorHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)",
        "Педагогический стаж, лет", "Квалификационная категория", "Дата ПК по наставничеству", "Согласие на публикацию",
    ]
    static func mentor(
        _ snils: String, last: String = "Андреева", years: String = "12", category: String = "высшая", training: String = "14.11.2022"
    ) -> [String] {
        [snils, last, "Галина", "Петровна", "12.03.1971", "Учитель", "Русский язык", years, category, training, "да"]
    }

    static let menteeHeader = [
        "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Предмет (направление)",
        "Педагогический стаж, лет", "Профессиональные затруднения", "Согласие на публикацию",
    ]
    static func mentee(_ snils: String, birth: String = "14.06.2000", years: String = "1") -> [String] {
        [snils, "Петров", "Артём", "", birth, "Учитель", "Физкультура", years, "", "да"]
    }

    static let programHeader = [
        "Номер программы", "СНИЛС наставника", "СНИЛС наставляемых", "Форма наставничества", "Модель", "Направления",
        "Режим", "Дата начала", "Дата окончания", "Приказ о закреплении", "Согласие участников", "Статус",
        "Дата завершения", "Основание завершения", "Результаты опубликованы",
    ]
    static func program(
        _ number: String = "1", mentor: String = mentorA, mentees: String = menteeA, form: String = "традиционная",
        start: String = "01.09.2025", end: String = "31.05.2026", consent: String = "да", status: String = "реализуется",
        closed: String = "", reason: String = ""
    ) -> [String] {
        [
            number, mentor, mentees, form, "педагог – педагог", "методическое", "очный", start, end, "Приказ № 1 от 01.09.2025",
            consent, status, closed, reason, "",
        ]
    }

    /// People of this school, as the registry would know them.
    static var people: PeopleIndex {
        var index = PeopleIndex()
        for s in [mentorA, mentorB] { index.addMentors([snils(s)], school: school) }
        for s in [menteeA, menteeB, menteeC] { index.addMentees([snils(s)], school: school) }
        return index
    }

    static func snils(_ text: String) -> Snils {
        guard case .valid(let s) = SnilsCheck.check(text) else { fatalError("test СНИЛС \(text) is invalid") }
        return s
    }
}

extension ValidatedFile {
    var errors: [Finding] { findings.filter { $0.severity == .error } }
    var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    func has(_ severity: Severity, row: Int?, column: String?, containing text: String) -> Bool {
        findings.contains { $0.severity == severity && $0.row == row && $0.column == column && $0.message.contains(text) }
    }
}

/// People held in memory, as the registry and tonight's files would list them.
struct PeopleIndex: PeopleDirectory {
    var mentors: [Snils: Set<String>] = [:]
    var mentees: [Snils: Set<String>] = [:]

    mutating func addMentors(_ list: some Sequence<Snils>, school: String) {
        for snils in list { mentors[snils, default: []].insert(school) }
    }

    mutating func addMentees(_ list: some Sequence<Snils>, school: String) {
        for snils in list { mentees[snils, default: []].insert(school) }
    }

    func schoolsWithMentor(_ snils: Snils) -> Set<String> { mentors[snils] ?? [] }
    func isMentee(_ snils: Snils, of school: String) -> Bool { mentees[snils]?.contains(school) ?? false }
}
