using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Cli.Samples;

/// <summary>
/// Writes the sample data from a fixed seed, so the same seed always gives the same files:
/// <c>registry/municipalities.csv</c>, <c>registry/schools.csv</c> and one upload per municipality at
/// <c>uploads/{period}/{municipality}/schools.csv</c>, the path it takes in the uploads container.
/// Schools are drawn as normal (79%), weak (15%) or troubled (6%), so every zone has schools.
/// </summary>
public static class SampleDataGenerator
{
    public const int DefaultSeed = 20232024;

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static async Task WriteAsync(string folder, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var schools = SampleRegion.Municipalities.SelectMany(municipality => Schools(municipality, random)).ToList();

        await WriteCsvAsync(Path.Combine(folder, "registry", "municipalities.csv"), ["municipality_id", "name"],
            SampleRegion.Municipalities.Select(m => new[] { m.Id, m.Name }), cancellationToken);
        await WriteCsvAsync(Path.Combine(folder, "registry", "schools.csv"),
            ["school_id", "school_name", "municipality_id", "level", "settlement", "remote", "enrolment"],
            schools.Select(s => new[]
            {
                s.Id, s.Name, s.MunicipalityId, s.Secondary ? "secondary" : "basic", s.Urban ? "urban" : "rural",
                s.Remote ? "yes" : "no", s.Enrolment.ToString(CultureInfo.InvariantCulture),
            }),
            cancellationToken);

        string[] header = [SchoolRowCsvReader.SchoolIdColumn, SchoolRowCsvReader.SchoolNameColumn, .. IndicatorCatalog.All.Select(i => i.Id)];
        foreach (var municipality in SampleRegion.Municipalities)
        {
            var rows = schools.Where(s => s.MunicipalityId == municipality.Id).Select(s => (string[])[
                s.Id, s.Name, .. IndicatorCatalog.All.Select(indicator => Format(s.Values.GetValueOrDefault(indicator.Id)))]);
            await WriteCsvAsync(Path.Combine(folder, "uploads", SampleRegion.Period, municipality.Id, "schools.csv"), header, rows, cancellationToken);
        }
    }

    private static IEnumerable<SampleSchool> Schools(SampleMunicipality municipality, Random random)
    {
        for (var number = 1; number <= municipality.SchoolCount; number++)
        {
            var secondary = random.NextDouble() < 0.82;
            var urban = random.NextDouble() < 0.55;
            var remote = !urban && random.NextDouble() < 0.25;
            var enrolment = (secondary, urban) switch
            {
                (true, true) => random.Next(400, 1500),
                (true, false) => random.Next(60, 450),
                _ => random.Next(25, 250),
            };
            var draw = random.NextDouble();
            var quality = draw < 0.06 ? Normal(random, -2.5, 0.5) : draw < 0.21 ? Normal(random, -1.2, 0.5) : Normal(random, 0.3, 0.7);
            var kind = secondary ? "СОШ" : "ООШ";
            yield return new SampleSchool(
                $"{municipality.Id}-{number:000}",
                $"МОУ «{municipality.SchoolAdjective} {kind} № {number}»",
                municipality.Id,
                secondary,
                urban,
                remote,
                enrolment,
                Values(quality, secondary, random));
        }
    }

    private static Dictionary<string, decimal?> Values(double q, bool secondary, Random random)
    {
        decimal? Share(double mean, double slope, double noise) =>
            Math.Round((decimal)Math.Clamp(mean + (slope * q) + Normal(random, 0, noise), 0, 100), 1);

        // Basic-only schools end at grade 9: no unified state exam (ЕГЭ), so no ЕГЭ indicators.
        var ege = Share(3, -2.5, 1.2);
        var medalists = Share(15, -12, 6);
        return new Dictionary<string, decimal?>
        {
            [IndicatorCatalog.EgeBelowMinShare.Id] = secondary ? ege : null,
            [IndicatorCatalog.OgeFailShare.Id] = Share(3, -2.5, 1.2),
            [IndicatorCatalog.MedalistsBelow70Share.Id] = secondary ? medalists : null,
            [IndicatorCatalog.MinLevelShare.Id] = Share(97.5, 2.5, 0.8),
            [IndicatorCatalog.HighLevelShare.Id] = Share(25, 8, 4),
            [IndicatorCatalog.VprFailShare.Id] = Share(8, -6, 3),
            [IndicatorCatalog.VprLoweredShare.Id] = Share(15, -10, 6),
        };
    }

    /// <summary>A normal draw (Box-Muller) from the seeded generator.</summary>
    private static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static string Format(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;

    private static async Task WriteCsvAsync(string path, string[] header, IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using var csv = new CsvWriter(writer, Csv);
        foreach (var row in rows.Prepend(header))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
        }
    }

    private sealed record SampleSchool(
        string Id, string Name, string MunicipalityId, bool Secondary, bool Urban, bool Remote, int Enrolment,
        IReadOnlyDictionary<string, decimal?> Values);
}
