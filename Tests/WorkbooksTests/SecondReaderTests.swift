import Foundation
import Reading
import Testing
import Workbooks

/// Every cell of the project's workbook fixtures (written by LibreOffice, by openpyxl in both date
/// systems) and of the templates `nastavnik templates` writes, as nastavnik's reader shows it and as
/// a second reader does: openpyxl, with the layout rules of `Tests/SecondReader/second_reader.py`
/// written apart from the Swift ones. openpyxl comes from PyPI with `make test`.
struct SecondReaderTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    struct Reading: Decodable {
        struct Sheet: Decodable {
            var name: String
            var cells: [String: String]
        }
        var sheets: [Sheet]
        var unsupported: [[String]]
    }

    static func secondReader(_ path: String) throws -> Reading {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tests.appendingPathComponent("SecondReader/second_reader.py").path, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SecondReaderFailed(message: "second_reader.py \(path): \(message) (openpyxl: `make test` installs it)")
        }
        return try JSONDecoder().decode(Reading.self, from: data)
    }

    struct SecondReaderFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Our reader's cells of every visible sheet, by reference.
    static func ours(_ path: String) throws -> [(name: String, cells: [String: String])] {
        let document = try SpreadsheetDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return document.sheets.map { sheet in
            var cells: [String: String] = [:]
            for r in 0..<sheet.table.count {
                for (c, text) in sheet.table.record(r).enumerated() where !text.isEmpty {
                    cells[CellProblem.letters(c + 1) + String(sheet.table.rows[r])] = text
                }
            }
            return (sheet.name, cells)
        }
    }

    static func workbooks() throws -> [String] {
        let fixtures = tests.appendingPathComponent("ReadingTests/Fixtures")
        let own = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".xlsx") }.sorted()
            .map { fixtures.appendingPathComponent($0).path }
        let templates = NSTemporaryDirectory() + "nastavnik-second-reader-\(UUID().uuidString)"
        let written = try Templates.write(to: templates, roadmapCodes: ["П2.1", "П2.6", "3.1"], created: Date(timeIntervalSince1970: 0))
        return own + written.filter { $0.hasSuffix(".xlsx") }
    }

    @Test func everyCellIsShownAsTheSecondReaderShowsIt() throws {
        let paths = try Self.workbooks()
        #expect(paths.count >= 5)
        var compared = 0
        for path in paths {
            let name = (path as NSString).lastPathComponent
            let theirs = try Self.secondReader(path)
            #expect(theirs.unsupported.isEmpty, "\(name): formats the second reader does not lay out: \(theirs.unsupported)")
            let ours = try Self.ours(path)
            #expect(ours.map(\.name) == theirs.sheets.map(\.name), "\(name)")
            for (mine, other) in zip(ours, theirs.sheets) {
                let skipped = Set(theirs.unsupported.filter { $0.first == other.name }.map { $0[1] })
                let references = Set(mine.cells.keys).union(other.cells.keys).subtracting(skipped)
                for reference in references.sorted() {
                    #expect(mine.cells[reference] == other.cells[reference], "\(name), «\(other.name)»!\(reference)")
                }
                compared += references.count
            }
        }
        #expect(compared > 300, "\(compared) cells compared")
    }
}
