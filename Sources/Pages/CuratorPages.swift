import Mustache

/// The pages of `nastavnik serve`, in Russian, usable on a phone: the sign-in, a school's page
/// (drop or choose files, each file's verdict at once with its findings as the receipt shows them,
/// the files waiting for tonight, the school's receipts and public page) and the district's.
/// Every value is escaped by the template; the script writes verdicts into the page as text, never
/// as HTML.
public enum CuratorPages {
    public struct Link: Sendable {
        public var text: String
        public var href: String

        public init(text: String, href: String) {
            self.text = text
            self.href = href
        }
    }

    public struct Waiting: Sendable {
        public var name: String
        public var size: String
        public var pending: Bool

        public init(name: String, size: String, pending: Bool) {
            self.name = name
            self.size = size
            self.pending = pending
        }
    }

    public static func signIn(title: String, csrf: String, error: String?) -> String {
        signInTemplate.render(SignIn(title: title, csrf: csrf, error: error))
    }

    public static func school(
        name: String, code: String, csrf: String, waiting: [Waiting], receipts: [Link], publicPage: String?, nightRunning: Bool
    ) -> String {
        schoolTemplate.render(
            School(
                name: name, code: code, csrf: csrf, waiting: waiting.map(WaitingModel.init), hasWaiting: !waiting.isEmpty,
                receipts: receipts.map(LinkModel.init), hasReceipts: !receipts.isEmpty, publicPage: publicPage, nightRunning: nightRunning))
    }

    public static func district(name: String, csrf: String, outputs: [Link], schools: [(school: String, files: [Waiting])]) -> String {
        districtTemplate.render(
            District(
                name: name, csrf: csrf, outputs: outputs.map(LinkModel.init),
                schools: schools.map { SchoolFiles(school: $0.school, files: $0.files.map(WaitingModel.init), none: $0.files.isEmpty) }))
    }

    struct LinkModel: PageModel {
        var text: String
        var href: String
        init(_ link: Link) {
            text = link.text
            href = link.href
        }
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [("text", \.text), ("href", \.href)]
    }

    struct WaitingModel: PageModel {
        var name: String
        var size: String
        var pending: Bool
        init(_ waiting: Waiting) {
            name = waiting.name
            size = waiting.size
            pending = waiting.pending
        }
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("name", \.name), ("size", \.size), ("pending", \.pending),
        ]
    }

    struct SignIn: PageModel {
        var title: String
        var csrf: String
        var error: String?
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("title", \.title), ("csrf", \.csrf), ("error", \.error),
        ]
    }

    struct School: PageModel {
        var name: String
        var code: String
        var csrf: String
        var waiting: [WaitingModel]
        var hasWaiting: Bool
        var receipts: [LinkModel]
        var hasReceipts: Bool
        var publicPage: String?
        var nightRunning: Bool
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("name", \.name), ("code", \.code), ("csrf", \.csrf), ("waiting", \.waiting), ("hasWaiting", \.hasWaiting),
            ("receipts", \.receipts), ("hasReceipts", \.hasReceipts), ("publicPage", \.publicPage), ("nightRunning", \.nightRunning),
        ]
    }

    struct SchoolFiles: PageModel {
        var school: String
        var files: [WaitingModel]
        var none: Bool
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("school", \.school), ("files", \.files), ("none", \.none),
        ]
    }

    struct District: PageModel {
        var name: String
        var csrf: String
        var outputs: [LinkModel]
        var schools: [SchoolFiles]
        static let fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] = [
            ("name", \.name), ("csrf", \.csrf), ("outputs", \.outputs), ("schools", \.schools),
        ]
    }

    static let signInTemplate = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — вход",
            body: """
                <header><p class="meta">Целевая модель наставничества педагогических работников</p><h1>{{title}}</h1></header>
                <main>
                <section aria-labelledby="signin">
                <h2 id="signin">Вход</h2>
                {{#error}}<p role="alert" class="s-overdue" id="error">{{error}}</p>{{/error}}
                <form method="post" action="/login">
                <input type="hidden" name="csrf" value="{{csrf}}">
                <p><label for="folder">Код ОО (как в имени папки; для отдела образования — district)</label><br>
                <input id="folder" name="folder" autocomplete="username" required autocapitalize="none"></p>
                <p><label for="code">Код доступа</label><br>
                <input id="code" name="code" type="password" autocomplete="current-password" required></p>
                <p><button type="submit" id="signin-button">Войти</button></p>
                </form>
                <p class="meta">Код доступа выдаёт отдел образования. Никому его не сообщайте.</p>
                </section>
                </main>

                """))

    static let schoolTemplate = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — {{name}}",
            body: """
                <header><p class="meta">Целевая модель наставничества педагогических работников</p><h1>{{name}}</h1>
                <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Выйти</button></form>
                </header>
                <main data-code="{{code}}" data-csrf="{{csrf}}">
                <section aria-labelledby="send">
                <h2 id="send">Отправить файлы</h2>
                <p>Перетащите сюда файлы CSV или книгу Excel (.xlsx) или выберите их — каждый будет сразу проверен так же, как ночью.</p>
                <div id="drop" style="border:2px dashed #888;padding:1.5rem;text-align:center">
                <label for="files">Выбрать файлы</label><br><input id="files" type="file" multiple accept=".csv,.txt,.xlsx">
                </div>
                {{#nightRunning}}<p class="s-soon">Сейчас идёт ночная обработка: присланные файлы дождутся её окончания и будут приняты в следующую ночь.</p>{{/nightRunning}}
                <p class="meta">Проверка учитывает реестр на сейчас. Файлы других школ, присланные сегодня (например, приглашённый наставник из другой ОО), будут учтены только ночью — окончательный итог будет в квитанции утром.</p>
                <div id="results" aria-live="polite"></div>
                </section>
                <section aria-labelledby="waiting">
                <h2 id="waiting">Ждут ночной обработки</h2>
                {{#hasWaiting}}
                <table class="cards" id="waiting-files">
                <thead><tr><th scope="col">Файл</th><th scope="col">Размер</th><th scope="col"></th></tr></thead>
                <tbody>
                {{#waiting}}
                <tr><td data-label="Файл">{{name}}{{#pending}} (ждёт окончания ночной обработки){{/pending}}</td><td data-label="Размер">{{size}}</td>
                <td><form method="post" action="/school/withdraw"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="name" value="{{name}}"><button type="submit">Отозвать</button></form></td></tr>
                {{/waiting}}
                </tbody>
                </table>
                {{/hasWaiting}}
                {{^hasWaiting}}<p id="waiting-files">Файлов, ожидающих обработки, нет.</p>{{/hasWaiting}}
                </section>
                <section aria-labelledby="receipts">
                <h2 id="receipts">Квитанции</h2>
                {{#hasReceipts}}<ul>{{#receipts}}<li><a href="{{href}}">{{text}}</a></li>{{/receipts}}</ul>{{/hasReceipts}}
                {{^hasReceipts}}<p>Квитанций пока нет.</p>{{/hasReceipts}}
                {{#publicPage}}<p><a href="{{publicPage}}">Страница ОО для сайта</a></p>{{/publicPage}}
                </section>
                </main>
                <script>
                (function () {
                  var main = document.querySelector('main');
                  var code = main.dataset.code, csrf = main.dataset.csrf, results = document.getElementById('results');
                  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
                  function show(name, verdicts, failure) {
                    var box = el('article', undefined, 'verdict');
                    box.appendChild(el('h3', name));
                    if (failure) { box.appendChild(el('p', failure, 's-overdue')); results.prepend(box); return; }
                    verdicts.forEach(function (v) {
                      var label = (v.sheet ? v.file + ' — лист «' + v.sheet + '»' : v.file);
                      var cls = v.verdict === 'отклонён' ? 's-overdue' : 's-done';
                      box.appendChild(el('p', label + ': ' + v.verdict + ' (ошибок: ' + v.errors + ', предупреждений: ' + v.warnings + ')', cls + ' result'));
                      if (v.findings.length) {
                        var table = el('table', undefined, 'cards');
                        var head = el('tr'); ['Строка', 'Столбец', 'Значение', 'Сообщение', 'Уровень'].forEach(function (t) { head.appendChild(el('th', t)); });
                        var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
                        var body = el('tbody');
                        v.findings.forEach(function (f) {
                          var row = el('tr');
                          [['Строка', f.row], ['Столбец', f.column], ['Значение', f.value], ['Сообщение', f.message], ['Уровень', f.severity]].forEach(function (c) {
                            var td = el('td', c[1] === undefined || c[1] === null ? '' : String(c[1])); td.dataset.label = c[0]; row.appendChild(td);
                          });
                          body.appendChild(row);
                        });
                        table.appendChild(body); box.appendChild(table);
                      }
                    });
                    results.prepend(box);
                  }
                  function send(file) {
                    fetch('/api/v1/schools/' + encodeURIComponent(code) + '/files?name=' + encodeURIComponent(file.name), {
                      method: 'POST', body: file, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf }
                    }).then(function (r) {
                      return r.json().then(function (j) { if (r.ok) show(file.name, j); else show(file.name, null, j.message || ("Ошибка " + r.status)); });
                    }).catch(function () { show(file.name, null, 'Файл не отправлен: нет связи с сервером.'); });
                  }
                  document.getElementById('files').addEventListener('change', function (e) { Array.prototype.forEach.call(e.target.files, send); });
                  var drop = document.getElementById('drop');
                  drop.addEventListener('dragover', function (e) { e.preventDefault(); });
                  drop.addEventListener('drop', function (e) { e.preventDefault(); Array.prototype.forEach.call(e.dataTransfer.files, send); });
                })();
                </script>

                """))

    static let districtTemplate = try! MustacheTemplate(
        string: PageStyle.document(
            title: "Наставничество — {{name}}",
            body: """
                <header><p class="meta">Целевая модель наставничества педагогических работников</p><h1>{{name}}</h1>
                <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Выйти</button></form>
                </header>
                <main>
                <section aria-labelledby="outputs">
                <h2 id="outputs">Сводка и книги последней ночи</h2>
                <ul id="outputs-list">{{#outputs}}<li><a href="{{href}}">{{text}}</a></li>{{/outputs}}</ul>
                </section>
                <section aria-labelledby="sent">
                <h2 id="sent">Прислано после последней ночи</h2>
                <table class="cards">
                <thead><tr><th scope="col">ОО</th><th scope="col">Файлы</th></tr></thead>
                <tbody>
                {{#schools}}
                <tr><td data-label="ОО">{{school}}</td><td data-label="Файлы">{{#files}}{{name}} ({{size}}){{#pending}}, ждёт окончания ночи{{/pending}}<br>{{/files}}{{#none}}—{{/none}}</td></tr>
                {{/schools}}
                </tbody>
                </table>
                </section>
                </main>

                """))
}
