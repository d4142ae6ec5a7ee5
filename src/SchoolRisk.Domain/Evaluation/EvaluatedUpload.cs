using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>Every school of one upload, evaluated by one rule set version.</summary>
public sealed record EvaluatedUpload(UploadPath Path, UploadId UploadId, RuleSetVersion RuleSetVersion, IReadOnlyList<SchoolEvaluation> Schools)
{
    public int CountIn(Zone zone) => Schools.Count(school => school.OverallZone == zone);
}
