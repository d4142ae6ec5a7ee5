using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Benchmarks;

/// <summary>
/// A synthetic, seeded country: <see cref="Municipalities"/> municipalities of <see cref="SchoolsPerMunicipality"/>
/// schools (40,000), every indicator of the catalog reported (the naive baseline errs on a missing value). An indicator
/// with rules is in its high band for 0.5 % of schools and its medium band for 3 %, drawn from the rules' own
/// thresholds, so zones are as rare as in the sample region and values meet every threshold's edge.
/// </summary>
public static class NationalData
{
    public const int Municipalities = 2_000;

    public const int SchoolsPerMunicipality = 20;

    public const int Schools = Municipalities * SchoolsPerMunicipality;

    public static string MunicipalityId(int index) => $"m{index:0000}";

    /// <summary>The first <paramref name="count"/> schools of the country, municipality by municipality; the same for the same rules and seed.</summary>
    public static IReadOnlyList<(string MunicipalityId, SchoolRow School)> Generate(IEnumerable<ZoneRule> rules, int count = Schools, int seed = 2024)
    {
        var thresholds = rules.GroupBy(rule => rule.Indicator.Id)
            .ToDictionary(group => group.Key, group => group.GroupBy(rule => rule.Zone).ToDictionary(zone => zone.Key, zone => zone.Min(rule => rule.Threshold)));
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var municipality = MunicipalityId(n / SchoolsPerMunicipality);
            var id = $"{municipality}-{n % SchoolsPerMunicipality:000}";
            var indicators = SchoolIndicators.Create(IndicatorCatalog.All.Select(indicator => new KeyValuePair<Indicator, decimal?>(
                indicator, thresholds.TryGetValue(indicator.Id, out var zones) ? Banded(indicator, zones, random) : BenchmarkData.Value(indicator.Unit, random))));
            return (municipality, new SchoolRow(n + 2, SchoolId.Parse(id), $"Школа {id}", indicators));
        })];
    }

    private static decimal Banded(Indicator indicator, Dictionary<Zone, decimal> zones, Random random)
    {
        var (low, high) = indicator.Unit switch
        {
            IndicatorUnit.Percent => (0m, 100m),
            IndicatorUnit.PerThousand => (0m, 15m),
            IndicatorUnit.Count => (0m, 5m),
            _ => (0m, 1m),
        };
        var draw = random.NextDouble();
        var target = draw < 0.005 ? Zone.High : draw < 0.035 ? Zone.Medium : Zone.None;
        var medium = zones.GetValueOrDefault(Zone.Medium, zones.GetValueOrDefault(Zone.High));
        var severe = zones.GetValueOrDefault(Zone.High, indicator.WorseWhen == WorseWhen.Higher ? high : low);
        var (from, to) = (target, indicator.WorseWhen) switch
        {
            (Zone.High, WorseWhen.Higher) => (severe, high),
            (Zone.Medium, WorseWhen.Higher) => (medium, severe),
            (_, WorseWhen.Higher) => (low, medium),
            (Zone.High, _) => (low, severe),
            (Zone.Medium, _) => (severe, medium),
            _ => (medium, high),
        };
        var value = from + ((to - from) * (decimal)random.NextDouble());
        return indicator.Unit is IndicatorUnit.Count or IndicatorUnit.Flag or IndicatorUnit.Zone ? Math.Round(value) : Math.Round(value, indicator.Unit == IndicatorUnit.Index ? 2 : 1);
    }
}
