using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// The effect of one kind of support decided in a period (issue 23, item 5): what became of the supported schools one
/// and two periods later, side by side with comparable schools that got no support at all from two periods before it to
/// two periods after it (the same <see cref="EffectObservation.Stratum"/>: classification and programme level), with the counts, so that a reader sees
/// how much evidence there is. It compares; it does not claim the support caused the difference.
/// </summary>
/// <param name="Period">The school year the support was decided for.</param>
/// <param name="Kind">The kind of support; <c>null</c> for any support (a school with several kinds counts once).</param>
/// <param name="Supported">The schools that got it.</param>
/// <param name="Comparison">The schools that got no support from <see cref="Horizons"/> periods before <paramref name="Period"/> to as many after it and share a stratum with a supported school, pooled.</param>
public sealed record SupportEffect(Period Period, SupportKind? Kind, EffectGroup Supported, EffectGroup Comparison)
{
    /// <summary>How many periods after the support the effect looks: one and two (issue 23, item 5).</summary>
    public const int Horizons = 2;

    /// <summary>The kind in Russian, or «любая поддержка».</summary>
    public string KindTitle => Kind?.Title() ?? "любая поддержка";

    /// <summary>
    /// The effect of the support decided in <paramref name="period"/>: a row for each kind with a supported school, in the
    /// order of <see cref="SupportKinds.Kinds"/>, then a row for any support when there are two kinds or more. A supported
    /// school without a result in <paramref name="period"/> is left out (there is nothing to compare it from).
    /// </summary>
    /// <param name="period">The period of support.</param>
    /// <param name="decisions">
    /// The decisions of <paramref name="period"/>, which make the rows, and of the <see cref="Horizons"/> periods before and
    /// after it (to <paramref name="latest"/>): a school supported in any of them is no comparison school, its later
    /// results being those of support too. Those of other periods are ignored.
    /// </param>
    /// <param name="observations">The schools with a result, by period: <paramref name="period"/> and the periods after it.</param>
    /// <param name="latest">The last period to look at: later periods are ignored, so that a digest of a period reads as it did then.</param>
    /// <param name="counted">Which supported schools count (a municipality's note: its own); the comparison is always region-wide.</param>
    /// <returns>The rows; empty when nothing was decided or the period has no results.</returns>
    public static IReadOnlyList<SupportEffect> Of(
        Period period,
        IReadOnlyList<SupportDecision> decisions,
        IReadOnlyDictionary<Period, IReadOnlyDictionary<SchoolId, EffectObservation>> observations,
        Period latest,
        Func<RegisteredSchool, bool> counted)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(counted);
        if (!observations.TryGetValue(period, out var at))
        {
            return [];
        }

        var decided = decisions.Where(decision => decision.Period == period).ToList();
        var anySupport = decided.Select(decision => decision.SchoolId).ToHashSet();
        var supportedAround = decisions
            .Where(decision => Math.Abs(decision.Period.StartYear - period.StartYear) <= Horizons && decision.Period.StartYear <= latest.StartYear)
            .Select(decision => decision.SchoolId).ToHashSet();
        var unsupported = at.Values.Where(school => !supportedAround.Contains(school.School.Id)).ToList();
        var later = Enumerable.Range(1, Horizons)
            .Select(periodsLater => (PeriodsLater: periodsLater, Period: period.Plus(periodsLater)))
            .TakeWhile(horizon => horizon.Period.StartYear <= latest.StartYear && observations.ContainsKey(horizon.Period))
            .Select(horizon => (horizon.PeriodsLater, horizon.Period, Schools: observations[horizon.Period]))
            .ToList();

        var rows = SupportKinds.Kinds
            .Select(kind => (Kind: (SupportKind?)kind, Schools: decided.Where(decision => decision.Kind == kind).Select(decision => decision.SchoolId).ToHashSet()))
            .Select(cohort => (cohort.Kind, Supported: Observed(cohort.Schools, at, counted)))
            .Where(cohort => cohort.Supported.Count > 0)
            .ToList();
        if (rows.Count > 1)
        {
            rows.Add((null, Observed(anySupport, at, counted)));
        }

        return [.. rows.Select(row =>
        {
            var strata = row.Supported.Select(school => school.Stratum).ToHashSet();
            var comparison = unsupported.Where(school => strata.Contains(school.Stratum)).ToList();
            return new SupportEffect(period, row.Kind, GroupOf(row.Supported, later), GroupOf(comparison, later));
        })];
    }

    private static List<EffectObservation> Observed(HashSet<SchoolId> schools, IReadOnlyDictionary<SchoolId, EffectObservation> at, Func<RegisteredSchool, bool> counted) =>
        [.. schools.Select(at.GetValueOrDefault).OfType<EffectObservation>().Where(school => counted(school.School)).OrderBy(school => school.School.Id)];

    private static EffectGroup GroupOf(
        List<EffectObservation> schools, List<(int PeriodsLater, Period Period, IReadOnlyDictionary<SchoolId, EffectObservation> Schools)> later) =>
        new(schools.Count, schools.Count(school => school.Classification.LowResults), [.. later.Select(horizon => HorizonOf(schools, horizon.PeriodsLater, horizon.Period, horizon.Schools))]);

    private static EffectHorizon HorizonOf(List<EffectObservation> schools, int periodsLater, Period period, IReadOnlyDictionary<SchoolId, EffectObservation> then)
    {
        var pairs = schools.Select(school => (Before: school, After: then.GetValueOrDefault(school.School.Id))).Where(pair => pair.After is not null)
            .Select(pair => (pair.Before, After: pair.After!)).ToList();
        var wasInGroup = pairs.Where(pair => pair.Before.Classification.LowResults).ToList();
        var index = MeanChange(pairs.Select(pair => (pair.Before.Classification.ResultsIndex, pair.After.Classification.ResultsIndex)));
        return new EffectHorizon(
            periodsLater,
            period,
            pairs.Count,
            wasInGroup.Count,
            wasInGroup.Count(pair => !pair.After.Classification.LowResults),
            wasInGroup.Count(pair => pair.After.Classification.LowResults && pair.After.Classification.RiskGroup.Status == RiskGroupStatus.Leaving),
            index.Mean,
            index.Compared,
            [.. IndicatorCatalog.All.Select(indicator =>
            {
                var change = MeanChange(pairs.Select(pair => (pair.Before.Values.GetValueOrDefault(indicator.Id), pair.After.Values.GetValueOrDefault(indicator.Id))));
                return new IndicatorChange(indicator.Id, change.Mean, change.Compared);
            })]);
    }

    private static (decimal? Mean, int Compared) MeanChange(IEnumerable<(decimal? Before, decimal? After)> values)
    {
        var changes = values.Where(value => value.Before is not null && value.After is not null).Select(value => value.After!.Value - value.Before!.Value).ToList();
        return changes.Count == 0 ? (null, 0) : (Math.Round(changes.Average(), 4), changes.Count);
    }
}
