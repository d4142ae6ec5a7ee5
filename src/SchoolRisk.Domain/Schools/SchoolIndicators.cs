using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// The indicator values of one school for one period: the rules engine's <c>input1</c>.
/// A typed class with <see cref="decimal"/>? properties, so a missing value is <c>null</c> (no rule fires on it)
/// and thresholds compare exactly. Flags are 1 or 0 and an input zone 2 (high), 1 (medium) or 0. Values are set once,
/// through <see cref="Create"/>. One property per indicator of <see cref="IndicatorCatalog"/>.
/// </summary>
public sealed class SchoolIndicators
{
    public static SchoolIndicators Empty { get; } = new();

    public decimal? EgeBelowMinShare { get; init; }

    public decimal? OgeFailShare { get; init; }

    public decimal? MedalistsBelow70Share { get; init; }

    public decimal? MinLevelShare { get; init; }

    public decimal? HighLevelShare { get; init; }

    public decimal? VprFailShare { get; init; }

    public decimal? VprLoweredShare { get; init; }

    public decimal? FunctionalLiteracyShare { get; init; }

    public decimal? RetentionShare { get; init; }

    public decimal? OffencesPer1000 { get; init; }

    public decimal? TeachersTopCategoryShare { get; init; }

    public decimal? SupervisionOrders { get; init; }

    public decimal? InspectionZone { get; init; }

    public decimal? SocialWellbeingIndex { get; init; }

    public decimal? OvzShare { get; init; }

    public decimal? MigrantShare { get; init; }

    public decimal? HasSportsClub { get; init; }

    public decimal? HasTheatre { get; init; }

    public decimal? HasMuseum { get; init; }

    public decimal? SptParticipation { get; init; }

    public decimal? OlympiadRegionalWinners { get; init; }

    /// <summary>Builds the values of one school from indicator/value pairs.</summary>
    public static SchoolIndicators Create(IEnumerable<KeyValuePair<Indicator, decimal?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var indicators = new SchoolIndicators();
        foreach (var (indicator, value) in values)
        {
            indicator.Write(indicators, value);
        }

        return indicators;
    }
}
