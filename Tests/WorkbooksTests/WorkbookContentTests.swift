import Config
import Deadlines
import Domain
import Figures
import Fixtures
import Foundation
import Registry
import Testing
import XLSXTestSupport

@testable import Workbooks

struct WorkbookContentTests {
    let place = OutputPlace(outbox: RegistryFixture.scratch(), asOf: day("2026-03-01"))

    @Test func registryWorkbookSheetsAndHeaders() throws {
        let (snapshot, figures) = try RegistryFixture.night(StatformTests.registry())
        let path = try RegistryWorkbook.write(snapshot: snapshot, figures: figures, place: place)
        let book = try XLSXFile(path: path)
        #expect(book.sheets.map(\.name) == ["Наставники", "Наставляемые", "Программы", "Кураторы", "Кадры"])
        #expect(book["Наставники"]!.row(1).prefix(6) == ["Код ОО", "Наименование ОО", "СНИЛС", "Фамилия", "Имя", "Отчество"])
        #expect(book["Наставляемые"]!.row(1).prefix(6) == ["Код ОО", "Наименование ОО", "СНИЛС", "Фамилия", "Имя", "Отчество"])
        #expect(
            book["Программы"]!.row(1).prefix(10) == [
                "Код ОО", "Номер программы", "СНИЛС наставника", "Наставник", "Наставляемые", "Форма наставничества", "Модель",
                "Дата начала", "Дата окончания", "Статус",
            ])
        #expect(book["Кураторы"]!.row(1).prefix(7) == ["Код ОО", "Наименование ОО", "СНИЛС", "Фамилия", "Имя", "Отчество", "Должность"])
        let mentors = book["Наставники"]!
        #expect(mentors.lastRow == 5)
        #expect(mentors.row(2).prefix(4) == ["school-a", "МБОУ «Школа А»", "112-233-445 95", "Андреева"])
        #expect(mentors["G2"]?.number == day("1970-05-05").excelSerial, "birth dates are dates")
        #expect(mentors.text("N2") == "mentors.csv" && mentors["O2"]?.number == 2, "each row names its file and row")
        let programs = book["Программы"]!
        #expect(programs.text("D3") == "Белова Анна Ивановна")
        #expect(programs.text("E3") == "Орлов Олег\nЛаптев Олег")
        #expect(programs.text("F3") == "в группе" && programs.text("G3") == "руководитель ОО – педагог")
    }

    @Test func publicExtractHasNoPersonalDataAndOnlyConsentingPeople() throws {
        typealias F = Records
        let registry = try RegistryFixture.make([
            (
                "school-a",
                .mentors([F.mentor(11_223_344_595, "Согласная"), F.mentor(14_527_450_962, "Несогласная", consent: false, row: 3)])
            ),
            (
                "school-a",
                .mentees([
                    F.mentee(14_100_840_800, "Открытый", born: "2000-03-02", years: 1),
                    F.mentee(20_513_205_900, "Скрытый", born: "1999-01-01", years: 1, consent: false, row: 3),
                ])
            ),
            ("school-a", .programs([F.program("1", mentor: 14_527_450_962, mentees: [14_100_840_800, 20_513_205_900], status: .running)])),
        ])
        let path = try PublicExtract.write(
            PublicListing(school: F.schools.schools[0], data: try registry.snapshot()["school-a"]), place: place)
        #expect(path.hasSuffix("public/school-a/nastavnichestvo-2026-03-01.xlsx"))
        let book = try XLSXFile(path: path)
        let everything = book.parts.values.joined()
        for secret in [
            "112-233-445 95", "11223344595", "Несогласная", "Скрытый", "Дисциплина", "1970", "25693", "birth", "СНИЛС", "Дата рождения",
        ] {
            #expect(!everything.contains(secret), "«\(secret)» must not be published")
        }
        #expect(everything.contains("Согласная") && everything.contains("Открытый"))
        let programs = book["Программы"]!
        #expect(programs.text("B3") == "", "the mentor did not consent")
        #expect(programs.text("C3") == "Открытый Олег\nи ещё 1 (без согласия на публикацию)")
    }

    /// `Закрепление` read back: a row per school (an empty one without a staff list), `Итого` as
    /// formulas whose cached values are the ratios of the sums, and the chart — the figures of
    /// `RetentionTests`, through the real registry.
    @Test func retentionSheet() throws {
        let registry = try RegistryFixture.make(Records.retentionDistrict)
        let (_, figures) = try RegistryFixture.night(registry)
        let book = try XLSXFile(path: try MonitoringWorkbook.write(figures, place: place))
        let sheet = try #require(book["Закрепление"])
        #expect(
            sheet.row(3) == [
                "Код ОО", "Наименование ОО", "Молодых педагогов на 01.03.2025", "из них в наставничестве", "Остались в ОО",
                "Перешли в другую ОО", "Ушли", "Закрепление, %", "Закрепление наставляемых, %", "Закрепление не наставляемых, %",
                "Закрепились из наставляемых", "ОО со списком кадров",
            ])
        #expect(sheet.row(4) == ["school-a", "МБОУ «Школа А»", "5", "2", "2", "1", "2", "60", "50", "66.7", "1", "1"])
        #expect(sheet.row(5) == ["school-b", "МБОУ «Школа Б»", "3", "1", "2", "0", "1", "66.7", "0", "100", "0", "1"])
        #expect(sheet.row(6).dropFirst(2).allSatisfy { $0.isEmpty }, "no staff list: no figures, not zeros")
        #expect(sheet.row(8).prefix(2) == ["Итого", "Всего по 4 ОО"])
        #expect(sheet["C8"]?.formula == "SUM(C4:C7)" && sheet["C8"]?.number == 8)
        #expect(sheet["H8"]?.formula == "(E8+F8)/C8*100" && sheet["H8"]?.number == 62.5)
        #expect(sheet["I8"]?.formula == "K8/D8*100" && sheet["I8"]?.number == 33.3, "1 / 3, shown to one decimal")
        #expect(sheet["J8"]?.formula == "(E8+F8-K8)/(C8-D8)*100" && sheet["J8"]?.number == 80)
        #expect(book.parts.keys.contains { $0.hasPrefix("xl/charts/chart") })
        let chart = try #require(
            book.parts.first { $0.key.hasPrefix("xl/charts/") && $0.value.contains("Закрепление наставляемых") }?.value)
        #expect(chart.contains("'Закрепление'!$I$4:$I$7") && chart.contains("'Закрепление'!$J$4:$J$7"))
    }

    @Test func monitoringSheetsColoursAndCharts() throws {
        let registry = try StatformTests.registry()
        let schedule = try RoadmapSchedule(Records.roadmap)
        let (_, figures) = try RegistryFixture.night(registry, schedule: schedule)
        let path = try MonitoringWorkbook.write(figures, place: place)
        let book = try XLSXFile(path: path)
        #expect(
            book.sheets.map(\.name) == [
                "Мониторинг", "Дорожная карта", "Сроки ОО", "Программы — сроки", "Разные ФИО", "Динамика", "Закрепление", "Диаграммы",
                "Показатели",
            ])
        // Динамика: the half-year's schools then its total, each count beside its change (none: no half-year before).
        let dynamics = book["Динамика"]!
        #expect(
            dynamics.row(1).prefix(6) == [
                "Полугодие", "Код ОО", "Наименование ОО", "Педагогических работников, всего",
                "Педагогических работников, всего: изменение", "Наставников",
            ])
        #expect(dynamics.row(2).prefix(4) == ["2026-H1", "school-a", "МБОУ «Школа А»", "40"])
        #expect(dynamics.row(6).prefix(2) == ["2026-H1", "Итого"])
        #expect(dynamics.row(6)[3] == "\(figures.statformTotal.teachersTotal)" && dynamics.row(6)[4] == "")
        let monitoring = book["Мониторинг"]!
        #expect(
            monitoring.row(1).prefix(8) == [
                "Код ОО", "Наименование ОО", "Куратор", "Данные получены", "Состояние данных", "Программ реализуется",
                "Просрочено мероприятий", "Раздел сайта",
            ])
        #expect(monitoring.row(2)[4] == "принято" && monitoring.row(4)[4] == "нет данных")
        #expect(monitoring["D2"]?.number == day("2026-03-01").excelSerial)
        #expect(monitoring["F2"]?.number == 2 && monitoring["G2"]?.number == 2)
        let roadmap = book["Дорожная карта"]!
        #expect(roadmap.row(1).prefix(6) == ["Код", "Мероприятие", "Срок", "Срок (дата)", "Ответственный", "Статус"])
        #expect(roadmap.text("F2") == "просрочено")
        #expect(roadmap.text("F3") == "выполнили 0 из 4 ОО; просрочено: 4")
        let grid = book["Сроки ОО"]!
        #expect(grid.row(1) == ["Код ОО", "Наименование ОО", "П2.1", "3.1", "2.8"])
        #expect(grid.text("C2") == "просрочено")
        #expect(grid.xml.contains("<conditionalFormatting"))
        #expect(grid.xml.contains("<formula>\"просрочено\"</formula>"))
        #expect(
            book["Программы — сроки"]!.row(1) == [
                "Код ОО", "Наименование ОО", "Номер программы", "СНИЛС наставника", "Замечание", "Дата", "Пояснение",
            ])
        #expect(book.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.count == 3)
    }

    @Test func receiptSheets() throws {
        let files = [
            TakenFile(
                folder: "school-a", name: "mentors.csv", dataset: .mentors, sha256: "a", verdict: .rejected, rowCount: 2, inboxPath: "",
                storedPath: "",
                findings: [
                    Finding(.error, file: "mentors.csv", row: 3, column: "СНИЛС", value: "1", message: "СНИЛС неверен"),
                    Finding(.warning, file: "mentors.csv", message: "на весь файл"),
                ]),
            TakenFile(
                folder: "school-a", name: "profile.csv", dataset: .profile, sha256: "b", verdict: .duplicate, rowCount: 1, inboxPath: "",
                storedPath: "", findings: []),
        ]
        let path = try ReceiptWorkbook.write(
            folder: "school-a", title: "Школа А", files: files, deadlines: nil, isDistrict: false, place: place)
        #expect(path.hasSuffix("schools/school-a/receipt-2026-03-01.xlsx"))
        let book = try XLSXFile(path: path)
        #expect(book.sheets.map(\.name) == ["Итог", "Замечания"])
        #expect(book["Итог"]!.row(2) == ["Файл", "Набор данных", "Результат", "Строк", "Ошибок", "Предупреждений"])
        #expect(book["Итог"]!.row(3) == ["mentors.csv", "Наставники", "отклонён", "2", "1", "1"])
        #expect(book["Итог"]!.row(4)[2] == "повтор")
        let remarks = book["Замечания"]!
        #expect(remarks.row(1) == ["Файл", "Строка", "Столбец", "Значение", "Сообщение", "Уровень"])
        #expect(remarks.row(2) == ["mentors.csv", "", "", "", "на весь файл", "предупреждение"])
        #expect(remarks.row(3) == ["mentors.csv", "3", "СНИЛС", "1", "СНИЛС неверен", "ошибка"])
        #expect(remarks["B3"]?.type == "n")
    }

    @Test func templates() throws {
        let dir = RegistryFixture.scratch()
        let paths = try Templates.write(to: dir, roadmapCodes: ["П2.1", "3.1"], created: Date(timeIntervalSince1970: 0))
        #expect(paths.count == 8)
        let mentors = try Data(contentsOf: URL(fileURLWithPath: dir + "/mentors.csv"))
        #expect(Array(mentors.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: mentors.dropFirst(3), as: UTF8.self).hasPrefix("СНИЛС;Фамилия;Имя;Отчество;Дата рождения;"))
        let book = try XLSXFile(path: dir + "/шаблоны.xlsx")
        #expect(
            book.sheets.map(\.name) == [
                "Инструкция", "Сведения", "Кураторы", "Наставники", "Наставляемые", "Программы", "Дорожная карта", "Кадры",
            ])
        let programs = book["Программы"]!
        #expect(programs.row(1).prefix(4) == ["Номер программы", "СНИЛС наставника", "СНИЛС наставляемых", "Форма наставничества"])
        #expect(programs.xml.contains("<dataValidation type=\"list\""))
        #expect(programs.xml.contains("\"традиционная,в группе,виртуальная,краткосрочная,реверсивная,ситуационная,скоростная\""))
        #expect(book["Дорожная карта"]!.xml.contains("\"П2.1,3.1\""))
        let staff = book["Кадры"]!
        #expect(
            staff.row(1) == [
                "СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
                "Дата приёма", "Дата увольнения", "Основание увольнения",
            ])
        #expect(
            staff.xml.contains(
                "\"перевод в другую ОО,по собственному желанию,выход на пенсию,сокращение штата,истечение срока договора,иное\""))
        let csv = try String(contentsOfFile: dir + "/staff.csv", encoding: .utf8)
        #expect(csv.hasSuffix("Дата приёма;Дата увольнения;Основание увольнения\r\n"))
    }
}
