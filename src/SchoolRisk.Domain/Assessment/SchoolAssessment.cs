namespace SchoolRisk.Domain.Assessment;

/// <summary>A school's integrated assessment: a score per direction, the weighted composite, its level, and its rank among schools of its kind.</summary>
public sealed record SchoolAssessment(
    IReadOnlyDictionary<string, decimal?> Directions, decimal? Composite, AssessmentLevel? Level, int? Rank, bool Top, bool Leader)
{
    public static SchoolAssessment None { get; } = new(new Dictionary<string, decimal?>(), null, null, null, false, false);
}
