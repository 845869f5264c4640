import CLI
import Foundation
import Pipeline

// The command line of `nastavnik` with a fault plan: a test-only build (never installed) that the
// crash tests drive through its environment.
// - `NASTAVNIK_CRASH_AT=point#n`: SIGKILL itself the n-th time `point` is reached;
// - `NASTAVNIK_PAUSE_AT=point`: sleep two seconds at `point`.
// The points are named where `FaultPoints` is called in Sources/Pipeline.
let environment = ProcessInfo.processInfo.environment
let crash: (point: String, count: Int)? = environment["NASTAVNIK_CRASH_AT"].map { spec in
    let parts = spec.split(separator: "#")
    return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
}
let pause = environment["NASTAVNIK_PAUSE_AT"]

final class Reached: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func count(_ point: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        counts[point, default: 0] += 1
        return counts[point]!
    }
}
let reached = Reached()

let plan = FaultPoints { point in
    if pause == point { sleep(2) }
    guard let crash, crash.point == point else { return }
    if reached.count(point) == crash.count { kill(getpid(), SIGKILL) }
}
FaultPoints.$current.withValue(plan) { NastavnikCLI.main() }
