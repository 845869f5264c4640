import Foundation

/// Wrong codes, counted so that guessing is slow and a stranger cannot lock a school out:
///
/// - per address and folder: from the third wrong code the answer waits a fifth of a second more
///   (up to two seconds); after ten in fifteen minutes that address may not try that folder for
///   fifteen minutes. A right code clears only its own address and folder;
/// - per address, whatever the folder: after a hundred in fifteen minutes the address is refused
///   (someone there is trying every school; the schools behind a shared address that sign in right
///   are refused only then);
/// - per folder, from any address: never a refusal (that would let anyone lock a school out), only
///   a wait of two seconds on each wrong code past twenty.
actor WrongCodes {
    static let window: TimeInterval = 15 * 60
    static let perFolder = 10
    static let perAddress = 100
    static let slowFolderAfter = 20

    private var byPair: [String: [Date]] = [:]
    private var byAddress: [String: [Date]] = [:]
    private var byFolder: [String: [Date]] = [:]

    private static func pair(_ address: String, _ folder: String) -> String { address + "\u{1F}" + folder }

    /// nil: the address may try the folder now; else for how long it is refused.
    func refusal(_ address: String, folder: String, now: Date = Date()) -> TimeInterval? {
        let pair = recent(byPair[Self.pair(address, folder)], now)
        let all = recent(byAddress[address], now)
        var until: Date?
        if pair.count >= Self.perFolder { until = pair[pair.count - Self.perFolder].addingTimeInterval(Self.window) }
        if all.count >= Self.perAddress {
            let blocked = all[all.count - Self.perAddress].addingTimeInterval(Self.window)
            until = max(until ?? blocked, blocked)
        }
        return until.map { $0.timeIntervalSince(now) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Records a wrong code; returns how long to wait before answering.
    func failed(_ address: String, folder: String, now: Date = Date()) -> TimeInterval {
        let key = Self.pair(address, folder)
        byPair[key] = Array((recent(byPair[key], now) + [now]).suffix(Self.perAddress))
        byAddress[address] = Array((recent(byAddress[address], now) + [now]).suffix(Self.perAddress))
        byFolder[folder] = Array((recent(byFolder[folder], now) + [now]).suffix(Self.perAddress))
        forgetOld(now)
        let own = min(Double(max(byPair[key]!.count - 2, 0)) * 0.2, 2)
        return byFolder[folder]!.count > Self.slowFolderAfter ? 2 : own
    }

    /// A right code: its address and folder start again.
    func succeeded(_ address: String, folder: String) { byPair[Self.pair(address, folder)] = nil }

    private func recent(_ times: [Date]?, _ now: Date) -> [Date] {
        (times ?? []).filter { now.timeIntervalSince($0) < Self.window }
    }

    /// Keeps the tables to the last window (a stranger's many addresses are not kept for ever).
    private func forgetOld(_ now: Date) {
        guard byPair.count + byAddress.count + byFolder.count > 50_000 else { return }
        byPair = byPair.compactMapValues { recent($0, now).nilIfEmpty }
        byAddress = byAddress.compactMapValues { recent($0, now).nilIfEmpty }
        byFolder = byFolder.compactMapValues { recent($0, now).nilIfEmpty }
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
