import Domain
import Foundation

/// `roadmap`: roadmap items the school (or the district) reports done.
enum RoadmapRules {
    static func validate(_ check: FileCheck) -> [RoadmapCompletionRecord] {
        var out: [RoadmapCompletionRecord] = []
        let codes = check.context.roadmapCodes
        for r in check.dataRecords {
            var code = check.text(.item, r)
            let done = check.date(.doneDate, r, notInFuture: true)
            let document = check.text(.document, r)
            let note = check.text(.note, r)
            if let written = code {
                let trimmed = written.hasSuffix(".") ? String(written.dropLast()) : written
                if let known = [written, trimmed].first(where: codes.contains) {
                    code = known
                } else {
                    let list = codes.sorted(by: codeOrder).joined(separator: ", ")
                    check.report(
                        .error, r, .item, value: written,
                        "Мероприятия с кодом «\(written)» нет в дорожной карте для вашего уровня. Допустимые коды: \(list).")
                    code = nil
                }
            }
            guard let code, let done, let document else { continue }
            out.append(RoadmapCompletionRecord(row: check.table.rows[r], itemCode: code, doneDate: done, document: document, note: note))
        }
        return out
    }

    /// `1.2` before `1.10`, `П2.1` after numbered items.
    static func codeOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: .numeric) == .orderedAscending
    }
}
