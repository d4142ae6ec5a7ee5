namespace SchoolRisk.Domain.Support;

/// <summary>A school that meets the subsidy's criteria (<see cref="SubsidyList"/>), with why, and the support already decided for it in the period.</summary>
/// <param name="School">The school.</param>
/// <param name="Classification">Its classifications that count, in Russian abbreviations: «ШНОР», «ШНОР (стабильно)», «ШНСУ», joined by «, ».</param>
/// <param name="Reason">Why it qualifies, in Russian.</param>
/// <param name="Decided">The kinds of support already decided for it in the period, in <see cref="SupportKinds.Kinds"/> order.</param>
public sealed record SubsidyEntry(SupportSchool School, string Classification, string Reason, IReadOnlyList<SupportKind> Decided);
