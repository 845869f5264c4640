import Config
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Judgement
import Logging
import NIOCore
import NIOPosix
import Pages
import Pipeline
import Registry
import ServiceLifecycle

/// `nastavnik serve`: the curators' page and its JSON API beside the nightly job, on Hummingbird
/// (HTTP/1.1 on SwiftNIO). A curator signs in with the school's access code and drops a file; the
/// file is judged at once together with every file waiting in the inbox, as the night will judge
/// them (`InboxJudge`), and placed to wait for the night, or kept aside when it is rejected and
/// would replace a waiting file (`InboxDesk`). The level's office signs in to its overview and
/// workbooks.
///
///     GET  /                               sign-in (or one's own page)
///     POST /login, /logout                 a session by cookie; a CSRF token on every form
///     GET  /school, /district              the pages
///     POST /school/withdraw                withdraw a waiting file
///     GET  /school/receipts/:name, /school/public, /district/file/:name   downloads
///     GET  /static/curator.js, /static/curator.css
///     POST   /api/v1/schools/:code/files?name=…   the verdicts (validate's JSON); the file placed
///     GET    /api/v1/schools/:code/files          the school's files waiting for the night
///     DELETE /api/v1/schools/:code/files/:name    withdraw one
///
/// The API takes `Authorization: Bearer <access code>` or the page's session with its CSRF token
/// in `X-CSRF-Token`. What a client may cost is bounded by `ServerLimits` and `OpenConnections`.
public struct CuratorServer: Sendable {
    let configuration: Configuration
    let limits: ServerLimits
    let codes: CodeBook
    let desk: InboxDesk
    let registry: RegistryView
    let judge: InboxJudge
    let sessions = Sessions()
    let wrongCodes = WrongCodes()
    let audit: AuditJournal
    let logger: Logger
    /// Cookies marked `Secure` (behind TLS).
    let secureCookies: Bool
    /// The threads for what would hold up the ones that serve connections: scrypt, the judgement,
    /// the wait for the disk.
    let pool: NIOThreadPool

    public init(configuration: Configuration, limits: ServerLimits = ServerLimits(), logger: Logger, secureCookies: Bool = false) {
        self.configuration = configuration
        self.limits = limits
        pool = NIOThreadPool(numberOfThreads: max(4, 2 * System.coreCount))
        codes = CodeBook(codes: AccessCodes(state: configuration.state), pool: pool)
        desk = InboxDesk(inbox: configuration.inbox, state: configuration.state, maxBytes: configuration.settings.maxFileBytes, pool: pool)
        registry = RegistryView(path: configuration.database)
        judge = InboxJudge(configuration: configuration, desk: desk, registry: registry, pool: pool)
        audit = AuditJournal(state: configuration.state)
        self.logger = logger
        self.secureCookies = secureCookies
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests under way; `listening` is told
    /// the address once the socket listens.
    public func run(host: String, port: Int, listening: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(context: Context.self)
        routes(router)
        let connections = OpenConnections(capacity: limits.connectionCap())
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(connections: connections)], idleTimeout: .seconds(Int64(limits.idleSeconds)),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: limits.headerFieldBytes, maxHeaderListSize: limits.headerBytes, maxHeaderFieldCount: limits.headerFields
            ))
        let logger = self.logger
        let app = Application(
            router: router, server: .http1(configuration: http),
            configuration: .init(address: .hostname(host, port: port), backlog: 1024),
            services: [PendingUploads(desk: desk)],
            onServerRunning: { channel in
                logger.info("соединений не больше \(connections.capacity), простой до \(limits.idleSeconds) с")
                listening("http://\(host):\(channel.localAddress?.port ?? port)")
            }, logger: logger)
        pool.start()
        do {
            try await app.runService()
        } catch {
            try? await pool.shutdownGracefully()
            throw error
        }
        try await pool.shutdownGracefully()
    }

    /// A request's context: the connection it came on (its address).
    struct Context: RequestContext {
        var coreContext: CoreRequestContextStorage
        let channel: any Channel

        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            channel = source.channel
        }
    }

    func routes(_ router: Router<Context>) {
        router.get("/") { request, context in await self.home(request, context) }
        router.post("/login") { request, context in await self.login(request, context) }
        router.post("/logout") { request, context in await self.logout(request, context) }
        router.get("/school") { request, context in await self.schoolPage(request, context) }
        router.post("/school/withdraw") { request, context in await self.withdrawForm(request, context) }
        router.get("/school/receipts/:name") { request, context in await self.receipt(request, context) }
        router.get("/school/public") { request, context in await self.publicPage(request, context) }
        router.get("/district") { request, context in await self.districtPage(request, context) }
        router.get("/district/file/:name") { request, context in await self.districtFile(request, context) }
        router.post("/district/return") { request, context in await self.returnForm(request, context) }
        router.get("/static/curator.js") { _, _ in Reply.asset(CuratorAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/static/curator.css") { _, _ in Reply.asset(CuratorAssets.style, type: "text/css; charset=utf-8") }
        router.post("/api/v1/schools/:code/files") { request, context in await self.upload(request, context) }
        router.get("/api/v1/schools/:code/files") { request, context in await self.list(request, context) }
        router.delete("/api/v1/schools/:code/files/:name") { request, context in await self.withdraw(request, context) }
    }

    var own: String { configuration.level.ownFolder }

    // MARK: sign-in

    func home(_ request: Request, _ context: Context) async -> Response {
        if let session = await session(request) { return Reply.redirect(session.folder == own ? "/district" : "/school") }
        return signInPage(error: nil)
    }

    func signInPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = Sessions.random()
        var response = Reply.page(CuratorPages.signIn(title: configuration.settings.ownName, csrf: token, error: error), status: status)
        response.headers.append(HTTPField(name: .setCookie, value: cookie("nastavnik_login", token, maxAge: 3600)))
        return response
    }

    func login(_ request: Request, _ context: Context) async -> Response {
        let form: [String: String]
        switch await Reply.form(request, limit: limits.formBytes) {
        case .success(let fields): form = fields
        case .failure(let refused): return refused.response
        }
        let address = Self.address(request, context)
        guard let expected = Self.cookies(request)["nastavnik_login"], form["csrf"] == expected else {
            return signInPage(error: "Страница входа устарела — попробуйте ещё раз.", status: .forbidden)
        }
        let folder = (form["folder"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if let wait = await wrongCodes.refusal(address, folder: folder) {
            logger.warning("вход: отказ «\(folder)» с \(address) — слишком много неверных кодов")
            return signInPage(error: Self.tooMany(wait), status: .tooManyRequests)
        }
        let known = folder == own || configuration.units.unit(folder) != nil
        guard known, await codes.check(folder, code: form["code"] ?? ""), let stamp = codes.stamp(folder) else {
            await refuse(address: address, folder: folder, what: "вход")
            return signInPage(error: "Неверный код ОО или код доступа.", status: .unauthorized)
        }
        await wrongCodes.succeeded(address, folder: folder)
        let (token, _) = await sessions.open(folder, code: stamp)
        var response = Reply.redirect(folder == own ? "/district" : "/school")
        response.headers.append(HTTPField(name: .setCookie, value: cookie("nastavnik_session", token, maxAge: Int(Sessions.idle))))
        logger.info("вход: «\(folder)» с \(address)")
        return response
    }

    /// Signing out ends the session on the server, with or without the form's token (a cookie
    /// that is SameSite=Strict cannot be sent by another site's form).
    func logout(_ request: Request, _ context: Context) async -> Response {
        _ = await Reply.form(request, limit: limits.formBytes)
        await sessions.close(Self.cookies(request)["nastavnik_session"])
        var response = Reply.redirect("/")
        response.headers.append(HTTPField(name: .setCookie, value: cookie("nastavnik_session", "", maxAge: 0)))
        return response
    }

    /// A wrong code: counted, logged (never the code), and answered late.
    func refuse(address: String, folder: String, what: String) async {
        let delay = await wrongCodes.failed(address, folder: folder)
        logger.warning("\(what): неверный код для «\(folder)» с \(address)")
        try? await Task.sleep(for: .seconds(delay))
    }

    static func tooMany(_ wait: TimeInterval) -> String {
        "Слишком много неверных кодов. Повторите через \(Int(wait / 60) + 1) мин."
    }

    // MARK: pages

    func schoolPage(_ request: Request, _ context: Context) async -> Response {
        guard let session = await session(request), session.folder != own, let unit = configuration.units.unit(session.folder) else {
            return Reply.redirect("/")
        }
        let folder = session.folder
        let receipts = Self.listing(receiptsFolder(folder)).filter {
            $0.hasPrefix(OutputPlace.receiptPrefix) && $0.hasSuffix(".xlsx")
        }
        let waiting = await waitingWithVerdicts(folder)
        let kept = desk.kept(folder, since: registry.lastRunStarted(), besides: desk.waiting(folder)).map { kept in
            CuratorPages.Kept(name: kept.name, time: Self.shown(kept.time), verdicts: kept.verdicts.map(Self.verdict))
        }
        var page = CuratorPages.School(
            name: "\(unit.name) (\(folder))", code: folder, csrf: session.csrf, waiting: waiting, kept: kept,
            receipts: receipts.sorted().reversed().map { CuratorPages.Link(text: $0, href: "/school/receipts/\($0)") },
            publicPage: FileManager.default.fileExists(atPath: OutputPlace.schoolPage(outbox: configuration.outbox, school: folder))
                ? "/school/public" : nil,
            nightRunning: desk.nightRunning())
        if configuration.level != .district {
            page.sendsPackage = true
            page.packages = heldPackages(folder)
        }
        return Reply.page(CuratorPages.school(page))
    }

    /// Above a district: a unit's current packages, as this level holds them.
    func heldPackages(_ folder: String) -> [CuratorPages.HeldPackage] {
        (registry.currentPackages()[folder] ?? []).map { record in
            let returned = record.returnedOn.map { "возвращён \($0.russian): \(record.returnReason ?? "")" }
            return CuratorPages.HeldPackage(
                period: record.period, state: returned ?? "принят \(record.received.russian)", returned: record.returnedOn != nil)
        }
    }

    /// A folder's waiting files, each with the verdicts the night would give it now.
    func waitingWithVerdicts(_ folder: String) async -> [CuratorPages.Waiting] {
        let judged = try? await judge.waitingVerdicts()
        return desk.waiting(folder).map { file in
            let verdicts = (judged?.judgements ?? []).filter { $0.submission.folder == folder && $0.submission.name == file.name }
            return CuratorPages.Waiting(
                name: file.name, size: Self.size(file.size), pending: file.pending, verdicts: verdicts.map { Self.verdict(JudgedFile($0)) })
        }
    }

    func districtPage(_ request: Request, _ context: Context) async -> Response {
        guard let session = await session(request), session.folder == own else { return Reply.redirect("/") }
        let outputs = Self.listing(configuration.outbox).filter(Self.isDistrictOutput).sorted().map { name in
            CuratorPages.Link(text: name == "index.html" ? "Сводка района (index.html)" : name, href: "/district/file/\(name)")
        }
        let above = configuration.level != .district
        var units: [CuratorPages.Unit] = []
        for unit in configuration.units.units {
            units.append(
                CuratorPages.Unit(
                    name: "\(unit.name) (\(unit.code))", code: unit.code, waiting: await waitingWithVerdicts(unit.code),
                    packages: above ? heldPackages(unit.code) : []))
        }
        return Reply.page(
            CuratorPages.district(name: configuration.settings.ownName, csrf: session.csrf, outputs: outputs, units: units, returns: above))
    }

    /// Above a district: a unit's package returned with a reason, until a new one comes (what
    /// `nastavnik region return` does); the unit's page and its next receipt say so.
    func returnForm(_ request: Request, _ context: Context) async -> Response {
        guard case .success(let form) = await Reply.form(request, limit: limits.formBytes),
            let session = await session(request), session.folder == own, form["csrf"] == session.csrf
        else {
            return Reply.text("Сессия устарела — войдите снова.", status: .forbidden)
        }
        let folder = form["folder"] ?? ""
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard configuration.level != .district, configuration.units.unit(folder) != nil,
            let period = form["period"].flatMap(ReportingPeriod.init), !reason.isEmpty
        else {
            return Reply.text("Укажите пакет и причину возврата.", status: .badRequest)
        }
        do {
            guard try PackageReturn.returnPackage(configuration: configuration, folder: folder, period: period, on: .today, reason: reason)
            else { return Reply.text("Пакета \(folder) за \(period) нет — возвращать нечего.", status: .notFound) }
        } catch {
            logger.error("возврат пакета \(folder) за \(period) не записан: \(error)")
            return Reply.text("Возврат не записан: \(error)", status: .internalServerError)
        }
        await record("return", folder: folder, file: "пакет за \(period)", verdict: reason, request, context)
        return Reply.redirect("/district")
    }

    /// Where a unit's receipts are.
    func receiptsFolder(_ folder: String) -> String {
        OutputPlace.receipts(outbox: configuration.outbox, folder: folder, units: configuration.units.kind)
    }

    static func isDistrictOutput(_ name: String) -> Bool {
        name == "index.html" || ((name.hasSuffix(".xlsx") || name.hasSuffix(".docx")) && !name.hasPrefix("."))
    }

    func withdrawForm(_ request: Request, _ context: Context) async -> Response {
        guard case .success(let form) = await Reply.form(request, limit: limits.formBytes),
            let session = await session(request), session.folder != own, form["csrf"] == session.csrf
        else {
            return Reply.text("Сессия устарела — войдите снова.", status: .forbidden)
        }
        let name = form["name"] ?? ""
        do {
            try desk.withdraw(session.folder, name: name)
        } catch {
            return Reply.text(Self.message(error), status: Self.status(error))
        }
        await record("withdraw", folder: session.folder, file: name, request, context)
        return Reply.redirect("/school")
    }

    func receipt(_ request: Request, _ context: Context) async -> Response {
        guard let session = await session(request), session.folder != own else { return Reply.redirect("/") }
        let name = Self.parameter(context, "name")
        let folder = receiptsFolder(session.folder)
        guard name.hasSuffix(".xlsx"), Self.listing(folder).contains(name) else {
            return Reply.text("Нет такой квитанции.", status: .notFound)
        }
        return Reply.file(folder + "/" + name, type: Reply.xlsx, download: name)
    }

    func publicPage(_ request: Request, _ context: Context) async -> Response {
        guard let session = await session(request), session.folder != own else { return Reply.redirect("/") }
        return Reply.file(
            OutputPlace.schoolPage(outbox: configuration.outbox, school: session.folder), type: "text/html; charset=utf-8", download: nil)
    }

    func districtFile(_ request: Request, _ context: Context) async -> Response {
        guard let session = await session(request), session.folder == own else { return Reply.redirect("/") }
        let name = Self.parameter(context, "name")
        guard Self.isDistrictOutput(name), Self.listing(configuration.outbox).contains(name) else {
            return Reply.text("Нет такого файла.", status: .notFound)
        }
        let type =
            name.hasSuffix(".html")
            ? "text/html; charset=utf-8"
            : name.hasSuffix(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : Reply.xlsx
        return Reply.file(configuration.outbox + "/" + name, type: type, download: name.hasSuffix(".html") ? nil : name)
    }

    // MARK: the API

    /// The folder a request may act for: the path's, with its access code or a session of it (and,
    /// for a change, the session's CSRF token).
    func authorize(_ request: Request, _ context: Context, changes: Bool) async -> Result<String, Reply.Refusal> {
        let folder = Self.parameter(context, "code")
        guard configuration.units.unit(folder) != nil else { return .failure(.init(.notFound, "Нет такой ОО: «\(folder)».")) }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let address = Self.address(request, context)
            if let wait = await wrongCodes.refusal(address, folder: folder) {
                logger.warning("API: отказ «\(folder)» с \(address) — слишком много неверных кодов")
                return .failure(.init(.tooManyRequests, Self.tooMany(wait)))
            }
            let code = String(header.dropFirst("Bearer ".count))
            if await codes.check(folder, code: code) {
                await wrongCodes.succeeded(address, folder: folder)
                return .success(folder)
            }
            // Another school's code opens nothing here (403); no one's is a wrong code (401).
            if let owner = await codes.owner(of: code) {
                return .failure(.init(.forbidden, "Этот код открывает только папку «\(owner)»."))
            }
            await refuse(address: address, folder: folder, what: "API")
            return .failure(.init(.unauthorized, "Неверный код доступа."))
        }
        guard let session = await session(request) else {
            return .failure(.init(.unauthorized, "Нужен код доступа (заголовок Authorization: Bearer …) или вход на странице."))
        }
        guard session.folder == folder else {
            return .failure(.init(.forbidden, "Этот вход открывает только папку «\(session.folder)»."))
        }
        if changes && request.headers[HTTPField.Name("X-CSRF-Token")!] != session.csrf {
            return .failure(.init(.forbidden, "Нет маркера формы (X-CSRF-Token): обновите страницу."))
        }
        return .success(folder)
    }

    func upload(_ request: Request, _ context: Context) async -> Response {
        let folder: String
        switch await authorize(request, context, changes: true) {
        case .success(let allowed): folder = allowed
        case .failure(let refusal): return refusal.response
        }
        let name: String
        switch UploadName.check(request.uri.queryParameters["name"].map(String.init) ?? "") {
        case .success(let checked): name = checked
        case .failure(let refused): return Reply.Refusal(.badRequest, refused.message, close: true).response
        }
        desk.settle()
        let received: InboxDesk.Received
        do {
            received = try await desk.receive(
                folder, declaredLength: request.headers[.contentLength].flatMap { Int($0) }, body: request.body)
        } catch {
            if case .cut(let got, let expected) = error as? InboxDesk.Failure {
                logger.warning("загрузка \(folder)/\(name) оборвалась: \(got) из \(expected.map(String.init) ?? "?") байт")
            }
            return Reply.Refusal(Self.status(error), Self.message(error), close: true).response
        }
        let verdicts: [FileJudgement]
        do {
            verdicts = try await judge.judge(upload: Rehearsal.File(path: received.path, folder: folder, name: name))
        } catch {
            desk.discard(received)
            logger.error("загрузка \(folder)/\(name) не проверена: \(error)")
            return Reply.json(["message": "\(error)"], status: .internalServerError)
        }
        let taken = !verdicts.isEmpty && verdicts.allSatisfy { $0.verdict != .rejected }
        let judged = verdicts.map(JudgedFile.init)
        let placement: InboxDesk.Placement
        do {
            placement = try desk.place(received, folder: folder, name: name, taken: taken)
            if placement == .kept {
                try desk.keep(
                    received, folder: folder,
                    kept: .init(name: name, time: Timestamp.text(Date()), size: received.size, sha256: received.sha256, verdicts: judged))
            }
        } catch {
            desk.discard(received)
            return Reply.json(["message": Self.message(error)], status: Self.status(error))
        }
        let verdict = verdicts.map(\.verdict.rawValue).joined(separator: ", ")
        await record(
            "upload", folder: folder, file: name, size: received.size, sha256: received.sha256, verdict: verdict,
            placed: placement.rawValue, request, context)
        var response = Reply.json(judged, status: .ok)
        response.headers[HTTPField.Name("X-Nastavnik-Placed")!] = placement.rawValue
        return response
    }

    func list(_ request: Request, _ context: Context) async -> Response {
        switch await authorize(request, context, changes: false) {
        case .success(let folder):
            desk.settle()
            return Reply.json(await waitingWithVerdicts(folder).map(WaitingJSON.init), status: .ok)
        case .failure(let refusal):
            return refusal.response
        }
    }

    /// A waiting file as the API lists it.
    struct WaitingJSON: Encodable {
        let name: String
        let size: String
        let pending: Bool
        let verdicts: [String]

        init(_ waiting: CuratorPages.Waiting) {
            name = waiting.name
            size = waiting.size
            pending = waiting.pending
            verdicts = waiting.verdicts.map(\.verdict)
        }
    }

    func withdraw(_ request: Request, _ context: Context) async -> Response {
        let folder: String
        switch await authorize(request, context, changes: true) {
        case .success(let allowed): folder = allowed
        case .failure(let refusal): return refusal.response
        }
        let name = Self.parameter(context, "name").precomposedStringWithCanonicalMapping
        do {
            try desk.withdraw(folder, name: name)
        } catch {
            return Reply.json(["message": Self.message(error)], status: Self.status(error))
        }
        await record("withdraw", folder: folder, file: name, request, context)
        return Reply.json(["message": "Файл «\(name)» отозван."], status: .ok)
    }

    // MARK: pieces

    /// The request's session, while its code stands.
    func session(_ request: Request) async -> Sessions.Session? {
        let codes = self.codes
        return await sessions.session(Self.cookies(request)["nastavnik_session"], current: { codes.stamp($0) })
    }

    func record(
        _ action: String, folder: String, file: String, size: Int? = nil, sha256: String? = nil, verdict: String? = nil,
        placed: String? = nil, _ request: Request, _ context: Context
    ) async {
        let address = Self.address(request, context)
        let failure = await audit.append(
            AuditJournal.Line(
                time: Timestamp.text(Date()), action: action, school: folder, file: file, size: size, sha256: sha256,
                address: address, verdict: verdict, placed: placed))
        if let failure { logger.error("журнал загрузок не записан: \(failure)") }
        logger.info("\(action): \(folder)/\(file) с \(address)\(verdict.map { " — \($0)" } ?? "")")
    }

    /// The client: the proxy's `X-Forwarded-For` only when the request came from this machine.
    static func address(_ request: Request, _ context: Context) -> String {
        let peer = context.channel.remoteAddress?.ipAddress ?? "?"
        guard peer == "127.0.0.1" || peer == "::1", let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] else { return peer }
        return forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? peer
    }

    static func parameter(_ context: Context, _ name: String) -> String {
        let value = context.parameters.get(name) ?? ""
        return value.removingPercentEncoding ?? value
    }

    static func cookies(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { out[pair[0]] = pair[1] }
            }
        }
        return out
    }

    static func listing(_ folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] }

    static func size(_ bytes: Int64) -> String {
        bytes < 1024 ? "\(bytes) Б" : bytes < 1 << 20 ? "\(bytes / 1024) КБ" : RussianNumbers.decimal(Double(bytes) / 1_048_576) + " МБ"
    }

    /// `2026-12-06T18:30:00Z` as «06.12.2026 18:30 (UTC)».
    static func shown(_ time: String) -> String {
        let digits = Array(time)
        guard digits.count >= 16 else { return time }
        return "\(String(digits[8..<10])).\(String(digits[5..<7])).\(String(digits[0..<4])) \(String(digits[11..<16])) (UTC)"
    }

    static func verdict(_ file: JudgedFile) -> CuratorPages.Verdict {
        CuratorPages.Verdict(
            label: file.label, verdict: file.verdict, errors: file.errors, warnings: file.warnings, findings: file.findings ?? [],
            reliedOn: file.reliedOn ?? [], reliedOnOtherSchools: file.reliedOnOtherSchools ?? 0)
    }

    static func message(_ error: any Error) -> String {
        switch error as? InboxDesk.Failure {
        case .tooLarge(let limit): "Файл больше \(limit / 1_048_576) МБ — такой не принимается."
        case .cut(let received, let expected):
            "Файл пришёл не целиком (получено \(received) байт\(expected.map { " из \($0)" } ?? "")): связь прервалась. Ничего не сохранено — отправьте файл ещё раз."
        case .nightRunning: "Сейчас идёт ночная обработка — отозвать файл можно после её окончания."
        case .notFound: "Такого файла среди ожидающих нет (возможно, ночь его уже приняла)."
        case .io(let reason): "Файл не сохранён: \(reason)."
        case nil: "\(error)"
        }
    }

    static func status(_ error: any Error) -> HTTPResponse.Status {
        switch error as? InboxDesk.Failure {
        case .tooLarge: .contentTooLarge
        case .cut: .badRequest
        case .nightRunning: .conflict
        case .notFound: .notFound
        case .io, nil: .internalServerError
        }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }
}

/// Uploads that waited for the night, put in their places every fifteen seconds once it is over.
struct PendingUploads: Service {
    let desk: InboxDesk

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                desk.settle()
                try await Task.sleep(for: .seconds(15))
            }
        }
    }
}
