import Domain
import Figures
import Foundation
import Packages
import XLSX

/// `outbox/upward/<code>-YYYY-HN.xlsx`: a level's package for the half-year (README «The package»),
/// laid out by `PackageLayout` so that an official can open and read it and the level above reads
/// it back exactly: the passport, then the statform, the indicators and every school, each sheet a
/// header and its rows.
public enum PackageWorkbook {

    /// Writes the package into `outbox/upward/`; returns the path.
    @discardableResult
    public static func write(_ package: Package, place: OutputPlace) throws -> String {
        let path = place.upward(code: package.code, period: package.period)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        let workbook = try Workbook(
            path: path, title: "Пакет отчётности о наставничестве: \(package.name), \(package.period)", place: place)
        try table(workbook, PackageLayout.passportSheet, [PackageLayout.passport.map { .text($0) }, PackageLayout.passportCells(package)])
        for (name, rows) in PackageLayout.sheets(package) { try table(workbook, name, rows) }
        try workbook.close()
        return path
    }

    /// A sheet as every table of the outputs is laid out (`Table`): the contract's header, then its
    /// rows, each column typed as its cells are (integers, shares to one decimal, dates, text).
    private static func table(_ workbook: Workbook, _ name: String, _ rows: [[PackageLayout.Cell]]) throws {
        let sample = rows.count > 1 ? rows[1] : []
        let columns = rows[0].enumerated().map { i, title -> SheetColumn<[PackageLayout.Cell]> in
            let style: Style? =
                switch i < sample.count ? sample[i] : .text("") {
                case .integer: .integer
                case .share: .decimal
                case .date: .date
                case .text, .missing: nil
                }
            return SheetColumn(title.shown, 16, style) { row in
                switch row[i] {
                case .text(let text): .text(text)
                case .integer(let n): .integer(n)
                case .share(let value): value.map { .number(PackageLayout.Cell.rounded($0)) } ?? .blank
                case .date(let date): .optional(date)
                case .missing: .blank
                }
            }
        }
        let table = Table(workbook, name: name, columns: columns)
        _ = try table.dataStart()
        try table.append(rows.dropFirst())
        try table.finish()
    }
}
