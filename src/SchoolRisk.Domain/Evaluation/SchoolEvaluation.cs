using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>The outcome for one school: its indicators in risk zones (worst zone per indicator) and its overall zone.</summary>
public sealed record SchoolEvaluation(SchoolRow School, IReadOnlyList<IndicatorFinding> Findings, Zone OverallZone)
{
    public Zone ZoneOf(string indicatorId) =>
        Findings.FirstOrDefault(finding => finding.IndicatorId == indicatorId)?.Zone ?? Zone.None;
}
