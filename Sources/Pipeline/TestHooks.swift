import Foundation

/// Named points of the run where the crash and lock tests stop or pause the process, driven by
/// environment variables that only the tests set:
/// - `NASTAVNIK_CRASH_AT=point#n`: SIGKILL itself the n-th time `point` is reached;
/// - `NASTAVNIK_PAUSE_AT=point`: sleep two seconds at `point`.
/// Points: `locked`, `in-transaction`, `committed`, `moved`, `file-done`, `outputs`.
enum TestHooks {
    private static let environment = ProcessInfo.processInfo.environment
    private static let crash: (point: String, count: Int)? = {
        guard let spec = environment["NASTAVNIK_CRASH_AT"] else { return nil }
        let parts = spec.split(separator: "#")
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()
    nonisolated(unsafe) private static var reached: [String: Int] = [:]

    static func reach(_ point: String) {
        if environment["NASTAVNIK_PAUSE_AT"] == point { sleep(2) }
        guard let crash, crash.point == point else { return }
        reached[point, default: 0] += 1
        if reached[point] == crash.count { kill(getpid(), SIGKILL) }
    }
}
