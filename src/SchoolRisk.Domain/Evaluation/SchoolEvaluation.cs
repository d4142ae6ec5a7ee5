using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// The outcome for one school: its indicators in risk zones (worst zone per indicator), its classification, and its
/// overall zone, which <see cref="OverallZonePolicy"/> derives from both.
/// </summary>
public sealed record SchoolEvaluation(SchoolRow School, IReadOnlyList<IndicatorFinding> Findings, Zone OverallZone)
{
    public SchoolClassification Classification { get; init; } = SchoolClassification.None;

    /// <summary>The integrated assessment: region-wide, so only a recalculation of the period fills it.</summary>
    public SchoolAssessment Assessment { get; init; } = SchoolAssessment.None;

    /// <summary>
    /// Rules that threw on this school (<see cref="SchoolEvaluator.EvaluateMarkingFailures"/>, <see cref="SchoolClassifier"/>):
    /// what each decided is left not evaluated, the rest of the school is evaluated. Empty when every rule ran.
    /// </summary>
    public IReadOnlyList<RuleFailure> Failures { get; init; } = [];

    /// <summary>The indicators not evaluated for this school because one of their zone rules threw; <see cref="ZoneOf"/> says none for them.</summary>
    public IReadOnlyList<string> NotEvaluated =>
        [.. Failures.Where(failure => failure.Kind == RuleFailureKind.Zone).Select(failure => failure.IndicatorId).OfType<string>().Distinct(StringComparer.Ordinal)];

    public Zone ZoneOf(string indicatorId) =>
        Findings.FirstOrDefault(finding => finding.IndicatorId == indicatorId)?.Zone ?? Zone.None;
}
