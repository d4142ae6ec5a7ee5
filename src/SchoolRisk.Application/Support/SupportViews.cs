namespace SchoolRisk.Application.Support;

/// <summary>
/// The answer of <c>GET /api/support/{period}</c>: whether the caller may record decisions (<see cref="CanRecord"/>: the
/// committee's key or the master key), the kinds of support, the decisions the caller may see, the mentor proposals and
/// the candidate mentors (empty for a municipality's key), the schools that meet the subsidy's criteria the caller may
/// see, and the mentor capacity used.
/// </summary>
public sealed record SupportView(
    string Period,
    bool CanRecord,
    int MaxMenteesPerMentor,
    IReadOnlyList<SupportKindView> Kinds,
    IReadOnlyList<SupportDecisionView> Decisions,
    IReadOnlyList<MentorProposalView> Proposals,
    IReadOnlyList<MentorCandidateView> Mentors,
    IReadOnlyList<SubsidyEntryView> Subsidy);

/// <summary>A kind of support: its key (<c>subsidy</c>, <c>mentoring</c>, <c>municipal-programme</c>, <c>methodological-help</c>, <c>other</c>) and Russian title.</summary>
public sealed record SupportKindView(string Key, string Title);

/// <summary>
/// A decision: the school (id, name, municipality id), the kind (key and Russian title), the amount in roubles (a
/// subsidy's; otherwise <c>null</c>), the mentor (mentoring's; otherwise <c>null</c>), the comment, who and when (UTC).
/// </summary>
public sealed record SupportDecisionView(
    string SchoolId, string SchoolName, string MunicipalityId, string Kind, string KindTitle, decimal? Amount, string? MentorId, string? MentorName, string Comment, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// A proposed pair: the mentee (id, name, municipality, programme level in Russian, results index) and the mentor (id,
/// name, municipality, why it qualifies), how near (<c>municipality</c>, <c>district</c>, <c>region</c>, and in Russian);
/// or, with no mentor, <see cref="NotFound"/>: «наставник не найден» and why.
/// </summary>
public sealed record MentorProposalView(
    string MenteeId,
    string MenteeName,
    string MenteeMunicipalityId,
    string Level,
    decimal? ResultsIndex,
    string? MentorId,
    string? MentorName,
    string? MentorMunicipalityId,
    string MentorReason,
    string? Proximity,
    string? ProximityTitle,
    string? NotFound);

/// <summary>
/// A school that may mentor (resilient or high-result, not low-result): id, name, municipality, programme level in
/// Russian, why it qualifies, and how many mentees it has by the period's decisions: what the page offers when the
/// committee chooses another mentor.
/// </summary>
public sealed record MentorCandidateView(string SchoolId, string Name, string MunicipalityId, string Level, string Reason, int Mentees);

/// <summary>A school that meets the subsidy's criteria: municipality (id and name), school (id, name, level in Russian), its classifications, why, and the kinds of support already decided (Russian titles).</summary>
public sealed record SubsidyEntryView(
    string MunicipalityId, string MunicipalityName, string SchoolId, string SchoolName, string Level, string Classification, string Reason, IReadOnlyList<string> Decided);

/// <summary>The answer of <c>GET /api/support/{period}/audit</c>: every record, change and withdrawal the caller may see, oldest first.</summary>
public sealed record SupportAuditView(string Period, IReadOnlyList<SupportAuditEntryView> Entries);

/// <summary>
/// An entry of the audit trail: the school, the kind (key and title), the action (<c>recorded</c>, <c>changed</c>,
/// <c>withdrawn</c>, and in Russian), who, when (UTC), and the decision before and after (<c>null</c> where there is none).
/// </summary>
public sealed record SupportAuditEntryView(
    string SchoolId, string Kind, string KindTitle, string Action, string ActionTitle, string By, DateTimeOffset At, SupportDecisionView? Before, SupportDecisionView? After);
