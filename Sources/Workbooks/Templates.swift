import Domain
import Foundation
import Validation
import XLSX

/// `nastavnik templates`: blank CSV templates of every dataset (UTF-8 with BOM, `;`, the Russian
/// headers) and one XLSX template with a sheet per dataset, drop-down lists for the enumerations
/// of SPEC §4 and a sheet of instructions.
public enum Templates {
    /// A column's drop-down list, from its shape: a vocabulary's wordings, «да»/«нет», the roadmap's codes.
    static func choices(_ column: Column, _ shape: FieldShape?, roadmapCodes: [String]) -> [String]? {
        if column == .item { return roadmapCodes }
        switch shape {
        case .choice(let values, _): return values
        case .yesNo: return ["да", "нет"]
        default: return nil
        }
    }

    /// How a template column keeps what a curator types: a СНИЛС or code as text (Excel would make
    /// `01234567890` a number and drop the zero), a date as a date.
    static func typedAs(_ shape: FieldShape?) -> Style? {
        switch shape {
        case .snils, .snilsList, .identifier: Style(numberFormat: "@")
        case .date: .date
        default: nil
        }
    }

    /// Writes the templates into `directory`; returns the paths.
    public static func write(to directory: String, roadmapCodes: [String], created: Date) throws -> [String] {
        var paths: [String] = []
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for dataset in Dataset.allCases {
            let header = dataset.columns.map(\.title).joined(separator: ";")
            let path = "\(directory)/\(dataset.rawValue).csv"
            try Data([0xEF, 0xBB, 0xBF] + Array((header + "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }

        let path = "\(directory)/шаблоны.xlsx"
        let workbook = try Workbook(path: path, created: created, title: "Шаблоны файлов для наставничества")
        let instructions = try workbook.addSheet("Инструкция")
        try instructions.setColumn(0, width: 110, .wrapped)
        let lines = [
            "Как заполнить и отправить данные о наставничестве",
            "1. Заполните лист нужного набора данных и сохраните книгу как есть (.xlsx) — её можно положить в папку школы: "
                + "загружается лист, названный по набору. Из одной книги загружается один набор; если заполнено несколько листов, "
                + "сохраните каждый отдельной книгой или как «CSV UTF-8» под английским или русским именем набора: "
                + DatasetRecognition.acceptedNames + ".",
            "2. Положите файлы в папку своей школы. Каждый файл — полный список: присланный файл заменяет прежний целиком.",
            "3. Первая строка — заголовки, как в шаблоне. Необязательные столбцы: Отчество, Дата рождения (у наставников), "
                + "Дата ПК по наставничеству, Профессиональные затруднения, Раздел сайта, Дата завершения и Основание завершения "
                + "(обязательны для завершённых и прекращённых программ), Результаты опубликованы, Примечание, "
                + "Дата увольнения и Основание увольнения (в кадрах — только у уволенных, и тогда обе).",
            "4. СНИЛС — 11 цифр в виде 123-456-789 01; столбцы СНИЛС в шаблоне текстовые, чтобы Excel не отбросил ведущие нули "
                + "(при сохранении в CSV задайте столбцу формат «Текстовый»).",
            "5. Даты — ДД.ММ.ГГГГ (столбцы дат в шаблоне — в формате даты). Стаж — число лет, можно с запятой: 2,5. "
                + "Согласие — «да» или «нет».",
            "6. В программах несколько СНИЛС наставляемых и несколько направлений разделяйте «;». Направления: "
                + Direction.allCases.map(\.rawValue).joined(separator: ", ") + ".",
            "7. Наутро в папке квитанций появится квитанция: принят ли файл и что исправить (строка, столбец, значение).",
            "8. Проверить файлы заранее: nastavnik validate ФАЙЛЫ --school КОД_ОО.",
            "9. Кадры — все педагогические работники ОО, работавшие в ней с даты за год до начала модели наставничества, "
                + "в том числе уволенные (с датой и основанием увольнения; принятый снова — отдельной строкой). "
                + "По этому списку район считает, остаются ли молодые педагоги в профессии.",
        ]
        for (i, line) in lines.enumerated() { try instructions.write(i, 0, .text(line), i == 0 ? .title : .wrapped) }

        for dataset in Dataset.allCases {
            let sheet = try workbook.addSheet(dataset.sheetName)
            let shapes = dataset.shapes
            for (i, column) in dataset.columns.enumerated() {
                try sheet.setColumn(i, width: max(14, Double(column.title.count) * 0.9), Self.typedAs(shapes[column]))
                try sheet.write(0, i, .text(column.title), .header)
                if let values = choices(column, shapes[column], roadmapCodes: roadmapCodes) {
                    try sheet.dropDown(column: i, firstRow: 1, lastRow: 5000, values: values, title: column.title)
                }
            }
            try sheet.setRow(0, height: 32)
            sheet.freeze(rows: 1)
        }
        try workbook.close()
        paths.append(path)
        return paths
    }
}
