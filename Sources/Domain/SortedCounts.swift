/// Counts by a value of a vocabulary, written in the order of the values' names: the same figures
/// give the same JSON in every process. (A dictionary's own encoding follows its hash order, which
/// changes from one process to the next: a package's figures would never be the same bytes twice.)
/// Read back from either order.
@propertyWrapper
public struct SortedCounts<Key: RawRepresentable & Hashable & Codable & Sendable>: Codable, Equatable, Sendable
where Key.RawValue == String {
    public var wrappedValue: [Key: Int]

    public init(wrappedValue: [Key: Int]) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try [Key: Int](from: decoder) }

    /// As a dictionary of such keys is written (key, count, key, count…), in the keys' order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (key, count) in wrappedValue.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try container.encode(key)
            try container.encode(count)
        }
    }
}
