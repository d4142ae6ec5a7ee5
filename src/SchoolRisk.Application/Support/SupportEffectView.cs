using SchoolRisk.Domain.Support.Effect;

namespace SchoolRisk.Application.Support;

/// <summary>
/// The answer of <c>GET /api/support/{period}/effect</c>: the effect of the support decided in <see cref="Period"/>
/// (<see cref="SupportEffect"/>), one and two periods later. <see cref="Region"/>: the rows count every supported school;
/// otherwise only the caller's municipality's (the comparison is region-wide either way, in counts and means only).
/// <see cref="Indicators"/> names each indicator of the rows' <see cref="IndicatorChange"/>s, in the same order.
/// </summary>
public sealed record SupportEffectView(string Period, bool Region, IReadOnlyList<SupportEffectRowView> Rows, IReadOnlyList<EffectIndicatorView> Indicators);

/// <summary>
/// A row: the kind (key like <c>subsidy</c>, <c>null</c> for any support; Russian title), the supported schools and the
/// comparison, each with its counts and what became of it each later period (<see cref="EffectGroup"/>: shares from 0 to 1,
/// index changes as z-scores, indicator changes in the indicator's unit).
/// </summary>
public sealed record SupportEffectRowView(string? Kind, string KindTitle, EffectGroup Supported, EffectGroup Comparison);

/// <summary>An indicator of the effect table: its id, Russian title, unit symbol (<c>%</c>, …) and which direction is worse (<c>higher</c> or <c>lower</c>).</summary>
public sealed record EffectIndicatorView(string Id, string Title, string Unit, string WorseWhen);
