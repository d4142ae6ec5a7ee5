using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Support.Effect;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Support;

/// <summary>
/// The effect of support (issue 23, item 5), read from storage: the period's decisions (<see cref="SupportDecisionTable"/>),
/// the stored results of that period and the two after it (<see cref="ResultTable"/>), and the registry for each school's
/// programme level; computed by <see cref="SupportEffect.Of"/>. For the door <c>GET /api/support/{period}/effect</c>,
/// the committee's digest and the municipalities' analytical notes.
/// </summary>
public sealed class SupportEffectQuery(SupportDecisionTable decisions, ResultTable results, SchoolRegistryBlob registry)
{
    /// <param name="scope">What the caller may see: a municipality's key counts its own supported schools only.</param>
    /// <param name="period">The period of support, like <c>2023-2024</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The effect, one and two periods later as far as there are results; not a period: why not.</returns>
    public async Task<ViewAnswer<SupportEffectView>> GetAsync(AccessScope scope, string? period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<SupportEffectView>(period);
        }

        var effects = await OfAsync(parsed, parsed.Plus(SupportEffect.Horizons), school => scope.Sees(school.MunicipalityId.ToString()), cancellationToken);
        return ViewAnswer.Found(new SupportEffectView(
            parsed.ToString(),
            scope.Region,
            [.. effects.Select(effect => new SupportEffectRowView(effect.Kind?.ToKey(), effect.KindTitle, effect.Supported, effect.Comparison))],
            [.. IndicatorCatalog.All.Select(indicator => new EffectIndicatorView(
                indicator.Id,
                indicator.Unit switch
                {
                    IndicatorUnit.Flag => $"{indicator.Title}: доля школ, где есть",
                    IndicatorUnit.Zone => $"{indicator.Title}: доля школ в зоне риска",
                    _ => indicator.Title,
                },
                indicator.Unit.ChangeSymbol(),
                indicator.Context ? null : indicator.WorseWhen == WorseWhen.Higher ? "higher" : "lower"))]));
    }

    /// <summary>
    /// What a report of <paramref name="period"/> says of support: the effect of the support decided one and two periods
    /// before it, each as of <paramref name="period"/> (later results are not looked at), the earlier period first. Reads
    /// storage once; the answer counts the supported schools a reader is given (all for the committee, a municipality's
    /// own for its note).
    /// </summary>
    /// <param name="period">The period reported.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Func<Func<RegisteredSchool, bool>, IReadOnlyList<SupportEffect>>> ReportedInAsync(Period period, CancellationToken cancellationToken)
    {
        var loaded = new List<(Period Period, IReadOnlyList<SupportDecision> Decided, Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>> Observations)>();
        for (var before = SupportEffect.Horizons; before >= 1; before--)
        {
            var decided = period.Plus(-before);
            if (await LoadAsync(decided, period, cancellationToken) is { } found)
            {
                loaded.Add((decided, found.Decided, found.Observations));
            }
        }

        return counted => [.. loaded.SelectMany(effect => SupportEffect.Of(effect.Period, effect.Decided, effect.Observations, period, counted))];
    }

    private async Task<IReadOnlyList<SupportEffect>> OfAsync(Period period, Period latest, Func<RegisteredSchool, bool> counted, CancellationToken cancellationToken) =>
        await LoadAsync(period, latest, cancellationToken) is { } found ? SupportEffect.Of(period, found.Decided, found.Observations, latest, counted) : [];

    /// <summary>
    /// The period's decisions with those of the periods around it (which keep schools out of the comparison), and the
    /// results from it to <paramref name="latest"/>; <c>null</c> when nothing was decided in the period.
    /// </summary>
    private async Task<(IReadOnlyList<SupportDecision> Decided, Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>> Observations)?> LoadAsync(
        Period period, Period latest, CancellationToken cancellationToken)
    {
        var decided = await decisions.ListAsync(period, cancellationToken);
        if (decided.Count == 0)
        {
            return null;
        }

        // A school supported shortly before or after is no comparison school (SupportEffect.Of).
        for (var around = period.Plus(-SupportEffect.Horizons); around.StartYear <= Math.Min(period.StartYear + SupportEffect.Horizons, latest.StartYear); around = around.Next)
        {
            if (around != period)
            {
                decided = [.. decided, .. await decisions.ListAsync(around, cancellationToken)];
            }
        }

        var registered = await registry.LoadAsync(cancellationToken);
        var observations = new Dictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>>();
        for (var current = period; current.StartYear <= latest.StartYear; current = current.Next)
        {
            var schools = await results.ListAsync(current, cancellationToken)
                .Select(result => registered.Find(result.SchoolId) is { } school
                    ? new EffectObservation(school, result.Classification, result.Indicators.ToDictionary(indicator => indicator.Key, indicator => indicator.Value.Value))
                    : null)
                .OfType<EffectObservation>()
                .ToDictionaryAsync(school => school.School.Id, cancellationToken: cancellationToken);
            if (schools.Count > 0)
            {
                observations[current] = schools;
            }
        }

        return (decided, observations);
    }
}
