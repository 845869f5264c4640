import CommandTestSupport
import Foundation
import Testing
import XLSXTestSupport

/// Every workbook of the demo night read back for how it reads and prints: headers that never
/// break inside a word, values that fit their column or wrap, and the page setup of every sheet.
struct WorkbookLayoutTests {
    /// `<col min max width>` as widths by column index (0-based).
    static func widths(_ xml: String) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for col in xml.matches(of: /<col min="(\d+)" max="(\d+)" width="([\d.]+)"/) {
            for i in Int(col.1)!...Int(col.2)! { out[i - 1] = Double(col.3)! }
        }
        return out
    }

    /// The styles (by cellXfs index) that wrap their text.
    static func wrapping(_ styles: String) -> Set<Int> {
        guard let xfs = styles.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/) else { return [] }
        var out: Set<Int> = []
        for (i, xf) in String(xfs.1).components(separatedBy: "<xf ").dropFirst().enumerated() where xf.contains("wrapText=\"1\"") {
            out.insert(i)
        }
        return out
    }

    static func longestWord(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0 }

    @Test func everySheetOfTheDemoNightFitsItsColumnsAndPrintsOnA4() throws {
        let ws = PageBrowserTests.demo
        let books = ws.files(under: ws.outbox).filter { $0.hasSuffix(".xlsx") }
        #expect(books.count >= 12)
        for book in books {
            let file = try XLSXFile(path: ws.outbox.appendingPathComponent(book).path)
            let wraps = Self.wrapping(file.parts["xl/styles.xml"] ?? "")
            let workbook = file.parts["xl/workbook.xml"] ?? ""
            for (index, sheet) in file.sheets.enumerated() {
                let place = "\(book) «\(sheet.name)»"
                let xml = sheet.xml
                // Page setup: A4, one page wide, gridlines, title and date on top, page numbers below.
                #expect(xml.contains("paperSize=\"9\""), "\(place): A4")
                #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>") && xml.contains("fitToHeight=\"0\""), "\(place): one page wide")
                #expect(xml.contains("orientation=\"landscape\"") || xml.contains("orientation=\"portrait\""), "\(place): orientation")
                #expect(xml.contains("<printOptions gridLines=\"1\"/>"), "\(place): gridlines")
                #expect(xml.contains("<oddHeader>&amp;L") && xml.contains(", на "), "\(place): the title and date on every page")
                #expect(xml.contains("<oddFooter>&amp;Cстр. &amp;P из &amp;N</oddFooter>"), "\(place): page numbers")
                // A table: its header row repeats on every page; no header breaks inside a word;
                // every value fits its column or wraps.
                guard let split = xml.firstMatch(of: /<pane ySplit="(\d+)"/).map({ Int($0.1)! }) else { continue }
                #expect(
                    workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"),
                    "\(place): the header row repeats")
                let widths = Self.widths(xml)
                for (column, title) in sheet.row(split).enumerated() where !title.isEmpty {
                    let width = widths[column] ?? 8.43
                    #expect(Double(Self.longestWord(title)) * 1.1 <= width, "\(place): header «\(title)» breaks inside a word at \(width)")
                }
                for (reference, cell) in sheet.cells where cell.isText {
                    let (row, column) = XLSXFile.split(reference)
                    guard row > split, let width = widths[column] else { continue }
                    let fits = Double(cell.value.split(separator: "\n").map(\.count).max() ?? 0) <= width
                    #expect(
                        fits || wraps.contains(cell.style),
                        "\(place) \(reference): «\(cell.value.prefix(40))» neither fits \(width) nor wraps")
                }
            }
        }
    }
}
