namespace SchoolRisk.Domain.Indicators;

/// <summary>The unit of an indicator, which fixes the range a value may take.</summary>
public enum IndicatorUnit
{
    /// <summary>A share in percent: 0 to 100.</summary>
    Percent,

    /// <summary>A count: 0 or more.</summary>
    Count,

    /// <summary>A rate per 1000 students: 0 or more.</summary>
    PerThousand,
}
