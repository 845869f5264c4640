import Domain
import Figures
import Foundation
import Registry

/// Packages as the registry keeps them: this level's own as approved (`nastavnik approve`), and
/// its units' current ones, decoded.
enum Approvals {
    /// The package of `period` as approved, if an approval is in force.
    static func approved(_ period: ReportingPeriod, registry: Registry) throws -> Package? {
        guard let record = try registry.approvals()[period.description] else { return nil }
        return try JSONDecoder().decode(Package.self, from: Data(record.content))
    }

    /// Every unit's current package, by half-year and folder.
    static func unitPackages(_ registry: Registry) throws -> [ReportingPeriod: [String: ReceivedPackage]] {
        var out: [ReportingPeriod: [String: ReceivedPackage]] = [:]
        for record in try registry.currentPackages() {
            guard let period = ReportingPeriod(record.period) else { continue }
            let package = try JSONDecoder().decode(Package.self, from: Data(record.content))
            let returned = record.returnedOn.map { (on: $0, reason: record.returnReason ?? "") }
            out[period, default: [:]][record.folder] = ReceivedPackage(package: package, received: record.received, returned: returned)
        }
        return out
    }
}
