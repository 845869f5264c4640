import Domain
import Foundation
import Registry
import Validation

/// The people of every school's current snapshots, kept up to date as the run applies files:
/// it answers the programmes' reference questions and finds one СНИЛС spelt two ways.
struct PeopleBook: PeopleDirectory {
    private var entries: [String: [Dataset: [PersonEntry]]] = [:]
    private var bySnils: [Snils: [PersonEntry]] = [:]

    init(_ people: [PersonEntry]) {
        for person in people {
            entries[person.school, default: [:]][person.dataset, default: []].append(person)
            bySnils[person.snils, default: []].append(person)
        }
    }

    /// A school's new snapshot of a people dataset takes the place of the old one.
    mutating func replace(school: String, dataset: Dataset, with people: [PersonEntry]) {
        for old in entries[school]?[dataset] ?? [] {
            bySnils[old.snils]?.removeAll { $0.school == school && $0.dataset == dataset }
        }
        entries[school, default: [:]][dataset] = people
        for person in people { bySnils[person.snils, default: []].append(person) }
    }

    func schoolsWithMentor(_ snils: Snils) -> Set<String> {
        Set((bySnils[snils] ?? []).filter { $0.dataset == .mentors }.map(\.school))
    }

    func isMentee(_ snils: Snils, of school: String) -> Bool {
        (bySnils[snils] ?? []).contains { $0.dataset == .mentees && $0.school == school }
    }

    /// Entries elsewhere (another school or dataset) with the same СНИЛС and another name. Names are
    /// normalised only when the СНИЛС is listed elsewhere at all — rarely — so a million people cost
    /// a million lookups, not a million normalisations.
    func otherSpellings(of person: PersonEntry) -> [PersonEntry] {
        let elsewhere = (bySnils[person.snils] ?? []).filter { !($0.school == person.school && $0.dataset == person.dataset) }
        guard !elsewhere.isEmpty else { return [] }
        let key = TextKey.normalize(person.name.full)
        return elsewhere.filter { TextKey.normalize($0.name.full) != key }
    }

    /// The people of an accepted file.
    static func people(of rows: DatasetRows, school: String) -> [PersonEntry]? {
        switch rows {
        case .curators(let list): list.map { PersonEntry(school: school, dataset: .curators, snils: $0.snils, name: $0.name) }
        case .mentors(let list): list.map { PersonEntry(school: school, dataset: .mentors, snils: $0.snils, name: $0.name) }
        case .mentees(let list): list.map { PersonEntry(school: school, dataset: .mentees, snils: $0.snils, name: $0.name) }
        default: nil
        }
    }

    /// Row numbers of people records, to place the warnings.
    static func rows(of rows: DatasetRows) -> [Int] {
        switch rows {
        case .curators(let list): list.map(\.row)
        case .mentors(let list): list.map(\.row)
        case .mentees(let list): list.map(\.row)
        default: []
        }
    }
}

/// The registry's people for `nastavnik validate`: a curator's self-check resolves invited mentors
/// of other schools as the nightly run will. No registry yet (or none readable): nobody.
public enum RegistryPeople {
    public static func directory(databasePath: String) -> any PeopleDirectory {
        guard FileManager.default.fileExists(atPath: databasePath),
            let registry = try? Registry(path: databasePath, readOnly: true),
            let people = try? registry.currentPeople()
        else { return PeopleIndex() }
        return PeopleBook(people)
    }
}
