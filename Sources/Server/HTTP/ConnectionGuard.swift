import HTTPTypes
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// The open connections of the server, so that a stranger cannot use them all up: at most
/// `capacity` are open; a connection over it closes the one that has waited longest without a
/// request in progress (an idle keep-alive, or one still sending its first header), and when every
/// other connection is busy it is closed itself. `capacity` stays below the process's limit of
/// descriptors (`ServerLimits`), so the server never runs out of them for its own files.
final class OpenConnections: Sendable {
    struct Entry {
        let channel: any Channel
        /// Requests read and not yet answered.
        var busy = 0
        /// When the connection last became idle (or opened).
        var idleSince: NIODeadline
    }

    let capacity: Int
    private let state = NIOLockedValueBox<(entries: [ObjectIdentifier: Entry], evicted: Int)>(([:], 0))

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { state.withLockedValue { $0.entries.count } }

    /// Connections closed to make room since the server started.
    var evicted: Int { state.withLockedValue { $0.evicted } }

    /// A new connection; returns the one to close to make room for it, if any (itself when every
    /// other connection is busy).
    func opened(_ channel: any Channel) -> (any Channel)? {
        state.withLockedValue { state in
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: .now())
            guard state.entries.count > capacity else { return nil }
            let idle = state.entries.lazy.filter { $0.key != ObjectIdentifier(channel) && $0.value.busy == 0 }
            let victim = idle.min { $0.value.idleSince < $1.value.idleSince }
            let closed = victim?.value.channel ?? channel
            state.entries[ObjectIdentifier(closed)] = nil
            state.evicted += 1
            return closed
        }
    }

    func closed(_ channel: any Channel) {
        state.withLockedValue { _ = $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func requestStarted(_ channel: any Channel) {
        state.withLockedValue { $0.entries[ObjectIdentifier(channel)]?.busy += 1 }
    }

    func responseEnded(_ channel: any Channel) {
        state.withLockedValue { state in
            guard var entry = state.entries[ObjectIdentifier(channel)] else { return }
            entry.busy = max(entry.busy - 1, 0)
            if entry.busy == 0 { entry.idleSince = .now() }
            state.entries[ObjectIdentifier(channel)] = entry
        }
    }
}

/// Sits in each connection's pipeline after the HTTP decoder: counts the connection in
/// `OpenConnections`, answers a header over the limits with `431` (NIO's decoder stops reading it
/// at the limit, whatever its length) and closes the connection after a response that says
/// `Connection: close` (a refused upload is not read to its end first).
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let connections: OpenConnections
    private var counted = false
    private var closeAfterResponse = false

    init(connections: OpenConnections) { self.connections = connections }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { count(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        count(context)
        context.fireChannelActive()
    }

    private func count(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        connections.opened(context.channel)?.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        connections.closed(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        connections.closed(context.channel)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { connections.requestStarted(context.channel) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            if head.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            connections.responseEnded(context.channel)
            guard closeAfterResponse else { return context.write(data, promise: promise) }
            context.writeAndFlush(data, promise: promise)
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parse = error as? HTTPParserError, parse == .headerOverflow else { return context.fireErrorCaught(error) }
        // The head is too large (or has too many fields) to be read: answered here and closed,
        // the rest of it never read.
        let text = ByteBuffer(string: "Слишком длинные заголовки запроса.\n")
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        fields[.contentLength] = String(text.readableBytes)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .init(code: 431), headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(text)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }
}
