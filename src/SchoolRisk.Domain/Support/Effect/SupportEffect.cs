using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support.Effect;

/// <summary>
/// The effect of one kind of support decided in a period (issue 23, item 5): what became of the supported schools one
/// and two periods later, side by side with comparable schools that got no support at all from two periods before it to
/// two periods after it (the same <see cref="EffectStratum"/>: classification and programme level), with the counts, so
/// that a reader sees how much evidence there is. It compares; it does not claim the support caused the difference.
/// <para>
/// The comparison is directly standardised to the supported schools' mix: each of its shares and means is the mean of
/// its strata's own, each stratum weighted by the number of supported schools in it. So one supported ordinary school
/// among ten ШНОР weighs a tenth, however many ordinary schools the region has. Its counts stay raw.
/// </para>
/// </summary>
/// <param name="Period">The school year the support was decided for.</param>
/// <param name="Kind">The kind of support; <c>null</c> for any support (a school with several kinds counts once).</param>
/// <param name="Supported">The schools that got it.</param>
/// <param name="Comparison">The schools that got no support from <see cref="Horizons"/> periods before <paramref name="Period"/> to as many after it and share a stratum with a supported school.</param>
public sealed record SupportEffect(Period Period, SupportKind? Kind, EffectGroup Supported, EffectGroup Comparison)
{
    /// <summary>How many periods after the support the effect looks: one and two (issue 23, item 5).</summary>
    public const int Horizons = 2;

    /// <summary>
    /// The fewest comparison schools with a later result for which the comparison is shown (<see cref="EffectHorizon.Withheld"/>):
    /// fewer give too little evidence and would show a municipality other municipalities' schools one by one. Three, as
    /// the threshold rule of statistical disclosure control asks of a published aggregate (Hundepool et al.,
    /// «Statistical Disclosure Control», 2012).
    /// </summary>
    public const int MinimumComparison = 3;

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
            var weights = row.Supported.GroupBy(school => school.Stratum).ToDictionary(stratum => stratum.Key, stratum => stratum.Count());
            var comparison = unsupported.Where(school => weights.ContainsKey(school.Stratum)).ToList();
            return new SupportEffect(period, row.Kind, GroupOf(row.Supported, later, null), GroupOf(comparison, later, weights));
        })];
    }

    private static List<EffectObservation> Observed(HashSet<SchoolId> schools, IReadOnlyDictionary<SchoolId, EffectObservation> at, Func<RegisteredSchool, bool> counted) =>
        [.. schools.Select(at.GetValueOrDefault).OfType<EffectObservation>().Where(school => counted(school.School)).OrderBy(school => school.School.Id)];

    /// <summary>A group's counts and what became of it each later period.</summary>
    /// <param name="schools">The group's schools in the period of support.</param>
    /// <param name="later">The later periods with their schools.</param>
    /// <param name="weights">For the comparison, the number of supported schools in each stratum: its shares and means are standardised to them; <c>null</c> for the supported schools themselves.</param>
    private static EffectGroup GroupOf(
        List<EffectObservation> schools,
        List<(int PeriodsLater, Period Period, IReadOnlyDictionary<SchoolId, EffectObservation> Schools)> later,
        Dictionary<EffectStratum, int>? weights) =>
        new(schools.Count, schools.Count(school => school.Classification.LowResults), [.. later.Select(horizon => HorizonOf(schools, horizon.PeriodsLater, horizon.Period, horizon.Schools, weights))]);

    private static EffectHorizon HorizonOf(
        List<EffectObservation> schools, int periodsLater, Period period, IReadOnlyDictionary<SchoolId, EffectObservation> then, Dictionary<EffectStratum, int>? weights)
    {
        var pairs = schools.Select(school => (Before: school, After: then.GetValueOrDefault(school.School.Id))).Where(pair => pair.After is not null)
            .Select(pair => (pair.Before, After: pair.After!)).ToList();
        if (weights is not null && pairs.Count < MinimumComparison)
        {
            return new EffectHorizon(periodsLater, period, pairs.Count, 0, 0, 0, null, null, null, 0, [.. IndicatorCatalog.All.Select(indicator => new IndicatorChange(indicator.Id, null, 0))], Withheld: true);
        }

        var wasInGroup = pairs.Where(pair => pair.Before.Classification.LowResults).ToList();
        var left = wasInGroup.Count(pair => !pair.After.Classification.LowResults);
        var leaving = wasInGroup.Count(pair => pair.After.Classification.LowResults && pair.After.Classification.RiskGroup.Status == RiskGroupStatus.Leaving);
        var index = MeanChange(pairs.Select(pair => (pair.Before.Stratum, pair.Before.Classification.ResultsIndex, pair.After.Classification.ResultsIndex)), weights);
        return new EffectHorizon(
            periodsLater,
            period,
            pairs.Count,
            wasInGroup.Count,
            left,
            leaving,
            Mean(wasInGroup.Select(pair => (pair.Before.Stratum, Share(!pair.After.Classification.LowResults))), weights).Mean,
            Mean(wasInGroup.Select(pair => (pair.Before.Stratum, Share(!pair.After.Classification.LowResults || pair.After.Classification.RiskGroup.Status == RiskGroupStatus.Leaving))), weights).Mean,
            index.Mean,
            index.Compared,
            [.. IndicatorCatalog.All.Select(indicator =>
            {
                var change = MeanChange(
                    pairs.Select(pair => (pair.Before.Stratum, Comparable(indicator, pair.Before.Values.GetValueOrDefault(indicator.Id)), Comparable(indicator, pair.After.Values.GetValueOrDefault(indicator.Id)))),
                    weights);
                return new IndicatorChange(indicator.Id, change.Mean, change.Compared);
            })]);
    }

    private static decimal Share(bool counted) => counted ? 1 : 0;

    /// <summary>
    /// An indicator's value as its mean change reads it: a yes/no fact as 100 for «да» and a zone as 100 in a risk zone
    /// (so a mean change is the change of the share of schools, in percentage points: averaging a zone's codes would mean
    /// nothing); any other value as it is.
    /// </summary>
    private static decimal? Comparable(Indicator indicator, decimal? value) => value is not { } known ? null : indicator.Unit switch
    {
        IndicatorUnit.Flag => known * 100,
        IndicatorUnit.Zone => known >= 1 ? 100 : 0,
        _ => known,
    };

    private static (decimal? Mean, int Compared) MeanChange(IEnumerable<(EffectStratum Stratum, decimal? Before, decimal? After)> values, Dictionary<EffectStratum, int>? weights) =>
        Mean(values.Where(value => value.Before is not null && value.After is not null).Select(value => (value.Stratum, value.After!.Value - value.Before!.Value)), weights);

    /// <summary>
    /// The mean of <paramref name="values"/>, rounded to 4 decimals, and how many there are; with <paramref name="weights"/>,
    /// the directly standardised mean: each stratum's own mean weighted by its weight, over the strata with a value.
    /// </summary>
    private static (decimal? Mean, int Compared) Mean(IEnumerable<(EffectStratum Stratum, decimal Value)> values, Dictionary<EffectStratum, int>? weights)
    {
        var known = values.ToList();
        if (known.Count == 0)
        {
            return (null, 0);
        }

        if (weights is null)
        {
            return (Math.Round(known.Average(value => value.Value), 4), known.Count);
        }

        var strata = known.GroupBy(value => value.Stratum).Select(stratum => (Weight: weights[stratum.Key], Mean: stratum.Average(value => value.Value))).ToList();
        return (Math.Round(strata.Sum(stratum => stratum.Weight * stratum.Mean) / strata.Sum(stratum => stratum.Weight), 4), known.Count);
    }
}
