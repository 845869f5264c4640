import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The server's answers: pages with their security headers, text, JSON, redirects, downloads;
/// and a form's body, read only up to its limit.
enum Reply {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// Scripts only from the server itself (no inline script), no framing, nothing cached.
    static let pageHeaders: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        .cacheControl: "no-store",
    ]

    /// A refusal with its status and Russian message, as JSON; `close`: the connection is closed
    /// after it (a body not read to its end is not read at all).
    struct Refusal: Error {
        var status: HTTPResponse.Status
        var message: String
        var close = false

        init(_ status: HTTPResponse.Status, _ message: String, close: Bool = false) {
            self.status = status
            self.message = message
            self.close = close
        }

        var response: Response {
            var response = Reply.json(["message": message], status: status)
            if close { response.headers[.connection] = "close" }
            return response
        }
    }

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: pageHeaders, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func file(_ path: String, type: String, download: String?) -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { return text("Файла нет.", status: .notFound) }
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", HTTPField.Name("X-Content-Type-Options")!: "nosniff"]
        if type.hasPrefix("text/html") { headers = pageHeaders }
        if let download {
            let encoded = download.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A form's fields (`application/x-www-form-urlencoded`), its body read only up to `limit`:
    /// a larger one is refused from its `Content-Length`, or as soon as it passes the limit.
    static func form(_ request: Request, limit: Int) async -> Result<[String: String], Refusal> {
        let tooLarge = Refusal(.contentTooLarge, "Слишком большой запрос.", close: true)
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { return .failure(tooLarge) }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard bytes.count + chunk.readableBytes <= limit else { return .failure(tooLarge) }
                bytes += chunk.readableBytesView
            }
        } catch {
            return .failure(Refusal(.badRequest, "Запрос пришёл не целиком.", close: true))
        }
        var out: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if parts.count == 2 { out[parts[0]] = parts[1] } else if parts.count == 1 { out[parts[0]] = "" }
        }
        return .success(out)
    }
}
