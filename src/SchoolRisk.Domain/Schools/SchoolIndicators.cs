using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// The indicator values of one school for one period: the rules engine's <c>input1</c>.
/// A typed class with <see cref="decimal"/>? properties, so a missing value is <c>null</c> (no rule fires on it)
/// and thresholds compare exactly. Values are set once, through <see cref="Create"/>.
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
