using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Rubrics;

/// <summary>A rubric result as stored: what it scored, the scores, the band and zone, and the upload and rule set behind them.</summary>
public sealed record StoredRubric(
    Period Period,
    MunicipalityId MunicipalityId,
    string RubricId,
    RubricLevel Level,
    string Subject,
    string SubjectName,
    RubricScores Scores,
    int MaxScore,
    string Band,
    string BandLabel,
    Zone Zone,
    UploadId UploadId,
    RuleSetVersion RuleSetVersion);
