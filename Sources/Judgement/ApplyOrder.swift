import Domain

/// SPEC §5: datasets are applied profile → curators → mentors → mentees → programs → roadmap across
/// all folders (every school's mentors before anyone's programmes); within a dataset folders go in
/// config/schools.csv order, the district last, and a folder's files by name (dated suffixes sort
/// by date). Files of no recognised dataset come last.
enum ApplyOrder {
    static func sorted(_ submissions: [Submission], folders: [String]) -> [Submission] {
        var rank: [String: Int] = [:]
        for (i, folder) in folders.enumerated() where rank[folder] == nil { rank[folder] = i }
        func key(_ s: Submission) -> (Int, Int, String, Int) {
            (s.dataset?.rank ?? Dataset.allCases.count, rank[s.folder] ?? folders.count, s.name, s.id)
        }
        return submissions.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
