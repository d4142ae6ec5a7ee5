namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// The mean change of one indicator over a group of schools, from the period of support to a later one: later value
/// minus earlier value, in the indicator's own unit, averaged over the <paramref name="Compared"/> schools that reported
/// it in both periods; <c>null</c> when none did. A yes/no indicator's change is that of the share of schools with «да»,
/// a zone's that of the share in a risk zone, both in percentage points. Whether a rise is better depends on the
/// indicator's <see cref="Indicators.Indicator.WorseWhen"/>, and for a context indicator on nothing
/// (<see cref="Indicators.Indicator.Context"/>).
/// </summary>
/// <param name="IndicatorId">The indicator's stable id, like <c>ege_below_min_share</c>.</param>
/// <param name="MeanChange">The mean change, rounded to 4 decimals; <c>null</c> with no school to compare.</param>
/// <param name="Compared">How many schools reported the indicator in both periods.</param>
public sealed record IndicatorChange(string IndicatorId, decimal? MeanChange, int Compared);
