/// A person as a school names them.
public struct PersonName: Hashable, Sendable {
    public var last: String
    public var first: String
    public var middle: String?

    public init(last: String, first: String, middle: String?) {
        self.last = last
        self.first = first
        self.middle = middle
    }

    /// «Иванова Мария Петровна».
    public var full: String { [last, first, middle].compactMap { $0 }.joined(separator: " ") }
}
