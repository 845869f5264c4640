import Config
import Deadlines
import Domain

/// Every figure of a night, computed once from the registry's snapshot: the deadlines, the
/// statform's rows and total, the monitoring rows, the roadmap's state, one СНИЛС spelt two ways,
/// the registry's programmes with names. The writers only lay these out.
public struct NightFigures: Sendable {
    public var asOf: CivilDate
    public var period: ReportingPeriod
    public var districtName: String
    public var schools: [School]
    public var deadlines: DeadlineReport
    public var statform: [StatformRow]
    public var statformTotal: StatformRow
    public var monitoring: [MonitoringRow]
    public var roadmap: [RoadmapRow]
    public var spellings: [SpellingGroup]
    public var programs: ProgramListings
    /// Programmes being carried out (`реализуется`, `продлена`) per form, district-wide.
    public var activeByForm: [(form: MentoringForm, count: Int)]
    /// Every half-year from the model's start to tonight's (the last), as it stood at its end.
    public var dynamics: [PeriodFigures]
    /// The registry's programmes by status, district-wide.
    public var programsByStatus: [(status: ProgramStatus, count: Int)]
    /// Programmes closed within the period, by the reason given (п. 4.12).
    public var closuresByReason: [(reason: CloseReason, count: Int)]
    /// What each school may publish (п. 4.14), for its public extract and page.
    public var publicListings: PublicListings
    /// Whether the young teachers of a year ago stay, school by school.
    public var retention: Retention
    /// The district's package for the half-year, as its figures stand tonight.
    public var package: Package? = nil
    /// The package the district sends up tonight: this one, or the one approved (`nastavnik approve`).
    public var upward: Package? = nil

    /// `history`: the half-years before `period`, as they stood at their ends; `sending`: the
    /// folders that sent files in `period` up to `asOf`; `linkKey`: the region's, for the package's
    /// pseudonyms of leavers and hires.
    public init(
        snapshot: RegistrySnapshot, schools directory: SchoolDirectory, settings: Settings, schedule: RoadmapSchedule, asOf: CivilDate,
        period: ReportingPeriod, history: [PeriodFigures] = [], sending: Set<String> = [], linkKey: LinkKey? = nil
    ) {
        self.asOf = asOf
        self.period = period
        districtName = settings.districtName
        schools = directory.schools
        let codes = schools.map(\.code)
        let deadlines = DeadlineReport(
            schedule: schedule, schools: codes, snapshot: snapshot,
            rules: DeadlineRules(asOf: asOf, modelStart: settings.modelStartDate, dueSoonDays: settings.dueSoonDays),
            districtFolder: SchoolDirectory.districtFolder)
        self.deadlines = deadlines
        statform = schools.map { StatformRow(school: $0, data: snapshot[$0.code], asOf: asOf, period: period) }
        let total = StatformRow.total(of: statform, code: "Итого", name: "Всего по \(schools.count) ОО")
        statformTotal = total
        var programDeadlines: [String: Int] = [:]
        for finding in deadlines.programs { programDeadlines[finding.school, default: 0] += 1 }
        monitoring = schools.map { school in
            let data = snapshot[school.code]
            return MonitoringRow(
                school: school, curators: data.curators.map(\.name.full), intake: data.intake,
                programsActive: data.programs.count { $0.status.isActive }, overdueItems: deadlines.overdueCount(school: school.code),
                siteURL: data.profile?.siteURL, mentors: data.mentors.count, mentees: data.mentees.count,
                programDeadlines: programDeadlines[school.code] ?? 0)
        }
        roadmap = RoadmapRow.rows(deadlines: deadlines, schools: codes)
        spellings = SpellingGroup.groups(in: snapshot, folders: codes)
        programs = ProgramListings(snapshot: snapshot, schools: schools)
        activeByForm = MentoringForm.allCases.map { form in (form, total.byForm[form] ?? 0) }
        dynamics = history + [PeriodFigures(period: period, asOf: asOf, snapshot: snapshot, schools: schools, sending: sending)]
        let programs = schools.flatMap { snapshot[$0.code].programs }
        programsByStatus = ProgramStatus.allCases.map { status in (status, programs.count { $0.status == status }) }
        let closed = programs.filter { $0.closedDate.map(period.contains) ?? false }
        closuresByReason = CloseReason.allCases.map { reason in (reason, closed.count { $0.closeReason == reason }) }
        publicListings = PublicListings(snapshot: snapshot, schools: schools)
        var pseudonym: (@Sendable (Snils) -> String)?
        if let linkKey { pseudonym = { snils in linkKey.pseudonym(snils) } }
        retention = Retention(snapshot: snapshot, schools: schools, asOf: asOf, pseudonym: pseudonym)
        package = Package(district: self, snapshot: snapshot, settings: settings)
    }
}
