import Config
import Domain
import Fixtures
import Testing

@testable import Figures

/// Retention on the staff lists of `Records.retentionDistrict`, every figure counted by hand. As of
/// 01.03.2026, so D0 is 01.03.2025. School A and school B send staff lists, C and D none.
struct RetentionTests {
    static func counts(_ c: RetentionCounts) -> [Int] {
        [c.cohort, c.mentored, c.stayed, c.moved, c.movedAway, c.left, c.mentoredKept, c.schoolsWithStaff]
    }

    @Test func everyStatusCountedAsByHand() {
        let retention = Retention(
            snapshot: Records.snapshot(Records.retentionDistrict), schools: Records.schools.schools, asOf: Records.retentionAsOf)
        #expect(retention.start == day("2025-03-01"))
        // A: cohort 1, 2, 3, 5, 8; mentored 1, 3; stayed 1, 5; moved 2; left 3, 8; kept of the mentored: 1.
        #expect(Self.counts(retention.rows[0]) == [5, 2, 2, 1, 0, 2, 1, 1])
        // B: cohort 5, 7, 9 (2 came after D0); mentored 9; stayed 5, 7; left 9.
        #expect(Self.counts(retention.rows[1]) == [3, 1, 2, 0, 0, 1, 0, 1])
        #expect(Self.counts(retention.rows[2]) == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(Self.counts(retention.total) == [8, 3, 4, 1, 0, 3, 1, 2])
        #expect(retention.rows[0].rate == 60 && retention.rows[0].mentoredRate == 50)
        #expect(abs(retention.rows[0].notMentoredRate! - 200.0 / 3) < 1e-9)
        // The total's rates are ratios of the sums: 5/8, 1/3, 4/5 — not means of the schools'.
        #expect(retention.total.rate == 62.5)
        #expect(abs(retention.total.mentoredRate! - 100.0 / 3) < 1e-9)
        #expect(retention.total.notMentoredRate == 80)
        #expect(retention.rows[2].rate == nil && retention.rows[2].mentoredRate == nil)
        #expect(retention.links == nil, "no key, no pseudonyms")
        #expect(retention.total.comparison.hasPrefix("Наставляемые закрепляются реже: 33,3"))
        #expect(retention.total.comparison.contains("Групп мало (3 и 5 человек)"))
    }

    @Test func youngOnD0() {
        let d0 = day("2025-03-01")
        #expect(Retention.isYoung(Records.staffer(1, born: "1990-03-02", since: "2010-09-01", hired: "2010-09-01"), on: d0), "34 on D0")
        #expect(!Retention.isYoung(Records.staffer(1, born: "1990-03-01", since: "2010-09-01", hired: "2010-09-01"), on: d0), "35 that day")
        #expect(Retention.isYoung(Records.staffer(1, born: "1970-01-01", since: "2022-03-02", hired: "2022-03-02"), on: d0))
        #expect(!Retention.isYoung(Records.staffer(1, born: "1970-01-01", since: "2022-03-01", hired: "2022-03-01"), on: d0))
        #expect(Retention.start(of: day("2028-02-29")) == day("2027-02-28"))
    }

    @Test func withAKeyTheYearsLeaversAndHiresByPseudonym() throws {
        let key = try #require(LinkKey(Array("0123456789abcdef0123456789abcdef".utf8)))
        let retention = Retention(
            snapshot: Records.snapshot(Records.retentionDistrict), schools: Records.schools.schools, asOf: Records.retentionAsOf,
            pseudonym: { key.pseudonym($0) })
        let links = try #require(retention.links)
        let p = { (n: UInt64) in key.pseudonym(Snils(value: n)) }
        // Leavers 3 (mentored) and 8 of A, 9 (mentored) of B; hires still there: 2 (B) and 4 (A).
        #expect(
            Set(links.leavers) == [
                StaffLinks.Leaver(pseudonym: p(3), mentored: true), StaffLinks.Leaver(pseudonym: p(8), mentored: false),
                StaffLinks.Leaver(pseudonym: p(9), mentored: true),
            ])
        #expect(links.leavers.count == 3)
        #expect(Set(links.hires) == [p(2), p(4)] && links.hires.count == 2)
    }

    /// HMAC-SHA256 as Python's `hmac` computes it, never the bare hash of the digits.
    @Test func thePseudonymIsAKeyedHash() throws {
        let key = try #require(LinkKey(Array("0123456789abcdef0123456789abcdef".utf8)))
        let snils = Snils(value: 11_223_344_595)
        #expect(key.pseudonym(snils) == "978946bcd9fc9dd863b5adea34c215d9663fc1fc083244d4d90d7d6882ec002f")
        #expect(key.pseudonym(snils) != "aad05c3ea1224f76362c85d69ad031dadb36b793d5a8dfd4fc9497f4602edf3e")
        #expect(LinkKey(Array("short".utf8)) == nil)
    }

    /// A region pairs district X's leaver with district Y's hire: a move, not a loss; a leaver no
    /// other district hired stays a loss, and a district's own hire of its own leaver is not a move.
    @Test func aRegionPairsLeaversWithAnotherDistrictsHires() {
        var x = RetentionCounts()
        (x.cohort, x.mentored, x.stayed, x.left, x.mentoredKept) = (4, 2, 1, 3, 1)
        var y = RetentionCounts()
        (y.cohort, y.stayed) = (1, 1)
        let links: [StaffLinks?] = [
            StaffLinks(
                leavers: [
                    .init(pseudonym: "m", mentored: true), .init(pseudonym: "n", mentored: false), .init(pseudonym: "o", mentored: false),
                ], hires: ["o"]),
            StaffLinks(leavers: [], hires: ["m", "z"]),
            nil,
        ]
        let paired = [x, y, RetentionCounts()].pairingMoves(links)
        #expect(Self.counts(paired[0]) == [4, 2, 1, 0, 1, 2, 2, 0])
        #expect(paired[0].rate == 50 && paired[0].mentoredRate == 100)
        #expect(paired[1] == y && paired[2] == RetentionCounts())
    }
}
