import Domain
import Validation

/// The people directory of a night: the registry's current mentors and mentees, with the lists a
/// folder had accepted tonight taking the place of its snapshot. It answers the programmes'
/// reference questions, in `validate` and in the nightly run alike.
struct TonightDirectory: PeopleDirectory {
    let baseline: Baseline
    /// Tonight's accepted lists by folder (the last accepted file of each folder and dataset).
    private var mentors: [String: Set<Snils>] = [:]
    private var mentees: [String: Set<Snils>] = [:]
    private var mentorFolders: [Snils: Set<String>] = [:]

    init(baseline: Baseline, accepted: [FileJudgement]) {
        self.baseline = baseline
        for judgement in accepted {
            switch judgement.rows {
            case .mentors(let list): mentors[judgement.submission.folder] = Set(list.map(\.snils))
            case .mentees(let list): mentees[judgement.submission.folder] = Set(list.map(\.snils))
            default: break
            }
        }
        for (folder, list) in mentors {
            for snils in list { mentorFolders[snils, default: []].insert(folder) }
        }
    }

    func schoolsWithMentor(_ snils: Snils) -> Set<String> {
        var folders = Set(baseline.mentors.folders(of: snils).filter { mentors[$0] == nil })
        folders.formUnion(mentorFolders[snils] ?? [])
        return folders
    }

    func isMentee(_ snils: Snils, of school: String) -> Bool {
        if let tonight = mentees[school] { return tonight.contains(snils) }
        return baseline.mentees.contains(snils, in: school)
    }
}
