import Domain
import Figures
import Foundation
import Judgement
import Reading

/// What a unit's package must hold at the level above (README «The package»): a package, of the
/// level below, of the folder it lies in, for a half-year that has begun, whose checksum holds,
/// whose every `Итого` is the sum of its rows and share the ratio of the sums. Every finding says
/// where and what, in Russian. The judge (module Judgement) gives the night's verdict: a repeat,
/// a package older than the current one, a file that changed while read are the judge's.
public struct PackageCheck: PackageRules {
    /// What `Уровень` must say; the as-of date.
    public var asOf: CivilDate
    public var expectedLevel: String

    public init(asOf: CivilDate, expectedLevel: String) {
        self.asOf = asOf
        self.expectedLevel = expectedLevel
    }

    public func read(_ bytes: [UInt8], folder: String, label: String) -> PackageReading {
        guard SpreadsheetDocument.isWorkbook(bytes) else {
            return PackageReading(findings: [Finding(.error, file: label, message: Self.notAPackage)], package: nil)
        }
        let document: SpreadsheetDocument
        do throws(WorkbookFailure) {
            document = try SpreadsheetDocument.parse(bytes)
        } catch {
            return PackageReading(findings: [Finding(.error, file: label, message: error.message)], package: nil)
        }
        var findings: [Finding] = []
        let package = PackageReader(document: document, label: label).read(into: &findings)
        if let package { check(package, folder: folder, label: label, into: &findings) }
        guard let package, !findings.hasErrors else { return PackageReading(findings: findings, package: nil) }
        let content: Data
        do {
            content = try JSONEncoder.sorted.encode(package)
        } catch {
            findings.append(
                Finding(.error, file: label, message: "Пакет не удалось подготовить к записи в реестр (\(error)). Сообщите администратору.")
            )
            return PackageReading(findings: findings, package: nil)
        }
        return PackageReading(
            findings: findings,
            package: ReadPackage(
                period: package.period, dataOn: package.dataOn, identity: PackageLayout.identity(document), rows: package.rows.count,
                content: Array(content)))
    }

    static let notAPackage =
        "Это не пакет отчётности: в книге нет листа «Паспорт». Пакет за полугодие записывает nastavnik уровня ниже "
        + "(outbox/upward/<код>-ГГГГ-HN.xlsx) — положите в эту папку его, а не файлы школ."

    /// The rules of a package that reads as one.
    func check(_ package: Package, folder: String, label: String, into findings: inout [Finding]) {
        func error(_ sheet: String, _ row: Int?, _ column: String?, _ value: String?, _ message: String) {
            findings.append(Finding(.error, file: "\(label) — лист «\(sheet)»", row: row, column: column, value: value, message: message))
        }
        let passport = PackageLayout.passportSheet
        if package.level != expectedLevel {
            error(
                passport, 2, "Уровень", package.level,
                "Уровень «\(package.level)» — сюда принимаются пакеты уровня «\(expectedLevel)»: пакет отправлен не туда.")
        }
        if package.code != folder {
            error(
                passport, 2, "Код", package.code,
                "Код «\(package.code)» — не код этой папки («\(folder)»): каждый пакет кладётся в папку своего \(expectedLevel == "МО" ? "МО" : "региона")."
            )
        }
        if let period = package.reportingPeriod {
            if period.start > asOf {
                error(passport, 2, "Период", package.period, "Полугодие \(package.period) ещё не началось — пакет за него принять нельзя.")
            }
        } else {
            error(
                passport, 2, "Период", package.period,
                "Период «\(package.period)» — не полугодие: ожидается ГГГГ-H1 или ГГГГ-H2, например 2023-H1.")
        }
        if package.dataOn > asOf {
            error(passport, 2, "Данные на", package.dataOn.russian, "Дата данных позже сегодняшней — пакет записан с неверной датой.")
        }
        // `Итого`: the sum of the rows in every count; the share a ratio of the sums.
        let summed = PackageRow.total(of: package.rows, code: package.total.code, name: package.total.name)
        let sheet = PackageLayout.statformSheet
        let totalRow = package.rows.count + 2
        for count in StatformRow.counts where count.get(package.total.statform) != count.get(summed.statform) {
            error(
                sheet, totalRow, count.title, String(count.get(package.total.statform)),
                "«Итого» не равно сумме строк (\(count.get(summed.statform))) — пакет испорчен; запишите его заново в nastavnik.")
        }
        for column in PackageLayout.indicatorColumns(package.units) where column.total != .none {
            guard case .integer(let total) = column.cell(package.total), case .integer(let sum) = column.cell(summed) else { continue }
            if column.total == .sumAndOwn ? total < sum : total != sum {
                error(
                    PackageLayout.indicatorsSheet, totalRow, column.title, String(total),
                    "«Итого» не равно сумме строк (\(sum)) — пакет испорчен; запишите его заново в nastavnik.")
            }
        }
        let codes = package.rows.map(\.code)
        if Set(codes).count != codes.count {
            error(
                sheet, nil, package.units.codeColumn, nil, "Коды в строках повторяются — пакет испорчен; запишите его заново в nastavnik.")
        }
    }
}

extension JSONEncoder {
    /// Keys in order (and counts by a vocabulary's value in order, `SortedCounts`): the same
    /// package gives the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

/// A package's workbook read back: the passport, each sheet's rows by the contract's columns, and
/// the checksum over the cells as read.
struct PackageReader {
    let document: SpreadsheetDocument
    let label: String

    func read(into findings: inout [Finding]) -> Package? {
        func error(_ sheet: String, _ row: Int?, _ column: String?, _ value: String?, _ message: String) {
            findings.append(Finding(.error, file: "\(label) — лист «\(sheet)»", row: row, column: column, value: value, message: message))
        }
        func sheet(_ name: String) -> CSVTable? {
            guard let sheet = document.sheets.first(where: { $0.name == name }) else {
                if name == PackageLayout.passportSheet {
                    findings.append(Finding(.error, file: label, message: PackageCheck.notAPackage))
                } else {
                    findings.append(
                        Finding(.error, file: label, message: "В пакете нет листа «\(name)» — запишите пакет заново в nastavnik."))
                }
                return nil
            }
            return sheet.table
        }
        guard let passport = sheet(PackageLayout.passportSheet) else { return nil }
        guard passport.count >= 2, Array(passport.record(0).prefix(PackageLayout.passport.count)) == PackageLayout.passport else {
            error(
                PackageLayout.passportSheet, 1, nil, nil,
                "Паспорт пакета должен иметь заголовок «\(PackageLayout.passport.joined(separator: "», «"))» и одну строку под ним.")
            return nil
        }
        let values = passport.record(1) + Array(repeating: "", count: PackageLayout.passport.count)
        func value(_ title: String) -> String { values[PackageLayout.passport.firstIndex(of: title)!] }
        let level = value("Уровень")
        guard let kind = [UnitKind.school, .district].first(where: { $0.parentLevel == level }) else {
            error(PackageLayout.passportSheet, 2, "Уровень", level, "Уровень «\(level)» — ожидается «МО» или «регион».")
            return nil
        }
        guard let dataOn = CivilDate(russian: value("Данные на")) else {
            error(PackageLayout.passportSheet, 2, "Данные на", value("Данные на"), "Ожидается дата ДД.ММ.ГГГГ.")
            return nil
        }
        let state = value("Состояние")
        guard [Package.preliminary, Package.approvedState].contains(state) else {
            error(PackageLayout.passportSheet, 2, "Состояние", state, "Ожидается «предварительные» или «утверждены».")
            return nil
        }
        let links = document.sheets.first { $0.name == PackageLayout.linksSheet }?.table
        let checked = PackageLayout.checkedSheets.dropLast().compactMap { name in sheet(name).map { (name, $0) } }
        guard checked.count == PackageLayout.checkedSheets.count - 1 else { return nil }
        let written = value("Контрольная сумма")
        let actual = PackageLayout.checksum(
            (checked + (links.map { [(PackageLayout.linksSheet, $0)] } ?? [])).map { name, table in
                (name, (0..<table.count).map(table.record))
            })
        guard written == actual else {
            error(
                PackageLayout.passportSheet, 2, "Контрольная сумма", written,
                "Контрольная сумма не сходится: значения в пакете изменены после того, как его записала программа. "
                    + "Исправления вносятся в файлы школ, а не в пакет: исправьте данные и пришлите пакет, записанный заново.")
            return nil
        }
        var failed = false
        /// `columns`, or as many of them as an older version wrote (`shortest`).
        func rows<Row>(_ table: CSVTable, _ name: String, _ columns: [PackageLayout.Column<Row>], blank: Row, shortest: Int? = nil) -> [Row]
        {
            var columns = columns
            if let shortest, table.count >= 1, table.record(0) == columns.prefix(shortest).map(\.title) {
                columns.removeLast(columns.count - shortest)
            }
            guard table.count >= 1, table.record(0) == columns.map(\.title) else {
                error(
                    name, 1, nil, nil,
                    "Заголовок листа не тот, что в пакете nastavnik: «\(columns.map(\.title).joined(separator: "», «"))».")
                failed = true
                return []
            }
            return (1..<table.count).map { r in
                var row = blank
                for (c, column) in columns.enumerated() where !column.read(&row, table.string(r, c)) {
                    error(name, table.rows[r], column.title, table.string(r, c), "Ожидается целое число ≥ 0.")
                    failed = true
                }
                return row
            }
        }
        let blank = PackageRow(statform: StatformRow(code: "", name: ""))
        let statform = rows(checked[0].1, checked[0].0, PackageLayout.statformColumns(kind), blank: blank)
        let indicatorColumns = PackageLayout.indicatorColumns(kind)
        let indicators = rows(
            checked[1].1, checked[1].0, indicatorColumns, blank: blank,
            shortest: indicatorColumns.count - PackageLayout.retentionColumns.count)
        let staffLinks = links.flatMap { readLinks($0, failed: &failed, error) }
        let schools = rows(checked[2].1, checked[2].0, PackageLayout.schoolColumns, blank: SchoolLine(row: StatformRow(code: "", name: "")))
        guard !failed else { return nil }
        guard let last = statform.last, last.code == PackageLayout.totalCode, statform.count == indicators.count,
            zip(statform, indicators).allSatisfy({ $0.code == $1.code })
        else {
            error(
                PackageLayout.statformSheet, nil, nil, nil,
                "Строки листов «Статнаблюдение» и «Показатели» должны быть одни и те же и кончаться строкой «Итого».")
            return nil
        }
        let units = zip(statform, indicators).map { counts, more -> PackageRow in
            var row = more
            row.statform = counts.statform
            return row
        }
        guard let period = ReportingPeriod(value("Период")) else {
            error(
                PackageLayout.passportSheet, 2, "Период", value("Период"),
                "Период «\(value("Период"))» — не полугодие: ожидается ГГГГ-H1 или ГГГГ-H2, например 2023-H1.")
            return nil
        }
        var package = Package(
            level: level, code: value("Код"), name: value("Наименование"), period: period, dataOn: dataOn, units: kind,
            rows: Array(units.dropLast()), total: units[units.count - 1], schools: schools)
        package.links = staffLinks
        if state == Package.approvedState {
            package.approvedBy = value("Утвердил")
            package.approvedOn = CivilDate(russian: value("Дата утверждения"))
        }
        return package
    }
}

extension PackageReader {
    /// `Движение кадров`: its rows back into leavers and hires.
    func readLinks(
        _ table: CSVTable, failed: inout Bool, _ error: (String, Int?, String?, String?, String) -> Void
    ) -> StaffLinks? {
        let sheet = PackageLayout.linksSheet
        guard table.count >= 1, table.record(0) == PackageLayout.linkColumns else {
            error(
                sheet, 1, nil, nil,
                "Заголовок листа не тот, что в пакете nastavnik: «\(PackageLayout.linkColumns.joined(separator: "», «"))».")
            failed = true
            return nil
        }
        var links = StaffLinks()
        for r in 1..<table.count {
            let pseudonym = table.string(r, 0)
            let movement = table.string(r, 1)
            let mentored = table.string(r, 2)
            let isPseudonym =
                pseudonym.utf8.count == 64 && pseudonym.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            switch (isPseudonym, movement, mentored) {
            case (true, PackageLayout.left, PackageLayout.yes), (true, PackageLayout.left, PackageLayout.no):
                links.leavers.append(StaffLinks.Leaver(pseudonym: pseudonym, mentored: mentored == PackageLayout.yes))
            case (true, PackageLayout.hired, ""):
                links.hires.append(pseudonym)
            default:
                error(
                    sheet, table.rows[r], nil, pseudonym,
                    "Строка не такая, как пишет nastavnik: псевдоним из 64 знаков, «уволен» с «да» или «нет», или «принят».")
                failed = true
            }
        }
        return links
    }
}

extension UnitKind {
    /// What a package whose rows are units of this kind says in `Уровень`: schools make a
    /// district's package (`МО`), districts a region's (`регион`).
    var parentLevel: String? {
        switch self {
        case .school: "МО"
        case .district: "регион"
        case .region: nil
        }
    }
}
