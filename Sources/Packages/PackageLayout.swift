import Crypto
import Domain
import Figures
import Reading
import Toolkit

/// The package's contract (README «The package»): its sheets, their columns in order, and how
/// each cell is shown. The writer lays a `Package` out by it; the reader takes one back by it; the
/// checksum is over the cells as shown, so that a package opened and saved again unchanged still
/// holds, and a number changed by hand does not.
public enum PackageLayout {
    public static let passportSheet = "Паспорт"
    public static let statformSheet = "Статнаблюдение"
    public static let indicatorsSheet = "Показатели"
    public static let schoolsSheet = "ОО"
    /// A district's year's leavers and hires under the region's link key; only with one.
    public static let linksSheet = "Движение кадров"
    /// The sheets the checksum covers, in its order (the links sheet when the package has one).
    public static let checkedSheets = [statformSheet, indicatorsSheet, schoolsSheet, linksSheet]
    public static let totalCode = "Итого"
    /// 2: retention in `Показатели`, and the links sheet. A package of version 1 is read without them.
    public static let formatVersion = "2"

    public static let passport = [
        "Уровень", "Код", "Наименование", "Период", "Данные на", "Состояние", "Утвердил", "Дата утверждения", "Контрольная сумма",
        "Версия формата",
    ]

    /// A cell as the package holds it.
    public enum Cell: Equatable, Sendable {
        case text(String)
        case integer(Int)
        /// A percentage to one decimal, or nothing.
        case share(Double?)
        case date(CivilDate?)
        /// An empty cell: a count the package does not have (one of an older version's).
        case missing

        /// As a spreadsheet shows it (and as nastavnik reads it back): what the checksum covers.
        public var shown: String {
            switch self {
            case .text(let text): text
            case .integer(let n): String(n)
            case .share(let value): value.map { RussianNumbers.oneDecimal(Self.rounded($0)) } ?? ""
            case .date(let date): date?.russian ?? ""
            case .missing: ""
            }
        }

        /// A share as written: to one decimal.
        public static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    }

    /// A column of a sheet of rows: its title, its cell from a row, and how a read cell goes back
    /// into one (false when the text is not such a value).
    public struct Column<Row>: Sendable {
        public let title: String
        public let cell: @Sendable (Row) -> Cell
        public let read: @Sendable (inout Row, String) -> Bool
        /// What its `Итого` must be.
        public var total = Total.none
    }

    /// What a column's `Итого` is of its rows.
    public enum Total: Sendable {
        /// Not a count.
        case none
        /// The sum of the rows.
        case sum
        /// The sum of the rows and the sender's own (its overdue items).
        case sumAndOwn
    }

    static func integer<Row>(
        _ title: String, total: Total = .sum, _ get: @escaping @Sendable (Row) -> Int,
        _ set: @escaping @Sendable (inout Row, Int) -> Void
    )
        -> Column<Row>
    {
        Column(
            title: title, cell: { .integer(get($0)) },
            read: { row, text in
                guard let n = Int(text), n >= 0 else { return false }
                set(&row, n)
                return true
            }, total: total)
    }

    static func text<Row>(
        _ title: String, _ get: @escaping @Sendable (Row) -> String, _ set: @escaping @Sendable (inout Row, String) -> Void
    )
        -> Column<Row>
    {
        Column(
            title: title, cell: { .text(get($0)) },
            read: { row, text in
                set(&row, text)
                return true
            })
    }

    /// The statform's columns for a row of statform counts (the code and name titles of the units).
    static func statform<Row>(_ path: WritableKeyPath<Row, StatformRow> & Sendable) -> [Column<Row>] {
        let counts = StatformRow.counts.map { count -> Column<Row> in
            integer(
                count.title, { (row: Row) in count.get(row[keyPath: path]) },
                { (row: inout Row, n: Int) in count.set(&row[keyPath: path], n) })
        }
        let share = Column<Row>(
            title: StatformRow.shareTitle, cell: { .share($0[keyPath: path].shareUnder35) },
            read: { _, text in text.isEmpty || Double(text.replacing(",", with: ".")) != nil })
        return Array(counts.prefix(StatformRow.countsBeforeShare)) + [share] + counts.dropFirst(StatformRow.countsBeforeShare)
    }

    /// `Статнаблюдение`: a row per unit and `Итого`.
    public static func statformColumns(_ kind: UnitKind) -> [Column<PackageRow>] {
        [
            text(kind.codeColumn, { $0.statform.code }, { $0.statform.code = $1 }),
            text(kind.nameColumn, { $0.statform.name }, { $0.statform.name = $1 }),
        ] + statform(\PackageRow.statform)
    }

    /// `Показатели`: what the region's monitoring needs beyond the statform, a row per unit and `Итого`.
    public static func indicatorColumns(_ kind: UnitKind) -> [Column<PackageRow>] {
        [
            text(kind.codeColumn, { $0.statform.code }, { $0.statform.code = $1 }),
            text(kind.nameColumn, { $0.statform.name }, { $0.statform.name = $1 }),
            integer("ОО в перечне", { $0.schoolsListed }, { $0.schoolsListed = $1 }),
            integer("ОО с данными", { $0.schoolsWithData }, { $0.schoolsWithData = $1 }),
            integer("ОО с куратором", { $0.schoolsWithCurator }, { $0.schoolsWithCurator = $1 }),
            integer("ОО с разделом сайта", { $0.schoolsWithSite }, { $0.schoolsWithSite = $1 }),
            integer("Программ закрыто за полугодие", { $0.programsClosed }, { $0.programsClosed = $1 }),
            integer("из них закрыто в срок", { $0.programsClosedOnTime }, { $0.programsClosedOnTime = $1 }),
            integer("Просрочено мероприятий ОО", { $0.overdueSchoolItems }, { $0.overdueSchoolItems = $1 }),
            integer(
                "Просрочено мероприятий органов управления образованием", total: .sumAndOwn, { $0.overdueOwnItems },
                { $0.overdueOwnItems = $1 }),
            text("Состояние данных", { $0.state }, { $0.state = $1 }),
            Column(
                title: "Данные получены", cell: { .date($0.received) },
                read: { row, text in
                    guard !text.isEmpty else { return true }
                    guard let date = CivilDate(russian: text) else { return false }
                    row.received = date
                    return true
                }),
        ] + retentionColumns
    }

    /// `Показатели`' columns of retention (`RetentionCounts`): empty for a unit whose package did not
    /// count it (version 1).
    public static let retentionColumns: [Column<PackageRow>] = [
        ("ОО со списком кадров", \RetentionCounts.schoolsWithStaff), ("Молодых педагогов год назад", \.cohort),
        ("из них в наставничестве", \.mentored), ("Остались в ОО", \.stayed), ("Перешли в другую ОО", \.moved),
        ("Перешли в ОО другого района", \.movedAway), ("Ушли", \.left), ("Закрепились из наставляемых", \.mentoredKept),
    ].map { title, path in
        Column(
            title: title, cell: { row in row.retention.map { .integer($0[keyPath: path]) } ?? .missing },
            read: { row, text in
                guard !text.isEmpty else { return true }
                guard let n = Int(text), n >= 0 else { return false }
                row.retention = row.retention ?? RetentionCounts()
                row.retention![keyPath: path] = n
                return true
            }, total: .sum)
    }

    /// `Движение кадров`: a pseudonym per row, whether the person left (once per school whose
    /// young teachers they were among) or was hired, and whether a leaver was mentored.
    public static let linkColumns = ["Псевдоним", "Движение", "В наставничестве"]
    static let left = "уволен", hired = "принят", yes = "да", no = "нет"

    static func linkRows(_ links: StaffLinks) -> [[Cell]] {
        [linkColumns.map { .text($0) }] + links.leavers.map { [.text($0.pseudonym), .text(left), .text($0.mentored ? yes : no)] }
            + links.hires.map { [.text($0), .text(hired), .text("")] }
    }

    /// `ОО`: every school below the level, with its district and region.
    public static let schoolColumns: [Column<SchoolLine>] =
        [
            text("Код субъекта", { $0.regionCode }, { $0.regionCode = $1 }),
            text("Наименование субъекта", { $0.regionName }, { $0.regionName = $1 }),
            text("Код МО", { $0.districtCode }, { $0.districtCode = $1 }),
            text("Наименование МО", { $0.districtName }, { $0.districtName = $1 }),
            text("Код ОО", { $0.row.code }, { $0.row.code = $1 }), text("Наименование ОО", { $0.row.name }, { $0.row.name = $1 }),
        ] + statform(\SchoolLine.row)

    /// A package's identity: the checksum's hash over the cells of its passport and of every
    /// checked sheet as read (as a spreadsheet shows them). The same for a package opened and saved
    /// again without a change, and in every process; any change of a shown value, the passport's
    /// too (its state, its date), is another package.
    public static func identity(_ document: SpreadsheetDocument) -> String {
        checksum(
            ([passportSheet] + checkedSheets).map { name in
                let table = document.sheets.first { $0.name == name }?.table
                return (name, table.map { table in (0..<table.count).map(table.record) } ?? [])
            })
    }

    /// Every checked sheet's rows of cells, header first, in the checksum's order.
    public static func sheets(_ package: Package) -> [(name: String, rows: [[Cell]])] {
        func rows<Row>(_ columns: [Column<Row>], _ items: [Row]) -> [[Cell]] {
            [columns.map { .text($0.title) }] + items.map { item in columns.map { $0.cell(item) } }
        }
        let units = package.rows + [package.total]
        return [
            (statformSheet, rows(statformColumns(package.units), units)), (indicatorsSheet, rows(indicatorColumns(package.units), units)),
            (schoolsSheet, rows(schoolColumns, package.schools)),
        ] + (package.links.map { [(linksSheet, linkRows($0))] } ?? [])
    }

    /// The passport's values, in `passport` order.
    public static func passportCells(_ package: Package) -> [Cell] {
        [
            .text(package.level), .text(package.code), .text(package.name), .text(package.period), .date(package.dataOn),
            .text(package.state), .text(package.approvedBy ?? ""), .date(package.approvedOn), .text(checksum(package)),
            .text(formatVersion),
        ]
    }

    /// SHA-256 of every cell of the checked sheets as shown: sheet, row, column and text.
    public static func checksum(_ package: Package) -> String {
        checksum(sheets(package).map { ($0.name, $0.rows.map { $0.map(\.shown) }) })
    }

    /// The same over cells as read: `sheets` by name, each row's texts as a spreadsheet shows them.
    public static func checksum(_ sheets: [(name: String, rows: [[String]])]) -> String {
        var hasher = SHA256()
        for (name, rows) in sheets {
            for (r, row) in rows.enumerated() {
                for (c, text) in row.enumerated() where !text.isEmpty {
                    hasher.update(data: Array("\(name)\t\(r)\t\(c)\t\(text)\n".utf8))
                }
            }
        }
        return Hex.lowercase(hasher.finalize())
    }
}

extension RussianNumbers {
    /// `23,5`: one decimal, with a decimal comma and no thousands spaces (as a spreadsheet cell of
    /// format `0.0` shows it).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + String(abs(tenths) / 10) + "," + String(abs(tenths) % 10)
    }
}

extension CivilDate {
    /// `ДД.ММ.ГГГГ`.
    init?(russian text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
