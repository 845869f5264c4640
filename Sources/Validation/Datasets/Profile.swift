import Domain

/// `profile`: exactly one row about the school itself.
enum ProfileRules {
    static func validate(_ check: FileCheck) -> [ProfileRecord] {
        let records = check.dataRecords
        if records.isEmpty {
            check.report(.error, nil, nil, "В файле сведений об ОО нет строки с данными — заполните одну строку.")
        }
        for extra in records.dropFirst() {
            check.report(.error, extra, nil, "В файле сведений об ОО должна быть ровно одна строка — удалите лишние.")
        }
        guard let r = records.first else { return [] }
        let code = check.text(.schoolCode, r)
        let total = check.count(.teachersTotal, r)
        let under35 = check.count(.teachersUnder35, r)
        let young = check.count(.youngSpecialists, r)
        let site = check.url(.siteURL, r)
        if let code, code.lowercased() != check.context.school {
            check.report(
                .error, r, .schoolCode, value: code,
                "Код ОО «\(code)» не совпадает с папкой «\(check.context.school)»: в своей папке школа присылает только свои данные.")
        }
        if let total, let under35, under35 > total {
            check.report(
                .error, r, .teachersUnder35, value: String(under35),
                "Педагогов до 35 лет (\(under35)) больше, чем педагогов всего (\(total)) — проверьте числа.")
        }
        if let total, let young, young > total {
            check.report(
                .error, r, .youngSpecialists, value: String(young),
                "Молодых специалистов (\(young)) больше, чем педагогов всего (\(total)) — проверьте числа.")
        }
        guard let code, let total, let under35, let young, !check.findings.hasErrors else { return [] }
        return [
            ProfileRecord(
                row: check.table.rows[r], schoolCode: code.lowercased(), teachersTotal: total, teachersUnder35: under35,
                youngSpecialists: young, siteURL: site)
        ]
    }
}
