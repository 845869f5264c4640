import Foundation

/// Where a night's time went, stage by stage, for the journal (`timings`) and the scale benchmark.
struct StageTimes: Sendable {
    private(set) var stages: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    /// The process's peak memory (MB) at the end of each lap: where a large night's memory goes.
    private(set) var peaks: [(name: String, megabytes: Double)] = []

    /// Records the time since the last lap under `name` (adding to an earlier lap of that name).
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        add(name, Double(now - started) / 1e9)
        started = now
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        peaks.append((name, Double(usage.ru_maxrss) / 1024))
    }

    mutating func add(_ name: String, _ seconds: Double) {
        if let i = stages.firstIndex(where: { $0.name == name }) {
            stages[i].seconds += seconds
        } else {
            stages.append((name, seconds))
        }
    }

    /// Times `body` under `name`, without moving the lap.
    static func measure<R>(_ body: () throws -> R) rethrows -> (R, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
