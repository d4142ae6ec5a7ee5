namespace SchoolRisk.Domain.Classification;

/// <summary>What the classification rules know of one school (their <c>input1</c>): its results index and context, and counts of its indicator zones.</summary>
public sealed class ClassificationInput
{
    public static ClassificationInput Empty { get; } = new();

    public decimal? ResultsIndex { get; init; }

    public decimal? SocialWellbeingIndex { get; init; }

    public decimal? OvzShare { get; init; }

    public decimal? MigrantShare { get; init; }

    /// <summary>Remote school, from the registry.</summary>
    public bool Remote { get; init; }

    /// <summary>Students enrolled, from the registry.</summary>
    public int Enrolment { get; init; }

    /// <summary>Zone of the share of ВПР results below the journal mark: 2 high, 1 medium, 0 none.</summary>
    public int VprLoweredZone { get; init; }

    /// <summary>Zone of the share of medalists below 70: 2 high, 1 medium, 0 none.</summary>
    public int MedalistsZone { get; init; }

    /// <summary>Indicators with a zone rule for which the school reported a value.</summary>
    public int IndicatorsWithValue { get; init; }

    /// <summary>Of those, how many are in no risk zone: the thresholds the school meets.</summary>
    public int IndicatorsMeetingThresholds { get; init; }
}
