using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Application.Views;

/// <summary>The risk map of a period: a row per municipality the caller may see, and the periods there are.</summary>
public sealed record RiskMapView(string Period, IReadOnlyList<string> Periods, IReadOnlyList<MunicipalityRow> Municipalities)
{
    /// <summary>The municipality a municipality's key belongs to (the page uploads for it), <c>null</c> for the committee's key.</summary>
    public string? Caller { get; init; }

    /// <summary>What the page offers the caller (<see cref="AccessScope.Roles"/>): <c>committee</c>, <c>rulesAdmin</c>, <c>municipality</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>
    /// Every municipality of the school registry the caller may see, with its name, ordered by name: what the page's
    /// upload panel offers, including municipalities with no data in any period yet.
    /// </summary>
    public IReadOnlyList<RegisteredMunicipality> Registered { get; init; } = [];
}

/// <summary>A municipality of the school registry: its id and its name (the recipients list's, else the id).</summary>
public sealed record RegisteredMunicipality(string Id, string Name);

/// <summary>A municipality on the map: its zone (and the parts it comes from) and its schools per zone.</summary>
public sealed record MunicipalityRow(string Id, string Name, Zone Zone, Zone SchoolZone, Zone RubricZone, int Schools, int High, int Medium, int None, int LowResults);

/// <summary>
/// One municipality's schools in a period, and the addressed recommendations about the municipality as a whole
/// (<see cref="Recommendation.ConcernsMunicipality"/>), given once here rather than on every school.
/// </summary>
public sealed record MunicipalitySchoolsView(string Period, string MunicipalityId, string Name, IReadOnlyList<SchoolView> Schools)
{
    /// <summary>The measures about the municipality as a whole, each once, in the rules' order; empty when none applies.</summary>
    public IReadOnlyList<RecommendationView> MunicipalRecommendations { get; init; } = [];
}

/// <summary>
/// A school in a period: its zone and why it is there (<see cref="ZoneReasons"/>, in Russian; empty outside the risk
/// zones), every indicator's value and zone, how it is classified, and the addressed recommendations that apply to it
/// under the active rule set (<see cref="Recommendations"/>).
/// </summary>
public sealed record SchoolView(
    string SchoolId, string SchoolName, Zone Zone, IReadOnlyList<string> ZoneReasons, IReadOnlyList<IndicatorView> Indicators, SchoolClassification Classification, int? Rank, string RuleSetVersion)
{
    /// <summary>
    /// The measures about the school the active rule set's recommendation rules give it, in their order; empty when none
    /// applies (those about its municipality as a whole are <see cref="MunicipalitySchoolsView.MunicipalRecommendations"/>).
    /// </summary>
    public IReadOnlyList<RecommendationView> Recommendations { get; init; } = [];
}

/// <summary>An addressed recommendation: to whom (<c>school</c>, <c>municipality</c>, <c>committee</c>, and in Russian), the measure and the reason, in Russian.</summary>
public sealed record RecommendationView(string Addressee, string AddresseeTitle, string Measure, string Reason)
{
    /// <summary>The view of <paramref name="recommendation"/>.</summary>
    public static RecommendationView Of(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return new(recommendation.Addressee.ToKey(), recommendation.Addressee.Title(), recommendation.Measure, recommendation.Reason);
    }
}

/// <summary>
/// An indicator's value (<c>null</c> when not reported) and zone, with its Russian title; its unit (<c>percent</c>,
/// <c>count</c>, <c>perThousand</c>, <c>index</c>, <c>flag</c>, <c>zone</c>) and its symbol as the rules table writes it («%»,
/// «шт.», «на 1000» after a value; «от 0 до 1», «да/нет» for an index or a flag), which direction is worse (<c>higher</c>: the zone starts at a threshold;
/// <c>lower</c>: it starts below it), and the medium and high thresholds of the rule set version the result was
/// evaluated with (<see cref="SchoolView.RuleSetVersion"/>), each <c>null</c> when that version has no rule for the zone
/// (an informative indicator) or could not be read.
/// </summary>
public sealed record IndicatorView(
    string Id, string Title, decimal? Value, Zone Zone, IndicatorUnit Unit, string UnitSymbol, WorseWhen WorseWhen, decimal? MediumThreshold, decimal? HighThreshold);

/// <summary>A school across periods, oldest first.</summary>
public sealed record SchoolHistoryView(string SchoolId, string SchoolName, string MunicipalityId, IReadOnlyList<SchoolPeriodView> Periods);

/// <summary>
/// A school in one period of its history: its zone, why it is there (in Russian), its indicators (with the thresholds of
/// that period's rule set version), whether it had low results (ШНОР), and its classification and rule set version as
/// <see cref="SchoolView"/> carries them.
/// </summary>
public sealed record SchoolPeriodView(string Period, Zone Zone, IReadOnlyList<string> ZoneReasons, IReadOnlyList<IndicatorView> Indicators, bool LowResults)
{
    /// <summary>How the school was classified in the period.</summary>
    public SchoolClassification? Classification { get; init; }

    /// <summary>The rule set version the period's result was evaluated with.</summary>
    public string RuleSetVersion { get; init; } = string.Empty;
}

/// <summary>A school in the integrated assessment's ranking.</summary>
public sealed record RankingEntry(int Rank, string SchoolId, string SchoolName, string MunicipalityId, decimal? Score, string? Level, bool Top, bool Leader);

/// <summary>The rule set versions: which is in force, and every activation, newest first.</summary>
public sealed record RuleVersionsView(string? Active, IReadOnlyList<RuleVersionView> Versions)
{
    /// <summary>Every candidate refused, newest first.</summary>
    public IReadOnlyList<RuleRejectionView> Rejections { get; init; } = [];
}

/// <summary>One activation of a rule set version: who made it and how that is known (<c>byOrigin</c>: <c>signedIn</c>, <c>functionKey</c>, <c>declared</c> — blob metadata, not verified — <c>commandLine</c>, <c>system</c>), why, by what route.</summary>
public sealed record RuleVersionView(string Version, DateTimeOffset ActivatedAt, string By, AuthorOrigin ByOrigin, string Reason, string Source)
{
    /// <summary>The version it replaced; <c>null</c> for the first.</summary>
    public string? Previous { get; init; }
}

/// <summary>
/// A candidate refused: when, by whom, why it was proposed, by what route, its version (<c>null</c> when unknown), the
/// version that stayed in force, and its problems (in Russian; <see cref="ProblemCount"/> counts them all when the list is cut).
/// </summary>
public sealed record RuleRejectionView(
    DateTimeOffset At, string By, AuthorOrigin ByOrigin, string Reason, string Source, string? CandidateVersion, string? ActiveVersion, IReadOnlyList<string> Problems, int ProblemCount);
