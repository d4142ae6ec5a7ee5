namespace SchoolRisk.Domain.Classification;

/// <summary>How a school is classified in a period (domain.md, section 4).</summary>
public sealed record SchoolClassification(
    decimal? ResultsIndex,
    bool LowResults,
    bool StablyLowResults,
    bool UnfavourableConditions,
    Typology Typology,
    bool NonObjectiveResults,
    bool LeaderEffective)
{
    public static SchoolClassification None { get; } = new(null, false, false, false, Typology.Successful, false, false);
}
