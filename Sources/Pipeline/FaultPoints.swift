/// Named points of the run where the crash tests stop the process. The shipped binary never sets
/// any: only the test-only executable `nastavnik-faults` (Tests/FaultInjection) installs a plan,
/// read from its environment, around the same command line.
public struct FaultPoints: Sendable {
    private let reach: @Sendable (String) -> Void

    public init(_ reach: @escaping @Sendable (String) -> Void) { self.reach = reach }

    public static let none = FaultPoints { _ in }

    /// The points of the run: where they are reached is written beside each call.
    func callAsFunction(_ point: String) { reach(point) }

    /// The plan of the current run.
    @TaskLocal public static var current = FaultPoints.none
}
