/// How a school's data stands: when a file of it was last accepted, and the verdict on its latest
/// judged files (SPEC §7, `Мониторинг`).
public struct SchoolIntake: Sendable, Equatable {
    public enum State: String, Sendable {
        case accepted = "принято"
        case rejected = "отклонено"
        case none = "нет данных"
    }
    public var lastAccepted: CivilDate?
    public var state: State

    public init(lastAccepted: CivilDate?, state: State) {
        self.lastAccepted = lastAccepted
        self.state = state
    }
}

/// Everything current in the registry, read once after a night's files are applied: the deadlines,
/// the figures and every writer work from this one value.
public struct RegistrySnapshot: Sendable {
    /// One folder's current data (a school's, or the district's roadmap).
    public struct Folder: Sendable {
        public var profile: ProfileRecord? {
            get { profiles.first }
            set { profiles = newValue.map { [$0] } ?? [] }
        }
        /// The profile as a list, as the registry reads every dataset (one row at most).
        public var profiles: [ProfileRecord] = []
        public var curators: [CuratorRecord] = []
        public var mentors: [MentorRecord] = []
        public var mentees: [MenteeRecord] = []
        public var programs: [ProgramRecord] = []
        public var roadmap: [RoadmapCompletionRecord] = []
        public var staff: [StaffRecord] = []
        /// The name of the file behind each current dataset.
        public var files: [Dataset: String] = [:]
        public var intake = SchoolIntake(lastAccepted: nil, state: .none)

        public init() {}

        /// Whether the folder has any current snapshot at all.
        public var hasData: Bool { !files.isEmpty }
    }

    public var folders: [String: Folder]

    public init(folders: [String: Folder]) { self.folders = folders }

    public subscript(folder: String) -> Folder { folders[folder] ?? Folder() }
}

extension RegistrySnapshot.Folder {
    /// Curators, mentors and mentees of the folder, in that order and row order.
    public func people(school: String) -> [PersonEntry] {
        DatasetRows.curators(curators).people(school: school)! + DatasetRows.mentors(mentors).people(school: school)!
            + DatasetRows.mentees(mentees).people(school: school)!
    }
}
