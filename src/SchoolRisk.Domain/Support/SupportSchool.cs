using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support;

/// <summary>A school of the registry with how it was classified and assessed in a period: what mentor proposals and the subsidy list are made of.</summary>
public sealed record SupportSchool(RegisteredSchool School, SchoolClassification Classification, SchoolAssessment Assessment)
{
    /// <summary>The programme level in Russian: «средняя» (<c>secondary</c>) or «основная» (<c>basic</c>).</summary>
    public string LevelTitle => School.Level == SchoolRegistry.Basic ? "основная" : "средняя";
}
