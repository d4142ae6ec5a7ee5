using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// A notice to one municipality that some of its schools are in a risk zone after one evaluation of one upload.
/// <see cref="NoticeId"/> is the dedupe key: the same upload evaluated by the same rule set is the same notice.
/// </summary>
public sealed record RiskNotice(
    string NoticeId,
    string MunicipalityId,
    Period Period,
    string UploadId,
    string BlobName,
    string RuleSetVersion,
    int SchoolCount,
    IReadOnlyList<RiskSchool> Schools)
{
    /// <summary>The notice for an evaluated upload, or <c>null</c> when none of its schools is in a risk zone.</summary>
    public static RiskNotice? For(EvaluatedUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var schools = upload.Schools
            .Where(evaluation => evaluation.OverallZone != Zone.None)
            .OrderByDescending(evaluation => evaluation.OverallZone)
            .ThenBy(evaluation => evaluation.School.SchoolId, StringComparer.Ordinal)
            .Select(evaluation => new RiskSchool(
                evaluation.School.SchoolId, evaluation.School.SchoolName, evaluation.OverallZone, evaluation.Findings))
            .ToList();
        if (schools.Count == 0)
        {
            return null;
        }

        return new RiskNotice(
            $"{upload.Path.Period}_{upload.UploadId}_{upload.RuleSetVersion}",
            upload.Path.MunicipalityId,
            upload.Path.Period,
            upload.UploadId,
            upload.Path.BlobName,
            upload.RuleSetVersion,
            upload.Schools.Count,
            schools);
    }
}
