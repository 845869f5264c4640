import Domain
import Foundation

/// The pages of `nastavnik serve`, in Russian, usable on a phone: the sign-in, a school's page
/// (choose or drop files; the files waiting for tonight, each with its verdict and its findings
/// grouped by kind; rejected uploads kept aside; the receipts and the public page) and the level's
/// own page. Built by `HTMLText` (every value escaped); the script and the style sheet they share
/// are served as files of their own (`script`, `style`), so that the pages carry no inline script
/// and the Content-Security-Policy allows none.
public enum CuratorPages {
    public struct Link: Sendable {
        public var text: String
        public var href: String

        public init(text: String, href: String) {
            self.text = text
            self.href = href
        }
    }

    /// A judged file (or a workbook's sheet) as the page shows it.
    public struct Verdict: Sendable {
        public var label: String
        /// `принят`, `отклонён`, `повтор`.
        public var verdict: String
        public var errors: Int
        public var warnings: Int
        public var findings: [Finding]
        /// The same school's files of tonight it rests on.
        public var reliedOn: [String]
        public var reliedOnOtherSchools: Int

        public init(
            label: String, verdict: String, errors: Int, warnings: Int, findings: [Finding], reliedOn: [String], reliedOnOtherSchools: Int
        ) {
            self.label = label
            self.verdict = verdict
            self.errors = errors
            self.warnings = warnings
            self.findings = findings
            self.reliedOn = reliedOn
            self.reliedOnOtherSchools = reliedOnOtherSchools
        }
    }

    /// A file waiting for the night, with what the night would say of it now.
    public struct Waiting: Sendable {
        public var name: String
        public var size: String
        public var pending: Bool
        public var verdicts: [Verdict]

        public init(name: String, size: String, pending: Bool, verdicts: [Verdict]) {
            self.name = name
            self.size = size
            self.pending = pending
            self.verdicts = verdicts
        }
    }

    /// A rejected upload kept aside: a file waited under its name and stayed.
    public struct Kept: Sendable {
        public var name: String
        public var time: String
        public var verdicts: [Verdict]

        public init(name: String, time: String, verdicts: [Verdict]) {
            self.name = name
            self.time = time
            self.verdicts = verdicts
        }
    }

    /// A unit's package as the level above holds it (above a district).
    public struct HeldPackage: Sendable {
        /// `2023-H1`.
        public var period: String
        /// «принят 20.07.2023», «возвращён 25.07.2023: …».
        public var state: String
        public var returned: Bool

        public init(period: String, state: String, returned: Bool) {
            self.period = period
            self.state = state
            self.returned = returned
        }
    }

    /// A unit's page: a school's at a district, a district's at a region.
    public struct School: Sendable {
        public var name: String
        public var code: String
        public var csrf: String
        public var waiting: [Waiting]
        public var kept: [Kept]
        public var receipts: [Link]
        public var publicPage: String?
        public var nightRunning: Bool
        /// Above a district: the unit sends its package, and sees what became of it.
        public var sendsPackage = false
        public var packages: [HeldPackage] = []

        public init(
            name: String, code: String, csrf: String, waiting: [Waiting], kept: [Kept], receipts: [Link], publicPage: String?,
            nightRunning: Bool
        ) {
            self.name = name
            self.code = code
            self.csrf = csrf
            self.waiting = waiting
            self.kept = kept
            self.receipts = receipts
            self.publicPage = publicPage
            self.nightRunning = nightRunning
        }
    }

    /// A unit as the level's own page shows it: what it sent since the night, and its packages.
    public struct Unit: Sendable {
        public var name: String
        public var code: String
        public var waiting: [Waiting]
        public var packages: [HeldPackage]

        public init(name: String, code: String, waiting: [Waiting], packages: [HeldPackage]) {
            self.name = name
            self.code = code
            self.waiting = waiting
            self.packages = packages
        }
    }

    // MARK: the pages

    public static func signIn(title: String, csrf: String, error: String?) -> String {
        var page = document(title: "Наставничество — вход")
        page.markup("<header><p class=\"meta\">Целевая модель наставничества педагогических работников</p><h1>")
        page.text(title)
        page.markup("</h1></header>\n<main>\n<section aria-labelledby=\"signin\">\n<h2 id=\"signin\">Вход</h2>\n")
        if let error {
            page.markup("<p role=\"alert\" class=\"s-overdue\" id=\"error\">")
            page.text(error)
            page.markup("</p>\n")
        }
        page.markup("<form method=\"post\" action=\"/login\">\n")
        hidden(&page, "csrf", csrf)
        page.markup(
            """
            <p><label for="folder">Код ОО (как в имени папки; для отдела образования — district)</label><br>
            <input id="folder" name="folder" autocomplete="username" required autocapitalize="none"></p>
            <p><label for="code">Код доступа</label><br>
            <input id="code" name="code" type="password" autocomplete="current-password" required></p>
            <p><button type="submit" id="signin-button">Войти</button></p>
            </form>
            <p class="meta">Код доступа выдаёт отдел образования. Никому его не сообщайте.</p>
            </section>
            </main>

            """)
        return end(page)
    }

    public static func school(_ school: School) -> String {
        var page = document(title: "Наставничество — " + school.name)
        header(&page, school.name, csrf: school.csrf)
        page.markup("<main data-code=\"")
        page.text(school.code)
        page.markup("\" data-csrf=\"")
        page.text(school.csrf)
        page.markup(
            """
            ">
            <section aria-labelledby="send">
            <h2 id="send">Отправить файлы</h2>

            """)
        if school.sendsPackage {
            page.markup(
                """
                <p>Перетащите сюда пакет за полугодие (книгу <code>outbox/upward/&lt;код&gt;-ГГГГ-HN.xlsx</code>, которую записывает \
                nastavnik района) или выберите его: он сразу проверяется так же, как его проверит ночная обработка.</p>

                """)
        } else {
            page.markup(
                """
                <p>Перетащите сюда файлы CSV или книгу Excel (.xlsx) или выберите их: каждый сразу проверяется вместе с файлами, \
                которые уже ждут ночной обработки, — так же, как ночью.</p>

                """)
        }
        page.markup(
            """
            <div id="drop" class="drop">
            <input id="files" type="file" multiple accept=".csv,.txt,.xlsx" class="chooser">
            <label for="files" class="button" id="choose">Выбрать файлы</label>
            <span id="chosen">Файлы не выбраны</span>
            </div>

            """)
        if school.nightRunning {
            page.markup(
                "<p class=\"s-soon\">Сейчас идёт ночная обработка: присланные файлы дождутся её окончания и будут приняты в следующую ночь.</p>\n"
            )
        }
        page.markup(
            """
            <p class="meta">Итог учитывает реестр на сейчас и файлы всех школ, ожидающие ночной обработки. Окончательный итог — \
            в квитанции утром.</p>
            <div id="results" aria-live="polite"></div>
            </section>

            """)
        waitingSection(&page, school)
        keptSection(&page, school)
        if school.sendsPackage {
            page.markup(
                "<section aria-labelledby=\"packages\" id=\"packages-section\">\n<h2 id=\"packages\">Пакеты, принятые за полугодия</h2>\n")
            if school.packages.isEmpty { page.markup("<p>Принятых пакетов пока нет.</p>\n") }
            for held in school.packages { heldPackage(&page, held) }
            page.markup("</section>\n")
        }
        page.markup("<section aria-labelledby=\"receipts\">\n<h2 id=\"receipts\">Квитанции</h2>\n")
        if school.receipts.isEmpty {
            page.markup("<p>Квитанций пока нет.</p>\n")
        } else {
            page.markup("<ul>")
            for link in school.receipts { listLink(&page, link) }
            page.markup("</ul>\n")
        }
        if let href = school.publicPage {
            page.markup("<p><a href=\"")
            page.text(href)
            page.markup("\">Страница ОО для сайта</a></p>\n")
        }
        page.markup("</section>\n</main>\n<script src=\"/static/curator.js\"></script>\n")
        return end(page)
    }

    /// The level's own page: the last night's outputs, what each unit has sent since and, above a
    /// district, each unit's packages, which it may return with a reason.
    public static func district(name: String, csrf: String, outputs: [Link], units: [Unit], returns: Bool) -> String {
        var page = document(title: "Наставничество — " + name)
        header(&page, name, csrf: csrf)
        page.markup(
            "<main>\n<section aria-labelledby=\"outputs\">\n<h2 id=\"outputs\">Сводка и книги последней ночи</h2>\n<ul id=\"outputs-list\">"
        )
        for link in outputs { listLink(&page, link) }
        page.markup("</ul>\n</section>\n<section aria-labelledby=\"sent\">\n<h2 id=\"sent\">Прислано после последней ночи</h2>\n")
        page.markup("<table class=\"cards\" id=\"units\">\n<thead><tr><th scope=\"col\">")
        page.markup(returns ? "МО" : "ОО")
        page.markup("</th><th scope=\"col\">Файлы</th>")
        if returns { page.markup("<th scope=\"col\">Пакеты</th>") }
        page.markup("</tr></thead>\n<tbody>\n")
        for unit in units {
            page.markup("<tr>")
            page.cell("Кто", unit.name)
            page.markup("<td data-label=\"Файлы\">")
            for file in unit.waiting {
                page.text(file.name)
                page.markup(" (")
                page.text(file.size)
                for verdict in file.verdicts {
                    page.markup(", <span class=\"")
                    page.text(cssClass(verdict.verdict))
                    page.markup("\">")
                    page.text(verdict.verdict)
                    page.markup("</span>")
                }
                if file.pending { page.markup(", ждёт окончания ночи") }
                page.markup(")<br>")
            }
            if unit.waiting.isEmpty { page.markup("—") }
            page.markup("</td>")
            if returns {
                page.markup("<td data-label=\"Пакеты\">")
                for held in unit.packages {
                    heldPackage(&page, held)
                    guard !held.returned else { continue }
                    page.markup("<form method=\"post\" action=\"/district/return\" class=\"return\">")
                    hidden(&page, "csrf", csrf)
                    hidden(&page, "folder", unit.code)
                    hidden(&page, "period", held.period)
                    page.markup("<label>Причина возврата <input name=\"reason\" required maxlength=\"500\"></label> ")
                    page.markup("<button type=\"submit\">Вернуть пакет</button></form>\n")
                }
                if unit.packages.isEmpty { page.markup("—") }
                page.markup("</td>")
            }
            page.markup("</tr>\n")
        }
        page.markup("</tbody>\n</table>\n</section>\n</main>\n")
        return end(page)
    }

    private static func heldPackage(_ page: inout HTMLText, _ held: HeldPackage) {
        page.markup("<p class=\"package ")
        page.markup(held.returned ? "s-overdue" : "s-done")
        page.markup("\">Пакет за ")
        page.text(held.period)
        page.markup(": ")
        page.text(held.state)
        page.markup("</p>\n")
    }

    // MARK: sections

    private static func waitingSection(_ page: inout HTMLText, _ school: School) {
        page.markup("<section aria-labelledby=\"waiting\" id=\"waiting-section\">\n<h2 id=\"waiting\">Ждут ночной обработки</h2>\n")
        guard !school.waiting.isEmpty else {
            page.markup("<p id=\"waiting-files\">Файлов, ожидающих обработки, нет.</p>\n</section>\n")
            return
        }
        page.markup("<ul id=\"waiting-files\" class=\"files\">\n")
        for file in school.waiting {
            page.markup("<li class=\"file\"><h3>")
            page.text(file.name)
            page.markup(" <span class=\"meta\">")
            page.text(file.size)
            if file.pending { page.markup(", ждёт окончания ночной обработки") }
            page.markup("</span></h3>\n<form method=\"post\" action=\"/school/withdraw\">")
            hidden(&page, "csrf", school.csrf)
            hidden(&page, "name", file.name)
            page.markup("<button type=\"submit\">Отозвать</button></form>\n")
            for verdict in file.verdicts { self.verdict(&page, verdict) }
            page.markup("</li>\n")
        }
        page.markup("</ul>\n</section>\n")
    }

    private static func keptSection(_ page: inout HTMLText, _ school: School) {
        page.markup("<section aria-labelledby=\"kept\" id=\"kept-section\">\n")
        if !school.kept.isEmpty {
            page.markup(
                """
                <h2 id="kept">Не приняты и не заменили ожидающий файл</h2>
                <p class="meta">Эти файлы отклонены, поэтому файл с тем же именем, который уже ждал ночной обработки, остался \
                на месте. Исправьте замечания и пришлите файл снова.</p>
                <ul id="kept-files" class="files">

                """)
            for kept in school.kept {
                page.markup("<li class=\"file\"><h3>")
                page.text(kept.name)
                page.markup(" <span class=\"meta\">прислан ")
                page.text(kept.time)
                page.markup("</span></h3>\n")
                for verdict in kept.verdicts { self.verdict(&page, verdict) }
                page.markup("</li>\n")
            }
            page.markup("</ul>\n")
        }
        page.markup("</section>\n")
    }

    /// A verdict with its findings: each kind once, with how many rows it has and the first of them;
    /// every finding in a table (its header fixed while it scrolls) on demand.
    static func verdict(_ page: inout HTMLText, _ verdict: Verdict) {
        page.markup("<div class=\"verdict\"><p class=\"result ")
        page.text(cssClass(verdict.verdict))
        page.markup("\">")
        page.text(verdict.label)
        page.markup(": ")
        page.text(verdict.verdict)
        page.markup(" (ошибок: ")
        page.text(RussianNumbers.integer(verdict.errors))
        page.markup(", предупреждений: ")
        page.text(RussianNumbers.integer(verdict.warnings))
        page.markup(")</p>\n")
        if let relied = reliance(verdict) {
            page.markup("<p class=\"meta relied\">")
            page.text(relied)
            page.markup("</p>\n")
        }
        let groups = FindingGroup.of(verdict.findings)
        if !groups.isEmpty {
            page.markup("<ul class=\"groups\">\n")
            for group in groups {
                page.markup("<li class=\"")
                page.text(group.severity == .error ? "error" : "warning")
                page.markup("\"><strong>")
                page.text(group.title)
                page.markup("</strong> — ")
                page.text(group.summary)
                page.markup("</li>\n")
            }
            page.markup("</ul>\n")
            let omitted = verdict.errors + verdict.warnings - verdict.findings.count
            page.markup("<details><summary>Все замечания (")
            page.text(RussianNumbers.integer(verdict.findings.count))
            if omitted > 0 {
                page.markup(" из ")
                page.text(RussianNumbers.integer(verdict.errors + verdict.warnings))
            }
            page.markup(
                ")</summary>\n<div class=\"table-box\"><table class=\"cards findings\">\n<thead><tr><th scope=\"col\">Строка</th><th scope=\"col\">Столбец</th><th scope=\"col\">Значение</th><th scope=\"col\">Сообщение</th><th scope=\"col\">Уровень</th></tr></thead>\n<tbody>\n"
            )
            for finding in verdict.findings {
                page.markup("<tr>")
                page.cell("Строка", finding.row.map(String.init) ?? "")
                page.cell("Столбец", finding.column ?? "")
                page.cell("Значение", finding.value ?? "")
                page.cell("Сообщение", finding.message)
                page.cell("Уровень", finding.severity.rawValue)
                page.markup("</tr>\n")
            }
            page.markup("</tbody>\n</table></div>\n</details>\n")
        }
        page.markup("</div>\n")
    }

    /// «Проверен вместе с …»: the files of tonight the verdict rests on.
    static func reliance(_ verdict: Verdict) -> String? {
        var parts = verdict.reliedOn.map { "«\($0)»" }
        if verdict.reliedOnOtherSchools > 0 {
            parts.append("списками наставников других ОО (\(RussianNumbers.integer(verdict.reliedOnOtherSchools)))")
        }
        return parts.isEmpty ? nil : "Проверен с учётом ожидающих файлов: " + parts.joined(separator: ", ") + "."
    }

    static func cssClass(_ verdict: String) -> String {
        switch verdict {
        case "отклонён": "s-overdue"
        case "принят": "s-done"
        default: "s-notyet"
        }
    }

    // MARK: pieces

    private static func document(title: String) -> HTMLText {
        var page = HTMLText(capacity: 8192)
        page.markup(PageStyle.shell.beforeTitle)
        page.text(title)
        page.markup(PageStyle.shell.beforeBody)
        page.markup("<link rel=\"stylesheet\" href=\"/static/curator.css\">\n")
        return page
    }

    private static func end(_ page: HTMLText) -> String {
        var page = page
        page.markup(PageStyle.shell.end)
        return page.string
    }

    private static func header(_ page: inout HTMLText, _ name: String, csrf: String) {
        page.markup("<header><p class=\"meta\">Целевая модель наставничества педагогических работников</p><h1>")
        page.text(name)
        page.markup("</h1>\n<form method=\"post\" action=\"/logout\">")
        hidden(&page, "csrf", csrf)
        page.markup("<button type=\"submit\" id=\"signout\">Выйти</button></form>\n</header>\n")
    }

    private static func hidden(_ page: inout HTMLText, _ name: StaticString, _ value: String) {
        page.markup("<input type=\"hidden\" name=\"")
        page.markup(name)
        page.markup("\" value=\"")
        page.text(value)
        page.markup("\">")
    }

    private static func listLink(_ page: inout HTMLText, _ link: Link) {
        page.markup("<li><a href=\"")
        page.text(link.href)
        page.markup("\">")
        page.text(link.text)
        page.markup("</a></li>")
    }
}

/// Findings of one kind in one file: the same message in the same column, however many rows — the
/// message told apart from its row's value and numbers («СНИЛС …: неверная контрольная сумма»).
struct FindingGroup: Equatable {
    var severity: Severity
    var column: String?
    var message: String
    var rows: [Int]
    var count: Int

    /// How many rows are named in the summary before «и ещё …».
    static let shownRows = 5

    /// Errors first, then the most frequent; a file's own findings (no row) before the rows'.
    static func of(_ findings: [Finding]) -> [FindingGroup] {
        var groups: [FindingGroup] = []
        var index: [String: Int] = [:]
        for finding in findings {
            let message = kind(of: finding)
            let key = "\(finding.severity.rawValue)\u{1F}\(finding.column ?? "")\u{1F}\(message)"
            if let i = index[key] {
                groups[i].count += 1
                if let row = finding.row { groups[i].rows.append(row) }
            } else {
                index[key] = groups.count
                groups.append(
                    FindingGroup(
                        severity: finding.severity, column: finding.column, message: message, rows: finding.row.map { [$0] } ?? [],
                        count: 1))
            }
        }
        return groups.enumerated().sorted { a, b in
            (a.element.severity == .error ? 0 : 1, -a.element.count, a.offset) < (
                b.element.severity == .error ? 0 : 1, -b.element.count, b.offset
            )
        }.map(\.element)
    }

    /// The message without what differs from row to row: the value as written, and numbers
    /// (a СНИЛС, a date, a count) as «…».
    static func kind(of finding: Finding) -> String {
        var message = finding.message
        if let value = finding.value?.trimmingCharacters(in: .whitespaces), value.count > 1 {
            message = message.replacingOccurrences(of: value, with: "…")
        }
        return message.replacing(/\d(?:[\d\-.\/ ]*\d)?/, with: "…")
    }

    /// «СНИЛС: неверная контрольная сумма» — the column, then the message.
    var title: String { column.map { "«\($0)»: \(message)" } ?? message }

    /// «37 строк (ошибка): 2, 5, 9, 12, 15 и ещё 32».
    var summary: String {
        let kind = severity.rawValue
        guard !rows.isEmpty else { return count == 1 ? kind : "\(kind), \(RussianNumbers.integer(count))" }
        let shown = rows.prefix(Self.shownRows).map(String.init).joined(separator: ", ")
        let more = rows.count > Self.shownRows ? " и ещё \(RussianNumbers.integer(rows.count - Self.shownRows))" : ""
        return "\(Self.rowsWord(rows.count)) (\(kind)): \(shown)\(more)"
    }

    /// «1 строка», «3 строки», «37 строк».
    static func rowsWord(_ n: Int) -> String {
        let last = n % 10
        let lastTwo = n % 100
        let word = (11...14).contains(lastTwo) ? "строк" : last == 1 ? "строка" : (2...4).contains(last) ? "строки" : "строк"
        return "\(RussianNumbers.integer(n)) \(word)"
    }
}
