import Domain
import Foundation
import Reading

/// Which dataset a file holds: from its name (English or Russian, any suffix), else from its
/// header. Decided once per file, before anything else reads it: the nightly run orders the night
/// by it, and the validator checks the file as that dataset.
public enum DatasetRecognition {
    /// How many bytes of a file `recognise` needs to see: a header row is far shorter.
    public static let headBytes = 64 << 10

    /// By the name, else by the header row at the start of `head` (the file's first bytes, all of
    /// them when `complete`; a workbook's are needed whole). Nil when neither says.
    public static func recognise(name: String, head: [UInt8], complete: Bool) -> Dataset? {
        if let dataset = fromFileName(name) { return dataset }
        if SpreadsheetDocument.isZip(head) {
            // A workbook says what it holds by its sheets, known only from the whole of it.
            return complete ? (try? SpreadsheetDocument.parse(head)).flatMap { WorkbookSheets.recognise($0, name: name) } : nil
        }
        return header(ofHead: head, complete: complete).flatMap(fromHeader)
    }

    /// `mentors.csv`, `Наставники_2023-01-20.csv`, `дорожная карта.csv`.
    public static func fromFileName(_ name: String) -> Dataset? {
        var stem = TextKey.lowercasedScalars(name)
        if let dot = stem.lastIndex(of: 0x2E), dot != 0 { stem.removeSubrange(dot...) }
        for i in stem.indices where stem[i] == 0x20 || stem[i] == 0x2D { stem[i] = 0x5F }
        for (dataset, prefixes) in namePrefixes {
            for prefix in prefixes where stem.starts(with: prefix) {
                guard stem.count > prefix.count else { return dataset }
                let next = Unicode.Scalar(stem[prefix.count])
                if !(next?.properties.isAlphabetic ?? false) { return dataset }
            }
        }
        return nil
    }

    /// Each dataset's English and Russian names as scalars, for `fromFileName`.
    private static let namePrefixes: [(Dataset, [[UInt32]])] = Dataset.allCases.map { dataset in
        (dataset, [dataset.rawValue, dataset.russianFileName].map { $0.unicodeScalars.map(\.value) })
    }

    /// The dataset whose columns the header names most, when that is clear (at least two columns,
    /// more than any other dataset).
    public static func fromHeader(_ header: [String]) -> Dataset? {
        let scores = Dataset.allCases.map { ($0, HeaderMap.matches($0, header: header)) }.sorted { $0.1 > $1.1 }
        guard scores[0].1 >= 2, scores[0].1 > scores[1].1 else { return nil }
        return scores[0].0
    }

    /// The first record of a file's first bytes: decoded as the whole file would be, and cut at the
    /// first line end outside quotes (a prefix may end inside a later field).
    static func header(ofHead head: [UInt8], complete: Bool) -> [String]? {
        var bytes = head
        if !complete {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                bytes.removeLast(bytes.count % 2)
            } else if let lastASCII = bytes.lastIndex(where: { $0 < 0x80 }) {
                bytes.removeSubrange((lastASCII + 1)...)  // a character cut in two would look like Windows-1251
            }
        }
        let decoded = TextDecoding.decode(bytes)
        let text = decoded.bytes
        var start = 0
        while start < text.count && (text[start] == 0x0A || text[start] == 0x0D) { start += 1 }
        var quoted = false
        var end: Int?
        for i in start..<text.count {
            if text[i] == 0x22 {
                quoted.toggle()
            } else if !quoted && (text[i] == 0x0A || text[i] == 0x0D) {
                end = i
                break
            }
        }
        guard let cut = end ?? (complete ? text.count : nil), cut > start else { return nil }
        let line = Array(text[start..<cut])
        guard
            let table = try? CSVParser.parse(
                line, delimiter: Delimiter.detect(line).rawValue, windows1251: decoded.encoding == .windows1251),
            table.count > 0
        else { return nil }
        return table.record(0)
    }

    /// The names a curator may give files, for a rejection message.
    public static var acceptedNames: String {
        Dataset.allCases.map { "\($0.rawValue) / \($0.russianFileName)" }.joined(separator: ", ")
    }
}
