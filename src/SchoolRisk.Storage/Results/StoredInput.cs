using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// What a re-evaluation reads of a stored school: its values, the overall zone and rule set version they were last
/// evaluated with, the row's <see cref="ETag"/> (the rewrite succeeds only if the row is still this one),
/// <see cref="ZoneBeforeRules"/>: the overall zone under the rule set before <see cref="RuleSetVersion"/> when a
/// recalculation (not an upload) brought the row to that version, kept by later recalculations with the same version and
/// dropped by the next upload; and <see cref="EvaluatedAt"/>: when an upload wrote the row, or when the recalculation that
/// rewrote it started. <see cref="RuleSetVersionBeforeRules"/> is the version <see cref="ZoneBeforeRules"/> was decided by.
/// </summary>
public sealed record StoredInput(
    MunicipalityId MunicipalityId,
    SchoolId SchoolId,
    string SchoolName,
    Zone OverallZone,
    UploadId UploadId,
    RuleSetVersion RuleSetVersion,
    SchoolIndicators Values,
    string ETag,
    Zone? ZoneBeforeRules,
    DateTimeOffset EvaluatedAt,
    RuleSetVersion? RuleSetVersionBeforeRules = null)
{
    /// <summary>
    /// The zone the school had before rule set <paramref name="ruleSetVersion"/> moved it, and the version that decided
    /// it (<see cref="PriorZone.Of"/>): <c>null</c> when its data came under that version by an upload.
    /// </summary>
    public PriorZone? ZoneBefore(RuleSetVersion ruleSetVersion) =>
        PriorZone.Of(ruleSetVersion, OverallZone, RuleSetVersion, ZoneBeforeRules, RuleSetVersionBeforeRules);
}
