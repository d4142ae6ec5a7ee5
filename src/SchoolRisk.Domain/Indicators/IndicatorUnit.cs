namespace SchoolRisk.Domain.Indicators;

/// <summary>The unit of an indicator, which fixes how a value is written and the range it may take.</summary>
public enum IndicatorUnit
{
    /// <summary>A share in percent: 0 to 100.</summary>
    Percent,

    /// <summary>A count: 0 or more.</summary>
    Count,

    /// <summary>A rate per 1000 students: 0 or more.</summary>
    PerThousand,

    /// <summary>An index from 0 to 1.</summary>
    Index,

    /// <summary>Yes or no («да»/«нет», yes/no, 1/0), held as 1 or 0.</summary>
    Flag,

    /// <summary>A risk zone given as input («высокий»/«средний»/«нет», high/medium/none), held as 2, 1 or 0.</summary>
    Zone,
}
