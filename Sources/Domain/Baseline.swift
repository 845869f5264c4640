/// The registry as it stands before a night's files are applied: what each new file is compared
/// with (its repeat check, its programmes' references, its spellings).
public struct Baseline: Sendable {
    /// SHA-256 of the file behind each folder's current snapshot of each dataset.
    public var currentFiles: [String: [Dataset: String]]
    /// Current mentors and mentees: СНИЛС → folders.
    public var mentors: SnilsIndex
    public var mentees: SnilsIndex
    /// Current curators, mentors and mentees with these СНИЛС, in folder, dataset and row order: the
    /// spelling check asks only for the numbers tonight's files bring.
    public var peopleWithSnils: @Sendable (Set<Snils>) throws -> [PersonEntry]
    /// Current staff lists' rows with these СНИЛС, by folder: the part-time check asks only for the
    /// numbers tonight's staff lists bring.
    public var staffWithSnils: @Sendable (Set<Snils>) throws -> [String: [StaffRecord]]
    /// Above a district: each unit's current package by half-year.
    public var currentPackages: [String: [String: CurrentPackage]]

    public init(
        currentFiles: [String: [Dataset: String]], mentors: SnilsIndex, mentees: SnilsIndex,
        peopleWithSnils: @escaping @Sendable (Set<Snils>) throws -> [PersonEntry],
        staffWithSnils: @escaping @Sendable (Set<Snils>) throws -> [String: [StaffRecord]] = { _ in [:] },
        currentPackages: [String: [String: CurrentPackage]] = [:]
    ) {
        self.currentFiles = currentFiles
        self.mentors = mentors
        self.mentees = mentees
        self.peopleWithSnils = peopleWithSnils
        self.staffWithSnils = staffWithSnils
        self.currentPackages = currentPackages
    }

    /// No registry yet.
    public static let empty = Baseline(currentFiles: [:], mentors: SnilsIndex([]), mentees: SnilsIndex([]), peopleWithSnils: { _ in [] })

    public func currentSHA(folder: String, dataset: Dataset) -> String? { currentFiles[folder]?[dataset] }
}

/// A unit's package as the registry holds it: what a package sent again is compared with.
public struct CurrentPackage: Sendable, Equatable {
    /// The package's identity (SHA-256 of its cells as shown).
    public var identity: String
    /// The day its figures stand at (`Данные на`).
    public var dataOn: CivilDate?

    public init(identity: String, dataOn: CivilDate?) {
        self.identity = identity
        self.dataOn = dataOn
    }
}

/// СНИЛС → folders, as one sorted array of packed numbers: a country's mentors are half a million,
/// and a dictionary of arrays would cost ten times the memory. A СНИЛС is below 10¹¹ < 2³⁷, which
/// leaves 27 bits for the folder's index.
public struct SnilsIndex: Sendable {
    private let folderNames: [String]
    private let folderIndex: [String: UInt64]
    private let packed: [UInt64]
    private static let folderBits: UInt64 = 27

    public init(_ entries: some Sequence<(snils: Snils, folder: String)>) {
        var names: [String] = []
        var index: [String: UInt64] = [:]
        var packed: [UInt64] = []
        for (snils, folder) in entries {
            let i: UInt64
            if let known = index[folder] {
                i = known
            } else {
                i = UInt64(names.count)
                index[folder] = i
                names.append(folder)
            }
            packed.append(snils.value << Self.folderBits | i)
        }
        packed.sort()
        folderNames = names
        folderIndex = index
        self.packed = packed
    }

    public var count: Int { packed.count }

    /// The folders listing this СНИЛС, in the order they were first seen.
    public func folders(of snils: Snils) -> [String] {
        var i = firstIndex(snils.value << Self.folderBits)
        var out: [String] = []
        while i < packed.count && packed[i] >> Self.folderBits == snils.value {
            out.append(folderNames[Int(packed[i] & (1 << Self.folderBits - 1))])
            i += 1
        }
        return out
    }

    public func contains(_ snils: Snils, in folder: String) -> Bool {
        guard let f = folderIndex[folder] else { return false }
        let key = snils.value << Self.folderBits | f
        let i = firstIndex(key)
        return i < packed.count && packed[i] == key
    }

    private func firstIndex(_ key: UInt64) -> Int {
        var low = 0
        var high = packed.count
        while low < high {
            let mid = (low + high) / 2
            if packed[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
