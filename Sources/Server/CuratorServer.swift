import Config
import Domain
import FlyingFox
import FlyingSocks
import Foundation
import Judgement
import Logging
import Pages
import Pipeline

/// `nastavnik serve`: the curators' page and its JSON API beside the nightly job. A curator signs
/// in with the school's access code, drops a file, and sees at once what the night will say of it
/// (`SelfCheck`, the judgement of `validate`), while the file waits in `inbox/<code>/` for the
/// night (`Uploads`). The district office signs in to its overview and workbooks.
///
///     GET  /                               sign-in (or one's own page)
///     POST /login, /logout                 a session by cookie; a CSRF token on every form
///     GET  /school, /district              the pages
///     POST /school/withdraw                withdraw a waiting file
///     GET  /school/receipts/:name, /school/public, /district/file/:name   downloads
///     POST   /api/v1/schools/:code/files?name=…   the verdicts (validate's JSON); the file placed
///     GET    /api/v1/schools/:code/files          the school's files waiting for the night
///     DELETE /api/v1/schools/:code/files/:name    withdraw one
///
/// The API takes `Authorization: Bearer <access code>` or the page's session with its CSRF token
/// in `X-CSRF-Token`.
public struct CuratorServer: Sendable {
    let configuration: Configuration
    let codes: AccessCodes
    let uploads: Uploads
    let sessions = Sessions()
    let throttle = Throttle()
    let audit: AuditJournal
    let logger: Logger
    /// Cookies marked `Secure` (behind TLS: set `--secure-cookies`, or a proxy's `X-Forwarded-Proto: https`).
    let secureCookies: Bool

    public init(configuration: Configuration, logger: Logger, secureCookies: Bool = false) {
        self.configuration = configuration
        codes = AccessCodes(state: configuration.state)
        uploads = Uploads(inbox: configuration.inbox, state: configuration.state, maxBytes: configuration.settings.maxFileBytes)
        audit = AuditJournal(state: configuration.state)
        self.logger = logger
        self.secureCookies = secureCookies
    }

    /// Serves until cancelled; `listening` is told the address once the socket listens.
    public func run(host: String, port: UInt16, listening: @escaping @Sendable (String) -> Void) async throws {
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: host, port: port), timeout: 60, logger: ServerLog(logger: logger))
        await routes(server)
        let settle = Task {
            while !Task.isCancelled {
                uploads.settle()
                try? await Task.sleep(for: .seconds(15))
            }
        }
        defer { settle.cancel() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if case .ip4(let ip, let port) = await server.listeningAddress { listening("http://\(ip):\(port)") }
            }
            try await group.next()
            try await group.next()
        }
    }

    func routes(_ server: HTTPServer) async {
        await server.appendRoute("GET /") { request in await self.home(request) }
        await server.appendRoute("POST /login") { request in await self.login(request) }
        await server.appendRoute("POST /logout") { request in await self.logout(request) }
        await server.appendRoute("GET /school") { request in await self.schoolPage(request) }
        await server.appendRoute("POST /school/withdraw") { request in await self.withdrawForm(request) }
        await server.appendRoute("GET /school/receipts/:name") { request in await self.receipt(request) }
        await server.appendRoute("GET /school/public") { request in await self.publicPage(request) }
        await server.appendRoute("GET /district") { request in await self.districtPage(request) }
        await server.appendRoute("GET /district/file/*") { request in await self.districtFile(request) }
        await server.appendRoute("POST /api/v1/schools/:code/files") { request in await self.upload(request) }
        await server.appendRoute("GET /api/v1/schools/:code/files") { request in await self.list(request) }
        await server.appendRoute("DELETE /api/v1/schools/:code/files/:name") { request in await self.withdraw(request) }
    }

    // MARK: sign-in

    func home(_ request: HTTPRequest) async -> HTTPResponse {
        if let session = await session(request) { return redirect(session.folder == own ? "/district" : "/school") }
        return signInPage(error: nil)
    }

    var own: String { configuration.level.ownFolder }

    func signInPage(error: String?, status: HTTPStatusCode = .ok) -> HTTPResponse {
        let token = Sessions.random()
        var response = html(CuratorPages.signIn(title: configuration.settings.ownName, csrf: token, error: error), status: status)
        response.headers.addValue(cookie("nastavnik_login", token, maxAge: 3600), for: .setCookie)
        return response
    }

    func login(_ request: HTTPRequest) async -> HTTPResponse {
        let form = await Self.form(request)
        let address = Self.address(request)
        guard let expected = Self.cookies(request)["nastavnik_login"], form["csrf"] == expected else {
            return signInPage(error: "Страница входа устарела — попробуйте ещё раз.", status: .forbidden)
        }
        if let wait = await throttle.refusal(address) {
            return signInPage(error: "Слишком много неверных попыток. Повторите через \(Int(wait / 60) + 1) мин.", status: .tooManyRequests)
        }
        let folder = (form["folder"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard folder == own || configuration.units.unit(folder) != nil, codes.verify(folder, code: form["code"] ?? "") else {
            let delay = await throttle.failed(address)
            try? await Task.sleep(for: .seconds(delay))
            logger.warning("вход: неверный код для «\(folder)» с \(address)")
            return signInPage(error: "Неверный код ОО или код доступа.", status: .unauthorized)
        }
        await throttle.succeeded(address)
        let (token, _) = await sessions.open(folder)
        var response = redirect(folder == own ? "/district" : "/school")
        response.headers.addValue(cookie("nastavnik_session", token, maxAge: Int(Sessions.idle)), for: .setCookie)
        logger.info("вход: «\(folder)» с \(address)")
        return response
    }

    func logout(_ request: HTTPRequest) async -> HTTPResponse {
        let form = await Self.form(request)
        if let session = await session(request), form["csrf"] == session.csrf {
            await sessions.close(Self.cookies(request)["nastavnik_session"])
        }
        var response = redirect("/")
        response.headers.addValue(cookie("nastavnik_session", "", maxAge: 0), for: .setCookie)
        return response
    }

    // MARK: pages

    func schoolPage(_ request: HTTPRequest) async -> HTTPResponse {
        guard let session = await session(request), session.folder != own, let unit = configuration.units.unit(session.folder) else {
            return redirect("/")
        }
        let folder = session.folder
        let receipts = Self.listing(configuration.outbox + "/schools/" + folder).filter {
            $0.hasPrefix("receipt-") && $0.hasSuffix(".xlsx")
        }
        let hasPage = FileManager.default.fileExists(atPath: configuration.outbox + "/public/\(folder)/index.html")
        return html(
            CuratorPages.school(
                name: "\(unit.name) (\(folder))", code: folder, csrf: session.csrf,
                waiting: uploads.waiting(folder).map { CuratorPages.Waiting(name: $0.name, size: Self.size($0.size), pending: $0.pending) },
                receipts: receipts.sorted().reversed().map { CuratorPages.Link(text: $0, href: "/school/receipts/\($0)") },
                publicPage: hasPage ? "/school/public" : nil, nightRunning: uploads.nightRunning()))
    }

    func districtPage(_ request: HTTPRequest) async -> HTTPResponse {
        guard let session = await session(request), session.folder == own else { return redirect("/") }
        let outputs = Self.listing(configuration.outbox).filter(Self.isDistrictOutput).sorted().map { name in
            CuratorPages.Link(text: name == "index.html" ? "Сводка района (index.html)" : name, href: "/district/file/\(name)")
        }
        let schools = configuration.units.units.map { unit in
            (
                school: "\(unit.name) (\(unit.code))",
                files: uploads.waiting(unit.code).map { CuratorPages.Waiting(name: $0.name, size: Self.size($0.size), pending: $0.pending) }
            )
        }
        return html(CuratorPages.district(name: configuration.settings.ownName, csrf: session.csrf, outputs: outputs, schools: schools))
    }

    static func isDistrictOutput(_ name: String) -> Bool {
        name == "index.html" || ((name.hasSuffix(".xlsx") || name.hasSuffix(".docx")) && !name.hasPrefix("."))
    }

    func withdrawForm(_ request: HTTPRequest) async -> HTTPResponse {
        let form = await Self.form(request)
        guard let session = await session(request), session.folder != own, form["csrf"] == session.csrf else {
            return plain("Сессия устарела — войдите снова.", status: .forbidden)
        }
        let name = form["name"] ?? ""
        do {
            try uploads.withdraw(session.folder, name: name)
            await record("withdraw", folder: session.folder, file: name, size: nil, sha256: nil, request: request, verdict: nil)
        } catch {
            return plain(Self.message(error), status: Self.status(error))
        }
        return redirect("/school")
    }

    func receipt(_ request: HTTPRequest) async -> HTTPResponse {
        guard let session = await session(request), session.folder != own else { return redirect("/") }
        let name = Self.parameter(request, "name")
        let folder = configuration.outbox + "/schools/" + session.folder
        guard Self.listing(folder).contains(name), name.hasSuffix(".xlsx") else { return plain("Нет такой квитанции.", status: .notFound) }
        return file(folder + "/" + name, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download: name)
    }

    func publicPage(_ request: HTTPRequest) async -> HTTPResponse {
        guard let session = await session(request), session.folder != own else { return redirect("/") }
        return file(configuration.outbox + "/public/\(session.folder)/index.html", type: "text/html; charset=utf-8", download: nil)
    }

    func districtFile(_ request: HTTPRequest) async -> HTTPResponse {
        guard let session = await session(request), session.folder == own else { return redirect("/") }
        let name = (request.path.split(separator: "/").last.map(String.init) ?? "").removingPercentEncoding ?? ""
        guard Self.isDistrictOutput(name), Self.listing(configuration.outbox).contains(name) else {
            return plain("Нет такого файла.", status: .notFound)
        }
        let type =
            name.hasSuffix(".html")
            ? "text/html; charset=utf-8"
            : name.hasSuffix(".docx")
                ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return file(configuration.outbox + "/" + name, type: type, download: name.hasSuffix(".html") ? nil : name)
    }

    // MARK: the API

    /// The folder a request may act for: the path's, with its access code or a session of it (and,
    /// for a change, the session's CSRF token).
    func authorize(_ request: HTTPRequest, changes: Bool) async -> Result<String, Refusal> {
        let folder = Self.parameter(request, "code")
        guard configuration.units.unit(folder) != nil else { return .failure(Refusal(.notFound, "Нет такой ОО: «\(folder)».")) }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let address = Self.address(request)
            if let wait = await throttle.refusal(address) {
                return .failure(Refusal(.tooManyRequests, "Слишком много неверных кодов: повторите через \(Int(wait / 60) + 1) мин."))
            }
            // Whose code it is: another school's opens nothing here (403), no one's is a wrong code (401).
            guard let owner = codes.owner(of: String(header.dropFirst("Bearer ".count))) else {
                try? await Task.sleep(for: .seconds(await throttle.failed(address)))
                return .failure(Refusal(.unauthorized, "Неверный код доступа."))
            }
            await throttle.succeeded(address)
            guard owner == folder else { return .failure(Refusal(.forbidden, "Этот код открывает только папку «\(owner)».")) }
            return .success(folder)
        }
        guard let session = await session(request) else {
            return .failure(Refusal(.unauthorized, "Нужен код доступа (заголовок Authorization: Bearer …) или вход на странице."))
        }
        guard session.folder == folder else {
            return .failure(Refusal(.forbidden, "Этот вход открывает только папку «\(session.folder)»."))
        }
        if changes && request.headers[HTTPHeader("X-CSRF-Token")] != session.csrf {
            return .failure(Refusal(.forbidden, "Нет маркера формы (X-CSRF-Token): обновите страницу."))
        }
        return .success(folder)
    }

    struct Refusal: Error {
        var status: HTTPStatusCode
        var message: String
        init(_ status: HTTPStatusCode, _ message: String) {
            self.status = status
            self.message = message
        }
    }

    func upload(_ request: HTTPRequest) async -> HTTPResponse {
        let folder: String
        switch await authorize(request, changes: true) {
        case .success(let allowed): folder = allowed
        case .failure(let refusal): return json(["message": refusal.message], status: refusal.status)
        }
        uploads.settle()
        guard let name = Uploads.safeName(request.query["name"] ?? "") else {
            return json(["message": "Нет имени файла (?name=…) или от него ничего не осталось."], status: .badRequest)
        }
        let declared = request.headers[.contentLength].flatMap(Int.init)
        let temporary: String
        do {
            temporary = try await uploads.receive(folder, declaredLength: declared, body: request.bodySequence)
        } catch {
            return json(["message": Self.message(error)], status: Self.status(error))
        }
        let judged: JudgedPass
        do throws(SelfCheck.Failure) {
            judged = try SelfCheck.judge(
                [SelfCheck.File(path: temporary, folder: folder, name: name)], configuration: configuration, asOf: CivilDate.today)
        } catch {
            unlink(temporary)
            return json(["message": "\(error)"], status: .internalServerError)
        }
        let sha = AuditJournal.sha256(temporary)
        let placed: Uploads.Waiting
        do {
            placed = try uploads.place(temporary, folder: folder, name: name)
        } catch {
            return json(["message": Self.message(error)], status: Self.status(error))
        }
        let verdict = judged.judgements.map(\.verdict.rawValue).joined(separator: ", ")
        await record("upload", folder: folder, file: name, size: placed.size, sha256: sha, request: request, verdict: verdict)
        var response = HTTPResponse(
            statusCode: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: SelfCheck.json(judged.judgements))
        response.headers[HTTPHeader("X-Nastavnik-Placed")] = placed.pending ? "pending" : "inbox"
        return response
    }

    func list(_ request: HTTPRequest) async -> HTTPResponse {
        uploads.settle()
        switch await authorize(request, changes: false) {
        case .success(let folder): return json(uploads.waiting(folder), status: .ok)
        case .failure(let refusal): return json(["message": refusal.message], status: refusal.status)
        }
    }

    func withdraw(_ request: HTTPRequest) async -> HTTPResponse {
        let folder: String
        switch await authorize(request, changes: true) {
        case .success(let allowed): folder = allowed
        case .failure(let refusal): return json(["message": refusal.message], status: refusal.status)
        }
        let name = Self.parameter(request, "name")
        do {
            try uploads.withdraw(folder, name: name)
        } catch {
            return json(["message": Self.message(error)], status: Self.status(error))
        }
        await record("withdraw", folder: folder, file: name, size: nil, sha256: nil, request: request, verdict: nil)
        return json(["message": "Файл «\(name)» отозван."], status: .ok)
    }

    // MARK: pieces

    func session(_ request: HTTPRequest) async -> Sessions.Session? {
        await sessions.session(Self.cookies(request)["nastavnik_session"])
    }

    func record(
        _ action: String, folder: String, file: String, size: Int64?, sha256: String?, request: HTTPRequest, verdict: String?
    ) async {
        let time = ISO8601DateFormatter().string(from: Date())
        let failure = await audit.append(
            AuditJournal.Line(
                time: time, action: action, school: folder, file: file, size: size, sha256: sha256, address: Self.address(request),
                verdict: verdict))
        if let failure { logger.error("журнал загрузок не записан: \(failure)") }
        logger.info("\(action): \(folder)/\(file) с \(Self.address(request))")
    }

    /// The client: the proxy's `X-Forwarded-For` only when the request came from this machine.
    static func address(_ request: HTTPRequest) -> String {
        switch request.remoteAddress {
        case .ip4(let ip, _) where ip == "127.0.0.1": request.remoteIPAddress ?? ip
        case .ip4(let ip, _), .ip6(let ip, _): ip
        default: "?"
        }
    }

    static func parameter(_ request: HTTPRequest, _ name: String) -> String {
        let value = request.routeParameters[name] ?? ""
        return value.removingPercentEncoding ?? value
    }

    static func cookies(_ request: HTTPRequest) -> [String: String] {
        var out: [String: String] = [:]
        for part in (request.headers[.cookie] ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { out[pair[0]] = pair[1] }
        }
        return out
    }

    static func form(_ request: HTTPRequest) async -> [String: String] {
        guard let data = try? await request.bodyData, data.count < 1 << 16 else { return [:] }
        var out: [String: String] = [:]
        for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if parts.count == 2 { out[parts[0]] = parts[1] } else if parts.count == 1 { out[parts[0]] = "" }
        }
        return out
    }

    static func listing(_ folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] }

    static func size(_ bytes: Int64) -> String {
        bytes < 1024 ? "\(bytes) Б" : bytes < 1 << 20 ? "\(bytes / 1024) КБ" : RussianNumbers.decimal(Double(bytes) / 1_048_576) + " МБ"
    }

    static func message(_ error: any Error) -> String {
        switch error as? Uploads.Failure {
        case .badName: "Недопустимое имя файла."
        case .tooLarge(let limit): "Файл больше \(limit / 1_048_576) МБ — такой не принимается."
        case .nightRunning: "Сейчас идёт ночная обработка — отозвать файл можно после её окончания."
        case .notFound: "Такого файла среди ожидающих нет (возможно, ночь его уже приняла)."
        case .io(let reason): "Файл не сохранён: \(reason)."
        case nil: "\(error)"
        }
    }

    static func status(_ error: any Error) -> HTTPStatusCode {
        switch error as? Uploads.Failure {
        case .badName: .badRequest
        case .tooLarge: .payloadTooLarge
        case .nightRunning: .conflict
        case .notFound: .notFound
        case .io, nil: .internalServerError
        }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
    }

    func html(_ page: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            headers: [
                .contentType: "text/html; charset=utf-8", HTTPHeader("X-Frame-Options"): "DENY",
                HTTPHeader("Content-Security-Policy"): "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'",
                .cacheControl: "no-store",
            ], body: Data(page.utf8))
    }

    func plain(_ text: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    func json(_ value: some Encodable, status: HTTPStatusCode) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return HTTPResponse(
            statusCode: status, headers: [.contentType: "application/json; charset=utf-8"], body: (try? encoder.encode(value)) ?? Data())
    }

    func redirect(_ location: String) -> HTTPResponse {
        let headers: HTTPHeaders = [.location: location]
        return HTTPResponse(statusCode: .seeOther, headers: headers)
    }

    func file(_ path: String, type: String, download: String?) -> HTTPResponse {
        guard let data = FileManager.default.contents(atPath: path) else { return plain("Файла нет.", status: .notFound) }
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if let download {
            let encoded = download.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }
}

/// FlyingFox's log lines into the program's log (warnings and worse).
struct ServerLog: FlyingSocks.Logging {
    let logger: Logger
    func logDebug(_ debug: @autoclosure () -> String) {}
    func logInfo(_ info: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) { logger.warning("\(warning())") }
    func logError(_ error: @autoclosure () -> String) { logger.error("\(error())") }
    func logCritical(_ critical: @autoclosure () -> String) { logger.critical("\(critical())") }
}
