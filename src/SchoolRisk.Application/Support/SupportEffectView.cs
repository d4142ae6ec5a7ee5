using SchoolRisk.Domain.Support.Effect;

namespace SchoolRisk.Application.Support;

/// <summary>
/// The answer of <c>GET /api/support/{period}/effect</c>: the effect of the support decided in <see cref="Period"/>
/// (<see cref="SupportEffect"/>), one and two periods later. <see cref="Region"/>: the rows count every supported school;
/// otherwise only the caller's municipality's (the comparison is region-wide either way, in counts and means only).
/// <see cref="Indicators"/> names each indicator of the rows' <see cref="IndicatorChange"/>s, in the same order.
/// <see cref="MinimumComparison"/>: below it a comparison's later period is withheld (<see cref="SupportEffect.MinimumComparison"/>).
/// </summary>
public sealed record SupportEffectView(
    string Period, bool Region, IReadOnlyList<SupportEffectRowView> Rows, IReadOnlyList<EffectIndicatorView> Indicators, int MinimumComparison = SupportEffect.MinimumComparison);

/// <summary>
/// A row: the kind (key like <c>subsidy</c>, <c>null</c> for any support; Russian title), the supported schools and the
/// comparison, each with its counts and what became of it each later period (<see cref="EffectGroup"/>: shares from 0 to 1,
/// index changes as z-scores, indicator changes in <see cref="EffectIndicatorView.ChangeUnit"/>; the comparison's shares and
/// means standardised to the supported schools' strata, a horizon <c>withheld</c> below <see cref="SupportEffect.MinimumComparison"/> schools).
/// </summary>
public sealed record SupportEffectRowView(string? Kind, string KindTitle, EffectGroup Supported, EffectGroup Comparison);

/// <summary>
/// An indicator of the effect table: its id; its Russian title (a yes/no fact's or a zone's says that its change is of the
/// share of schools); the unit its changes are written in (<see cref="Domain.Indicators.IndicatorUnits.ChangeSymbol"/>:
/// «п. п.», «шт.», …; empty for an index); and which direction of change is worse, <c>higher</c> or <c>lower</c>, or
/// <c>null</c> for a context indicator, whose change is neither.
/// </summary>
public sealed record EffectIndicatorView(string Id, string Title, string ChangeUnit, string? WorseWhen);
