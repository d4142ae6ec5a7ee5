using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>A test case of the classification workflow: a school, a region, and the decisions expected.</summary>
public sealed record ClassificationTestCase(
    string FileName, string Name, ClassificationInput School, RegionalDistribution Region, IReadOnlyDictionary<ClassificationKind, bool> Expect);
