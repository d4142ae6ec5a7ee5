using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Storage.Results;

/// <summary>One school's stored result for a period: every indicator's value and zone, and the overall zone.</summary>
public sealed record StoredResult(
    Period Period,
    MunicipalityId MunicipalityId,
    SchoolId SchoolId,
    string SchoolName,
    Zone OverallZone,
    UploadId UploadId,
    RuleSetVersion RuleSetVersion,
    IReadOnlyDictionary<string, IndicatorResult> Indicators,
    SchoolClassification Classification)
{
    /// <summary>The stored entity's version: a recalculation writes the row only if it is still this one.</summary>
    public string ETag { get; init; } = string.Empty;

    /// <summary>The integrated assessment, once a recalculation of the period made it.</summary>
    public SchoolAssessment Assessment { get; init; } = SchoolAssessment.None;

    /// <summary>The stored values as the rules' input, for computing the region's distribution.</summary>
    public SchoolIndicators Values => SchoolIndicators.Create(
        IndicatorCatalog.All.Select(indicator => new KeyValuePair<Indicator, decimal?>(indicator, Indicators[indicator.Id].Value)));
}

/// <summary>An indicator's stored value (<c>null</c> when not reported) and zone.</summary>
public sealed record IndicatorResult(decimal? Value, Zone Zone);
