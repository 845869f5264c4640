/// A dataset declared once: its columns in the order of SPEC §4 (each with its Russian header,
/// English alias and whether a file may leave it empty: `Column`), the registry's table and column
/// for each, the kind of value each holds, and the record field each fills. From it follow the
/// headers a file is recognised by and checked against (Validation), the templates (Workbooks),
/// the registry's columns, how a record is stored and read back by column name (Registry), and
/// the sheets of the registry workbook. The rules a dataset's rows must keep are its validator's
/// (Validation/Datasets).
public struct DatasetDeclaration<Record: Sendable>: Sendable {
    public let dataset: Dataset
    /// The registry's table of its rows, each with its snapshot and its row in the file.
    public let table: String
    public let fields: [Field<Record>]
    /// A record to fill from the registry: every field is set over it.
    public let blank: Record
    /// The record's row in the file.
    public let row: WritableKeyPath<Record, Int> & Sendable
    /// Where a record keeps its folder's code, for the one that does (a profile's `Код ОО`).
    public let folder: (WritableKeyPath<Record, String> & Sendable)?
    /// A file's accepted rows as `DatasetRows`, and back.
    public let rows: @Sendable ([Record]) -> DatasetRows
    public let records: @Sendable (DatasetRows) -> [Record]?
    /// Where a folder of the registry's snapshot keeps them.
    public let current: WritableKeyPath<RegistrySnapshot.Folder, [Record]> & Sendable

    public init(
        _ dataset: Dataset, table: String, blank: Record, row: WritableKeyPath<Record, Int> & Sendable,
        folder: (WritableKeyPath<Record, String> & Sendable)? = nil, rows: @escaping @Sendable ([Record]) -> DatasetRows,
        records: @escaping @Sendable (DatasetRows) -> [Record]?, current: WritableKeyPath<RegistrySnapshot.Folder, [Record]> & Sendable,
        fields: [Field<Record>]
    ) {
        self.dataset = dataset
        self.table = table
        self.blank = blank
        self.row = row
        self.folder = folder
        self.rows = rows
        self.records = records
        self.current = current
        self.fields = fields
    }

    public var columns: [Column] { fields.map(\.column) }

    /// The fields the registry keeps (a profile's school code is its folder's, not stored).
    public var storedFields: [Field<Record>] { fields.filter { $0.stored != nil } }
}

/// What is done with a dataset's declaration, whatever its record (`Dataset.declared`).
public protocol DeclarationVisitor {
    associatedtype Result
    func visit<Record>(_ declaration: DatasetDeclaration<Record>) -> Result
}

/// A value as the registry keeps it, in the shapes SQLite stores and the registry reads fast.
public enum Stored: Sendable, Equatable {
    case integer(Int64?)
    case real(Double?)
    case text(String?)
    /// `ГГГГ-ММ-ДД`.
    case date(CivilDate?)
    /// 11-digit numbers separated by commas.
    case snilsList([Snils])

    /// Which of them a column holds.
    public enum Kind: Sendable { case integer, real, text, date, snilsList }
}

/// How a column's values look in a template and in the registry workbook.
public enum FieldShape: Sendable, Equatable {
    case text(width: Double?, wrapped: Bool)
    /// A number or code kept as typed (a template's cell formatted as text: Excel would drop a
    /// leading zero).
    case identifier(width: Double?)
    case snils
    case date
    case count
    case decimal(width: Double)
    case yesNo
    /// One of a vocabulary's values, by its canonical wording.
    case choice([String], width: Double?)
    /// Several of them, separated by `; `.
    case choices([String], width: Double?)
    /// Numbers of people (a programme's mentees).
    case snilsList
}

/// One column of a dataset and the record field it fills.
public struct Field<Record>: Sendable {
    public let column: Column
    /// The registry's column; nil for a value the registry does not keep.
    public let stored: String?
    public let kind: Stored.Kind
    public let shape: FieldShape
    public let store: @Sendable (Record) -> Stored
    public let restore: @Sendable (inout Record, Stored) -> Void
    /// As the registry workbook shows it (a vocabulary's value by its wording, not its code).
    public let shown: @Sendable (Record) -> Stored

    public init(
        column: Column, stored: String?, kind: Stored.Kind, shape: FieldShape, store: @escaping @Sendable (Record) -> Stored,
        restore: @escaping @Sendable (inout Record, Stored) -> Void, shown: (@Sendable (Record) -> Stored)? = nil
    ) {
        self.column = column
        self.stored = stored
        self.kind = kind
        self.shape = shape
        self.store = store
        self.restore = restore
        self.shown = shown ?? store
    }
}

extension Field {
    public static func text(
        _ column: Column, _ path: WritableKeyPath<Record, String> & Sendable, stored: String? = nil, width: Double? = nil,
        wrapped: Bool = false
    ) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .text(width: width, wrapped: wrapped),
            store: { .text($0[keyPath: path]) },
            restore: { record, value in if case .text(let text?) = value { record[keyPath: path] = text } })
    }

    /// A number or code kept as typed.
    public static func identifier(
        _ column: Column, _ path: WritableKeyPath<Record, String> & Sendable, stored: String? = nil, width: Double? = nil
    ) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .identifier(width: width),
            store: { .text($0[keyPath: path]) },
            restore: { record, value in if case .text(let text?) = value { record[keyPath: path] = text } })
    }

    public static func optionalText(
        _ column: Column, _ path: WritableKeyPath<Record, String?> & Sendable, stored: String? = nil, width: Double? = nil,
        wrapped: Bool = false
    ) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .text(width: width, wrapped: wrapped),
            store: { .text($0[keyPath: path]) },
            restore: { record, value in if case .text(let text) = value { record[keyPath: path] = text } })
    }

    public static func snils(_ column: Column, _ path: WritableKeyPath<Record, Snils> & Sendable, stored: String? = nil) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .integer, shape: .snils,
            store: { .integer(Int64($0[keyPath: path].value)) },
            restore: { record, value in if case .integer(let n?) = value { record[keyPath: path] = Snils(value: UInt64(n)) } })
    }

    public static func snilsList(_ column: Column, _ path: WritableKeyPath<Record, [Snils]> & Sendable, stored: String? = nil) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .snilsList, shape: .snilsList, store: { .snilsList($0[keyPath: path]) },
            restore: { record, value in if case .snilsList(let list) = value { record[keyPath: path] = list } })
    }

    public static func date(_ column: Column, _ path: WritableKeyPath<Record, CivilDate> & Sendable, stored: String? = nil) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .date, shape: .date, store: { .date($0[keyPath: path]) },
            restore: { record, value in if case .date(let date?) = value { record[keyPath: path] = date } })
    }

    public static func optionalDate(_ column: Column, _ path: WritableKeyPath<Record, CivilDate?> & Sendable, stored: String? = nil)
        -> Field
    {
        Field(
            column: column, stored: stored ?? column.key, kind: .date, shape: .date, store: { .date($0[keyPath: path]) },
            restore: { record, value in if case .date(let date) = value { record[keyPath: path] = date } })
    }

    public static func count(_ column: Column, _ path: WritableKeyPath<Record, Int> & Sendable, stored: String? = nil) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .integer, shape: .count, store: { .integer(Int64($0[keyPath: path])) },
            restore: { record, value in if case .integer(let n?) = value { record[keyPath: path] = Int(n) } })
    }

    public static func decimal(_ column: Column, _ path: WritableKeyPath<Record, Double> & Sendable, stored: String? = nil, width: Double)
        -> Field
    {
        Field(
            column: column, stored: stored ?? column.key, kind: .real, shape: .decimal(width: width), store: { .real($0[keyPath: path]) },
            restore: { record, value in if case .real(let n?) = value { record[keyPath: path] = n } })
    }

    public static func yesNo(_ column: Column, _ path: WritableKeyPath<Record, Bool> & Sendable, stored: String? = nil) -> Field {
        Field(
            column: column, stored: stored ?? column.key, kind: .integer, shape: .yesNo, store: { .integer($0[keyPath: path] ? 1 : 0) },
            restore: { record, value in if case .integer(let n?) = value { record[keyPath: path] = n != 0 } })
    }

    /// A vocabulary's value: stored by its code, shown and chosen by its wording.
    public static func choice<V: Vocabulary>(
        _ column: Column, _ path: WritableKeyPath<Record, V> & Sendable, stored: String? = nil, width: Double? = nil
    ) -> Field {
        let byCode = V.byCode
        return Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .choice(V.allCases.map(\.text), width: width),
            store: { .text($0[keyPath: path].code) },
            restore: { record, value in if case .text(let code?) = value, let v = byCode[code] { record[keyPath: path] = v } },
            shown: { .text($0[keyPath: path].text) })
    }

    public static func optionalChoice<V: Vocabulary>(
        _ column: Column, _ path: WritableKeyPath<Record, V?> & Sendable, stored: String? = nil, width: Double? = nil
    ) -> Field {
        let byCode = V.byCode
        return Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .choice(V.allCases.map(\.text), width: width),
            store: { .text($0[keyPath: path]?.code) },
            restore: { record, value in if case .text(let code) = value { record[keyPath: path] = code.flatMap { byCode[$0] } } },
            shown: { .text($0[keyPath: path]?.text) })
    }

    /// Several of a vocabulary's values, stored by their codes, shown by their wording, `; ` apart.
    public static func choices<V: Vocabulary>(
        _ column: Column, _ path: WritableKeyPath<Record, [V]> & Sendable, stored: String? = nil, width: Double? = nil
    ) -> Field {
        let byCode = V.byCode
        return Field(
            column: column, stored: stored ?? column.key, kind: .text, shape: .choices(V.allCases.map(\.text), width: width),
            store: { .text($0[keyPath: path].map(\.code).joined(separator: "; ")) },
            restore: { record, value in
                if case .text(let codes?) = value {
                    record[keyPath: path] = codes.split(separator: "; ").compactMap { byCode[String($0)] }
                }
            },
            shown: { .text($0[keyPath: path].map(\.text).joined(separator: "; ")) })
    }

    /// A column of the file that the record does not keep: checked by the dataset's rules (a
    /// programme's consent must be «да»), or known otherwise (a profile's `Код ОО` is its folder's).
    public static func unkept(_ column: Column, shape: FieldShape = .text(width: nil, wrapped: false)) -> Field {
        Field(column: column, stored: nil, kind: .text, shape: shape, store: { _ in .text(nil) }, restore: { _, _ in })
    }
}
