import CXLSXWriter

/// A failure reported by libxlsxwriter, with what was being done.
public struct XLSXError: Error, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var context: String

    init(_ error: lxw_error, _ context: String) {
        code = Int(error.rawValue)
        message = String(cString: lxw_strerror(error))
        self.context = context
    }

    init(message: String, context: String) {
        code = -1
        self.message = message
        self.context = context
    }

    public var description: String { "\(context): \(message)" }
}
