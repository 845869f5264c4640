import Foundation

/// What one client may cost the server, each bounded before it is spent: a request's head is read
/// only up to its limits (`431` past them), a body only up to its limit (`413`, told from
/// `Content-Length` before a byte is read), a connection that sends nothing for `idle` seconds is
/// closed (a slow upload that keeps sending goes on, however long it takes), and connections are
/// capped below the process's limit of open files.
public struct ServerLimits: Sendable, Equatable {
    /// A header field, name and value (the request line counts as one).
    public var headerFieldBytes = 8 * 1024
    /// The whole head.
    public var headerBytes = 32 * 1024
    public var headerFields = 100
    /// Seconds without a byte from the client before its connection is closed.
    public var idleSeconds = 60
    /// Open connections at most; 0: as many as the limit of open files leaves room for.
    public var connections = 0
    /// A form's body (sign-in, withdrawal): a few short fields.
    public var formBytes = 4 * 1024

    public init() {}

    /// Descriptors kept free for the server's own files (uploads, the registry, the pages).
    static let reservedDescriptors = 128

    /// The connection cap: `connections`, or what the limit of open files leaves room for (its soft
    /// limit raised to the hard one first, as a service's `LimitNOFILE` sets both).
    func connectionCap() -> Int {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 20)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        let room = max(Int(clamping: limit.rlim_cur) - Self.reservedDescriptors, 16)
        return connections > 0 ? min(connections, room) : min(room, 16_384)
    }
}
