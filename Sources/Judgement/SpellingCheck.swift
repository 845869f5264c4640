import Domain

/// One СНИЛС, two spellings (SPEC §5): accepted, with a warning in the receipt of every school that
/// sent one of them. Tonight's lists are compared with each other and with the registry's current
/// lists (those tonight's lists do not replace), so the school applied first is warned as well as
/// the one applied second.
enum SpellingCheck {
    struct List {
        var index: Int
        var folder: String
        var dataset: Dataset
        var file: String
        var people: [PersonEntry]
    }

    /// Warnings by list index.
    /// Throws when the registry cannot be asked: without its lists the warnings would be lost.
    static func warnings(_ lists: [List], baseline: Baseline) throws -> [Int: [Finding]] {
        let replaced = Set(lists.map { FolderList(school: $0.folder, dataset: $0.dataset) })
        // How often each number is listed: tonight, then in the registry's lists tonight's do not
        // replace (asked for every number tonight brings, since any of them may be listed there).
        var listed: [Snils: Int] = [:]
        listed.reserveCapacity(lists.reduce(0) { $0 + $1.people.count })
        for list in lists {
            for person in list.people { listed[person.snils, default: 0] += 1 }
        }
        let before = try baseline.peopleWithSnils(Set(listed.keys)).filter { !replaced.contains(FolderList($0)) }
        for person in before { listed[person.snils, default: 0] += 1 }
        // Only a number listed at least twice can be spelt two ways: only its entries are gathered
        // (a country's first night brings a million numbers, nearly all listed once).
        var elsewhere: [Snils: [PersonEntry]] = [:]
        for person in before where listed[person.snils, default: 0] > 1 { elsewhere[person.snils, default: []].append(person) }
        for list in lists {
            for person in list.people where listed[person.snils, default: 0] > 1 { elsewhere[person.snils, default: []].append(person) }
        }
        var out: [Int: [Finding]] = [:]
        for list in lists {
            var findings: [Finding] = []
            for person in list.people {
                guard let candidates = elsewhere[person.snils] else { continue }
                let others = candidates.filter { FolderList($0) != FolderList(person) }
                guard !others.isEmpty else { continue }
                let key = person.name.spellingKey
                guard let other = others.first(where: { $0.name.spellingKey != key }) else { continue }
                let place =
                    other.school == person.school
                    ? "в вашем списке «\(other.dataset.title.lowercased())»"
                    : "в ОО «\(other.school)» (\(other.dataset.title.lowercased()))"
                findings.append(
                    Finding(
                        .warning, file: list.file, row: person.row, column: "СНИЛС", value: person.snils.description,
                        message: "Этот СНИЛС \(place) записан на «\(other.name.full)», а здесь — «\(person.name.full)». "
                            + "Проверьте написание ФИО и СНИЛС: у одного человека одно ФИО."))
            }
            if !findings.isEmpty { out[list.index] = findings }
        }
        return out
    }

    /// A folder's list of one dataset: a new file of it replaces the old one.
    private struct FolderList: Hashable {
        var school: String
        var dataset: Dataset
        init(school: String, dataset: Dataset) {
            self.school = school
            self.dataset = dataset
        }
        init(_ person: PersonEntry) { self.init(school: person.school, dataset: person.dataset) }
    }
}
