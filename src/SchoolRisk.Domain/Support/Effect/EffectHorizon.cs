using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// What became of a group of schools <see cref="PeriodsLater"/> periods after the period of support.
/// </summary>
/// <param name="PeriodsLater">1 or 2.</param>
/// <param name="Period">The later school year.</param>
/// <param name="Observed">Schools of the group with a result in the later period (a municipality that has not uploaded yet leaves its schools out).</param>
/// <param name="InGroupObserved">Of those, the ones that were in the low-result group in the period of support: the base of <see cref="LeftShare"/>.</param>
/// <param name="Left">Of <see cref="InGroupObserved"/>, the ones no longer in the group (exit confirmed by the risk group's exit criterion).</param>
/// <param name="Leaving">Of <see cref="InGroupObserved"/>, the ones whose results are no longer low but whose exit is not yet confirmed (<see cref="RiskGroups.RiskGroupStatus.Leaving"/>).</param>
/// <param name="MeanResultsIndexChange">The mean change of the results index (a z-score against the region, so a rise means better than the region before), rounded to 4 decimals; <c>null</c> when no school has the index in both periods.</param>
/// <param name="ResultsIndexCompared">How many schools have the results index in both periods.</param>
/// <param name="Indicators">Every indicator's mean change, in the catalogue's order.</param>
public sealed record EffectHorizon(
    int PeriodsLater,
    Period Period,
    int Observed,
    int InGroupObserved,
    int Left,
    int Leaving,
    decimal? MeanResultsIndexChange,
    int ResultsIndexCompared,
    IReadOnlyList<IndicatorChange> Indicators)
{
    /// <summary><see cref="Left"/> of <see cref="InGroupObserved"/>, from 0 to 1 rounded to 4 decimals; <c>null</c> when none was in the group.</summary>
    public decimal? LeftShare => InGroupObserved == 0 ? null : Math.Round((decimal)Left / InGroupObserved, 4);

    /// <summary><see cref="Left"/> and <see cref="Leaving"/> together of <see cref="InGroupObserved"/>: the schools whose results are no longer low; <c>null</c> when none was in the group.</summary>
    public decimal? NoLongerLowShare => InGroupObserved == 0 ? null : Math.Round((decimal)(Left + Leaving) / InGroupObserved, 4);
}
