import Deadlines

/// The one stylesheet of every page, inline (a page needs nothing beside it): readable on a phone
/// (tables of people and programmes become cards under 40em, the wide matrix scrolls inside its
/// own box, the page itself never sideways) and on paper. Deadline statuses take their colours
/// from `DeadlineStatus.colour`, as in the workbooks. It is part of each template's text.
enum PageStyle {
    /// The class a status's cell carries.
    static func cssClass(_ status: DeadlineStatus) -> String {
        switch status {
        case .doneOnTime: "s-done"
        case .doneLate: "s-late"
        case .overdue: "s-overdue"
        case .dueSoon: "s-soon"
        case .notYetDue: "s-notyet"
        case .ongoing: "s-ongoing"
        }
    }

    static let css: String = {
        var rules = [
            "*,*::before,*::after{box-sizing:border-box}",
            "body{margin:0 auto;max-width:72rem;padding:1rem;font-family:system-ui,Segoe UI,Roboto,Arial,sans-serif;"
                + "line-height:1.45;color:#1b1b1b;background:#fff;overflow-wrap:break-word}",
            "h1{font-size:1.45rem;margin:.2rem 0 .4rem}",
            "h2{font-size:1.15rem;margin:1.6rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid #c8c8c8}",
            ".meta{color:#555;margin:.2rem 0}",
            "a{color:#0b57a4;overflow-wrap:anywhere}",
            ".scroll{overflow-x:auto;max-width:100%}",
            "table{border-collapse:collapse;width:100%;font-size:.95rem}",
            "caption{text-align:left;font-weight:600;padding:.3rem 0}",
            "th,td{border:1px solid #bdbdbd;padding:.3rem .45rem;text-align:left;vertical-align:top}",
            "thead th{background:#DDEBF7}",
            "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
            "table.matrix{font-size:.82rem;width:auto}",
            "table.matrix td,table.matrix th,table.matrix a{white-space:nowrap;overflow-wrap:normal}",
            "ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}",
            "ul.legend li{padding:.15rem .5rem;border:1px solid #bdbdbd}",
            "@media (max-width:40em){"
                + "table.cards thead{position:absolute;left:-9999px}"
                + "table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}"
                + "table.cards tr{border:1px solid #bdbdbd;margin-bottom:.6rem}"
                + "table.cards td{border:none;border-bottom:1px solid #eee}"
                + "table.cards td::before{content:attr(data-label);font-weight:600;padding-right:.5em}}",
            "@media print{body{max-width:none;padding:0;font-size:10pt}.scroll{overflow:visible}"
                + "thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit}}",
        ]
        for status in DeadlineStatus.allCases {
            let colour = status.colour
            var rule = ".\(cssClass(status)){background:\(hex(colour.fill))"
            if let text = colour.text { rule += ";color:\(hex(text))" }
            if colour.bold { rule += ";font-weight:700" }
            rules.append(rule + ";-webkit-print-color-adjust:exact;print-color-adjust:exact}")
        }
        return rules.joined(separator: "\n")
    }()

    /// A page's template: the document around `body`, the stylesheet in its `<style>` as part of
    /// the template's own text, not a value (it is the project's, and the same on every page).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// The document around a page built a piece at a time (`HTMLText`): what `document` gives a
    /// template, cut where the title and the body go.
    static let shell: (beforeTitle: RenderedHTML, beforeBody: RenderedHTML, end: RenderedHTML) = {
        let parts = document(title: "\u{0}", body: "\u{0}").split(separator: "\u{0}", omittingEmptySubsequences: false)
        precondition(parts.count == 3, "the document has one title and one body")
        return (RenderedHTML(html: String(parts[0])), RenderedHTML(html: String(parts[1])), RenderedHTML(html: String(parts[2])))
    }()

    static func hex(_ rgb: UInt32) -> String {
        let digits = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Each status with its class, for a legend.
    static var legend: [Legend] { DeadlineStatus.allCases.map { Legend(text: $0.rawValue, cssClass: cssClass($0)) } }

    struct Legend: PageModel {
        var text: String
        var cssClass: String

        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("text", \.text), ("cssClass", \.cssClass)]
    }
}

/// A link is made only of an `http` or `https` address; anything else (`javascript:`, `data:`…)
/// stays text.
struct PageLink: Sendable {
    var text: String
    var href: String?

    init(_ text: String) {
        self.text = text
        let lower = text.lowercased()
        href = lower.hasPrefix("https://") || lower.hasPrefix("http://") ? text : nil
    }
}
