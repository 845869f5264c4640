import Domain
import Foundation
import GRDB

/// A unit's package as recorded: which file brought it, when, whether this level returned it.
public struct PackageRecord: Sendable {
    public var folder: String
    public var period: String
    public var sha256: String
    public var content: [UInt8]
    /// The as-of date of the run that took it.
    public var received: CivilDate
    public var returnedOn: CivilDate?
    public var returnReason: String?
}

/// This level's approval of its own package for a half-year: who, when, and the figures approved.
public struct ApprovalRecord: Sendable {
    public var period: String
    public var approvedBy: String
    public var approvedOn: CivilDate
    public var content: [UInt8]
    public var withdrawnAt: String?
    public var withdrawReason: String?
}

/// Levels above a district: the packages of units, current by half-year; and every level's
/// approvals of its own package.
extension Registry {
    /// The current package of every unit, for every half-year (or only `period`).
    public func currentPackages(period: String? = nil) throws -> [PackageRecord] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.folder, p.period, p.sha256, p.content, r.as_of, p.returned_on, p.return_reason
                    FROM package p JOIN run r ON r.id = p.run_id
                    WHERE p.replaced_by_run IS NULL AND (? IS NULL OR p.period = ?)
                    ORDER BY p.folder, p.period
                    """, arguments: [period, period]
            ).map { row in
                PackageRecord(
                    folder: row[0], period: row[1], sha256: row[2], content: Array(row[3] as Data), received: CivilDate(iso: row[4])!,
                    returnedOn: (row[5] as String?).flatMap(CivilDate.init(iso:)), returnReason: row[6])
            }
        }
    }

    /// Marks a unit's current package of a half-year returned; false when there is none.
    public func returnPackage(folder: String, period: String, on day: CivilDate, reason: String) throws -> Bool {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE package SET returned_on = ?, return_reason = ? WHERE folder = ? AND period = ? AND replaced_by_run IS NULL",
                arguments: [day.iso, reason, folder, period])
            return db.changesCount > 0
        }
    }

    /// Records this level's approval of its package for a half-year, closing an earlier one.
    public func approve(period: String, by: String, on day: CivilDate, content: [UInt8], at time: Date) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE approval SET withdrawn_at = ?, withdraw_reason = ? WHERE period = ? AND withdrawn_at IS NULL",
                arguments: [Timestamp.text(time), "утверждено заново", period])
            try db.execute(
                sql: "INSERT INTO approval (period, approved_by, approved_on, recorded_at, content) VALUES (?, ?, ?, ?, ?)",
                arguments: [period, by, day.iso, Timestamp.text(time), Data(content)])
        }
    }

    /// Withdraws the approval of a half-year; false when there is none.
    public func withdrawApproval(period: String, reason: String, at time: Date) throws -> Bool {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE approval SET withdrawn_at = ?, withdraw_reason = ? WHERE period = ? AND withdrawn_at IS NULL",
                arguments: [Timestamp.text(time), reason, period])
            return db.changesCount > 0
        }
    }

    /// The approvals in force, by half-year.
    public func approvals() throws -> [String: ApprovalRecord] {
        try queue.read { db in
            var out: [String: ApprovalRecord] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT period, approved_by, approved_on, content FROM approval WHERE withdrawn_at IS NULL ORDER BY id")
            {
                out[row[0]] = ApprovalRecord(
                    period: row[0], approvedBy: row[1], approvedOn: CivilDate(iso: row[2])!, content: Array(row[3] as Data))
            }
            return out
        }
    }

    /// Every approval and withdrawal, in order: the record of who approved which figures.
    public func approvalHistory() throws -> [ApprovalRecord] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT period, approved_by, approved_on, content, withdrawn_at, withdraw_reason FROM approval ORDER BY id"
            )
            .map { row in
                ApprovalRecord(
                    period: row[0], approvedBy: row[1], approvedOn: CivilDate(iso: row[2])!, content: Array(row[3] as Data),
                    withdrawnAt: row[4], withdrawReason: row[5])
            }
        }
    }
}
