import Foundation

/// Times in the registry and the journal: UTC, ISO 8601 with seconds.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
