using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A school whose addressed recommendations a candidate rule set would change (the preview): the measures it would gain
/// and lose, each as «кому: мера» in Russian.
/// </summary>
public sealed record RecommendationChange(MunicipalityId MunicipalityId, SchoolId SchoolId, string SchoolName, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
