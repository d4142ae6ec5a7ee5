using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Results;

/// <summary>
/// What a re-evaluation reads of a stored school: its values, the overall zone and rule set version they were last
/// evaluated with, and the row's <see cref="ETag"/> (the rewrite succeeds only if the row is still this one).
/// </summary>
public sealed record StoredInput(
    string MunicipalityId,
    string SchoolId,
    string SchoolName,
    Zone OverallZone,
    string UploadId,
    string RuleSetVersion,
    SchoolIndicators Values,
    string ETag);
