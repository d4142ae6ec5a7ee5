using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// A school in one period as <see cref="SupportEffect"/> reads it: the registered school (for its programme level), how
/// it was classified (membership of the low-result group is <see cref="SchoolClassification.LowResults"/>, its standing
/// <see cref="SchoolClassification.RiskGroup"/>, the results index <see cref="SchoolClassification.ResultsIndex"/>), and
/// its indicator values by indicator id (<c>null</c> where not reported), in the indicators' own units.
/// </summary>
public sealed record EffectObservation(RegisteredSchool School, SchoolClassification Classification, IReadOnlyDictionary<string, decimal?> Values)
{
    /// <summary>The school's stratum in this period: who it is compared with.</summary>
    public EffectStratum Stratum => new(Classification.LowResults, Classification.UnfavourableConditions, School.Level);
}
