import Domain
import Foundation
import Testing
import XLSX
import XLSXTestSupport

struct XLSXLayerTests {
    let created = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func textIsTextDatesAreDatesFormulasKeepTheirValues() throws {
        for constantMemory in [false, true] {
            let path = scratch() + "/t.xlsx"
            let book = try Workbook(path: path, constantMemory: constantMemory, created: created, title: "t")
            let sheet = try book.addSheet("Лист")
            let dangerous = ["=HYPERLINK(\"http://x\",\"y\")", "+7 900 123-45-67", "-5", "@SUM(A1)", "=1+1"]
            // Row by row, as constant-memory mode requires.
            try sheet.write(row: 0, [.text(dangerous[0]), .date(day("2023-01-30")), .formula("=SUM(D1:D2)", cached: 7), .number(3)], nil)
            try sheet.write(0, 1, .date(day("2023-01-30")), .date)
            try sheet.write(1, 0, .text(dangerous[1]))
            try sheet.write(1, 3, .integer(4))
            for i in 2..<dangerous.count { try sheet.write(i, 0, .text(dangerous[i])) }
            try book.close()

            let read = try #require(XLSXFile(path: path)["Лист"])
            for (i, text) in dangerous.enumerated() {
                let cell = try #require(read["A\(i + 1)"])
                #expect(cell.isText && cell.formula == nil && cell.value == text, "\(text) (constant memory: \(constantMemory))")
            }
            let date = try #require(read["B1"])
            #expect(date.number == 44956, "30.01.2023 is Excel day 44956")
            #expect(try XLSXFile(path: path).numberFormats[date.style] == "DD.MM.YYYY")
            #expect(read["C1"]?.formula == "SUM(D1:D2)" && read["C1"]?.number == 7)
        }
    }

    @Test func sheetNamesAreChecked() throws {
        let book = try Workbook(path: scratch() + "/t.xlsx", created: created, title: "t")
        _ = try book.addSheet("Наставники")
        #expect(throws: XLSXError.self) { try book.addSheet("НАСТАВНИКИ") }
        #expect(throws: XLSXError.self) { try book.addSheet(String(repeating: "ж", count: 32)) }
        #expect(throws: XLSXError.self) { try book.addSheet("a/b") }
        _ = try book.addSheet(String(repeating: "ж", count: 31))
    }

    @Test func aFailedWriteLeavesThePreviousFileIntact() throws {
        let dir = scratch()
        let path = dir + "/book.xlsx"
        let first = try Workbook(path: path, created: created, title: "t")
        try first.addSheet("Первый").write(0, 0, .text("прежний"))
        try first.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let second = try Workbook(path: path, created: created, title: "t")
            try second.addSheet("Второй").write(0, 0, .text("новый"))
            _ = try second.addSheet("второй")  // fails: the run gives up on this workbook
            try second.close()
        } catch {}
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["book.xlsx"], "no temporary file is left")
    }

    @Test func sameInputSameBytes() throws {
        func write(_ path: String) throws {
            let book = try Workbook(path: path, created: created, title: "t")
            try book.addSheet("Лист").write(0, 0, .text("одно и то же"))
            try book.close()
        }
        let dir = scratch()
        try write(dir + "/a.xlsx")
        try write(dir + "/b.xlsx")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.xlsx")) == Data(contentsOf: URL(fileURLWithPath: dir + "/b.xlsx")))
    }

    /// libxlsxwriter deflates every part at zlib's level 6 and has no setting for it; the program's
    /// own `deflateInit2_` (CXLSXTuning) makes it level 1. A sheet's part is as long as zlib makes
    /// it at level 1 (measured by Python's zlib beside it), and the workbook still opens.
    @Test func partsAreDeflatedAtTheProgramsLevel() throws {
        // The program's definitions are the ones the libraries reach (the start-up self-check).
        try #require(Workbook.tuned, "CXLSXTuning is not in effect in this binary")
        #expect(Workbook.deflateLevel == 1)
        let path = scratch() + "/t.xlsx"
        let book = try Workbook(path: path, created: created, title: "t")
        let sheet = try book.addSheet("Лист")
        for row in 0..<3000 {
            try sheet.write(
                row: row, [.text("Наставник \(row * 7919 % 1000)"), .number(Double(row * 31 % 977)), .date(day("2023-01-30"))], nil)
        }
        try book.close()
        let measure = """
            import sys, zipfile, zlib
            part = zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml")
            data = zipfile.ZipFile(sys.argv[1]).read(part)
            def size(level):
                z = zlib.compressobj(level, zlib.DEFLATED, -15, 8)
                return len(z.compress(data) + z.flush())
            print(part.compress_size, size(1), size(6))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", measure, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let sizes = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        process.waitUntilExit()
        try #require(sizes.count == 3)
        let (written, level1, level6) = (sizes[0], sizes[1], sizes[2])
        #expect(level1 > level6 + level6 / 10, "the sheet is one that level 6 packs tighter")
        #expect(abs(written - level1) < abs(written - level6), "\(sizes)")
        #expect(try #require(XLSXFile(path: path)["Лист"])["A3"]?.value == "Наставник 838")
    }

    /// libxlsxwriter's parts are kept in memory (`CXLSXTuning`): a small workbook's never reach a
    /// file; a sheet larger than 4 MiB, written row by row in constant-memory mode, moves to an
    /// unnamed file and is zipped whole.
    @Test func partsAreKeptInMemoryUntilTheyAreLarge() throws {
        let small = scratch() + "/small.xlsx"
        let moved = Workbook.partsMovedToFiles
        let book = try Workbook(path: small, created: created, title: "t")
        try book.addSheet("Лист").write(0, 0, .text("часть"))
        try book.close()
        #expect(Workbook.partsMovedToFiles == moved)
        #expect(try #require(XLSXFile(path: small)["Лист"])["A1"]?.value == "часть")

        let large = scratch() + "/large.xlsx"
        let big = try Workbook(path: large, constantMemory: true, created: created, title: "t")
        let sheet = try big.addSheet("Реестр")
        let rows = 60_000
        for row in 0..<rows {
            try sheet.write(row: row, [.text("Наставник \(row)"), .number(Double(row)), .date(day("2023-01-30"))], nil)
        }
        try big.close()
        #expect(Workbook.partsMovedToFiles > moved)
        let read = try #require(XLSXFile(path: large)["Реестр"])
        #expect(read["A1"]?.value == "Наставник 0")
        #expect(read["A\(rows)"]?.value == "Наставник \(rows - 1)")
        #expect(read["B\(rows)"]?.value == "\(rows - 1)")
    }
}

func scratch() -> String { NSTemporaryDirectory() + "nastavnik-xlsx-\(UUID().uuidString)" }
func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
