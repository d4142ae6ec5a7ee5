using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// What became of a group of schools <see cref="PeriodsLater"/> periods after the period of support. The counts are the
/// group's own; the shares and means of a comparison group are standardised to the supported schools' strata
/// (<see cref="SupportEffect"/>), so they need not equal the counts' ratio.
/// </summary>
/// <param name="PeriodsLater">1 or 2.</param>
/// <param name="Period">The later school year.</param>
/// <param name="Observed">Schools of the group with a result in the later period (a municipality that has not uploaded yet leaves its schools out).</param>
/// <param name="InGroupObserved">Of those, the ones that were in the low-result group in the period of support: the base of the shares.</param>
/// <param name="Left">Of <see cref="InGroupObserved"/>, the ones no longer in the group (exit confirmed by the risk group's exit criterion).</param>
/// <param name="Leaving">Of <see cref="InGroupObserved"/>, the ones whose results are no longer low but whose exit is not yet confirmed (<see cref="RiskGroups.RiskGroupStatus.Leaving"/>).</param>
/// <param name="LeftShare">The share of <see cref="InGroupObserved"/> that left, from 0 to 1 rounded to 4 decimals; <c>null</c> when none was in the group.</param>
/// <param name="NoLongerLowShare">The share of <see cref="InGroupObserved"/> whose results are no longer low (left or leaving), from 0 to 1 rounded to 4 decimals; <c>null</c> when none was in the group.</param>
/// <param name="MeanResultsIndexChange">The mean change of the results index (a z-score against the region, so a rise means better than the region before), rounded to 4 decimals; <c>null</c> when no school has the index in both periods.</param>
/// <param name="ResultsIndexCompared">How many schools have the results index in both periods.</param>
/// <param name="Indicators">Every indicator's mean change, in the catalogue's order.</param>
/// <param name="Withheld">
/// A comparison of fewer than <see cref="SupportEffect.MinimumComparison"/> observed schools: only <see cref="Observed"/> is
/// given, every other count 0 and every share and mean <c>null</c> (too little evidence, and a municipality would read
/// another's schools one by one).
/// </param>
public sealed record EffectHorizon(
    int PeriodsLater,
    Period Period,
    int Observed,
    int InGroupObserved,
    int Left,
    int Leaving,
    decimal? LeftShare,
    decimal? NoLongerLowShare,
    decimal? MeanResultsIndexChange,
    int ResultsIndexCompared,
    IReadOnlyList<IndicatorChange> Indicators,
    bool Withheld = false);
