using System.Globalization;
using System.Text;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Writing;

namespace SchoolRisk.Cli.Samples;

/// <summary>
/// Writes the sample data from a fixed seed, so the same seed always gives the same data:
/// <c>registry/municipalities.csv</c>, <c>registry/schools.csv</c>, <c>registry/recipients.csv</c> and one upload per municipality at
/// <c>uploads/{period}/{municipality}/schools.{csv|xlsx|json}</c>, the path it takes in the uploads container, its rubric
/// scores at <c>uploads/{period}/{municipality}/rubrics/rubrics.{csv|xlsx}</c> (<see cref="SampleRubrics"/>), and the
/// previous and next periods of <see cref="SampleRegion.Tracked"/>, the committee's federal list of the period at
/// <c>federal/{period}.csv</c> (<see cref="SampleFederalList"/>), and its support decisions of the previous period and the
/// period at <c>support/{period}.json</c> (<see cref="SampleSupport"/>). In the next period the schools supported in the
/// period improve more than the others, and schools that were recovering keep recovering, so that exits from the risk
/// group and an effect of support show.
/// Schools are drawn as normal (79%), weak (15%) or troubled (6%), so every zone has schools. Uploads come in the
/// forms municipalities send (<see cref="SampleRegion.FormatOf"/>), and two carry mistakes a report must catch.
/// </summary>
public static class SampleDataGenerator
{
    public const int DefaultSeed = 20232024;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <param name="folder">Where to write.</param>
    /// <param name="rubrics">The rubrics of the rule set, which the rubric sheets follow.</param>
    /// <param name="seed">The same seed gives the same data.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task WriteAsync(string folder, IReadOnlyDictionary<string, Rubric> rubrics, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rubrics);
        var random = new Random(seed);
        var more = new Random(seed + 1);
        var previous = new Random(seed + 2);
        var scores = new Random(seed + 3);
        var schools = SampleRegion.Municipalities.SelectMany(municipality => Schools(municipality, random, more)).ToList();

        await WriteRegistryAsync(folder, schools, cancellationToken);
        var before = await WritePreviousPeriodAsync(folder, schools, previous, cancellationToken);
        List<(RegisteredSchool School, double Quality)> now = [.. schools.Select(s => (s.School, s.Quality))];
        await SampleFederalList.WriteAsync(folder, now, new Random(seed + 4), cancellationToken);
        await SampleSupport.WriteAsync(folder, SampleRegion.PreviousPeriod, [.. schools.Select(s => (s.School, before.GetValueOrDefault(s.School.Id, s.Quality)))], cancellationToken);
        await SampleSupport.WriteAsync(folder, SampleRegion.Period, now, cancellationToken);
        await WriteNextPeriodAsync(folder, schools, before, SampleSupport.Supported(now), new Random(seed + 5), cancellationToken);
        foreach (var (municipality, index) in SampleRegion.Municipalities.Select((municipality, index) => (municipality, index)))
        {
            var own = schools.Where(s => s.School.MunicipalityId.ToString() == municipality.Id).ToList();
            var form = SampleRegion.FormatOf(municipality.Id);
            var weakest = own.OrderBy(s => s.Quality).Take(2).Select(s => s.School).ToList();
            var rubricSheet = SampleRubrics.For(municipality, index, weakest, rubrics, form.RussianHeaders, scores);
            await WriteSheetAsync(
                rubricSheet, form.Format == UploadFormat.Xlsx ? form : new SampleForm(UploadFormat.Csv, new UTF8Encoding(true), ';', false, true),
                Path.Combine(folder, "uploads", SampleRegion.Period, municipality.Id, UploadPath.RubricsFolder, "rubrics"), cancellationToken);
            var sheet = UploadSheet.For(own.Select(s => s.School), (school, indicator) => own.First(s => s.School == school).Values[indicator],
                form.RussianHeaders, form.RussianHeaders ? $"Сведения о школах: {municipality.Name}, {SampleRegion.Period} учебный год" : null);
            await WriteSheetAsync(WithMistakes(municipality.Id, sheet), form, Path.Combine(folder, "uploads", SampleRegion.Period, municipality.Id, "schools"), cancellationToken);
        }
    }

    /// <summary>Writes a sheet in a form to <paramref name="pathWithoutExtension"/> plus the form's extension.</summary>
    private static async Task WriteSheetAsync(UploadSheet sheet, SampleForm form, string pathWithoutExtension, CancellationToken cancellationToken)
    {
        var path = pathWithoutExtension + "." + form.Extension;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        switch (form.Format)
        {
            case UploadFormat.Xlsx:
                UploadSheetFiles.WriteXlsx(sheet, file);
                break;
            case UploadFormat.Json:
                await UploadSheetFiles.WriteJsonAsync(sheet, file, cancellationToken);
                break;
            default:
                await UploadSheetFiles.WriteCsvAsync(sheet, file, form.Encoding, form.Separator, form.DecimalComma ? Russian : CultureInfo.InvariantCulture, cancellationToken);
                break;
        }
    }

    /// <summary>The previous period of the tracked municipalities: the same schools, their quality drifted a little, as UTF-8 CSV.</summary>
    /// <returns>Each school's quality in that period.</returns>
    private static async Task<Dictionary<SchoolId, double>> WritePreviousPeriodAsync(string folder, List<SampleSchool> schools, Random random, CancellationToken cancellationToken)
    {
        var qualities = new Dictionary<SchoolId, double>();
        foreach (var municipalityId in SampleRegion.Tracked)
        {
            var own = schools.Where(s => s.School.MunicipalityId.ToString() == municipalityId).ToList();
            await WriteTrackedPeriodAsync(folder, SampleRegion.PreviousPeriod, municipalityId, own, s => qualities[s.School.Id] = s.Quality + Normal(random, 0, 0.3), random, cancellationToken);
        }

        return qualities;
    }

    /// <summary>
    /// The next period of the tracked municipalities, as UTF-8 CSV: each school's quality drifts a little from the period's,
    /// more upward for a school supported in the period, and for one recovering (weak the period before, better in the period).
    /// </summary>
    private static async Task WriteNextPeriodAsync(
        string folder, List<SampleSchool> schools, Dictionary<SchoolId, double> before, IReadOnlySet<SchoolId> supported, Random random, CancellationToken cancellationToken)
    {
        foreach (var municipalityId in SampleRegion.Tracked)
        {
            var own = schools.Where(s => s.School.MunicipalityId.ToString() == municipalityId).ToList();
            await WriteTrackedPeriodAsync(folder, SampleRegion.NextPeriod, municipalityId, own, s =>
            {
                var recovering = before[s.School.Id] < SampleSupport.WeakBelow && s.Quality > before[s.School.Id] + 0.3;
                return s.Quality + Normal(random, 0.1, 0.3) + (supported.Contains(s.School.Id) ? 0.8 : 0) + (recovering ? 0.5 : 0);
            }, random, cancellationToken);
        }
    }

    private static async Task WriteTrackedPeriodAsync(
        string folder, string period, string municipalityId, List<SampleSchool> own, Func<SampleSchool, double> qualityOf, Random random, CancellationToken cancellationToken)
    {
        var drawn = own.Select(s =>
            {
                var quality = qualityOf(s);
                var secondary = s.School.Level == "secondary";
                return (s.School, Values: Values(quality, secondary, random).Concat(MoreValues(quality, secondary, random)).ToDictionary());
            })
            .ToList();
        var sheet = UploadSheet.For(drawn.Select(s => s.School), (school, indicator) => drawn.First(s => s.School == school).Values[indicator], false, null);
        var path = Path.Combine(folder, "uploads", period, municipalityId, "schools.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await UploadSheetFiles.WriteCsvAsync(sheet, file, new UTF8Encoding(false), ',', CultureInfo.InvariantCulture, cancellationToken);
    }

    /// <summary>luzhsky: a share above 100 and a school not in the registry; tosnensky: a school's row twice.</summary>
    private static UploadSheet WithMistakes(string municipalityId, UploadSheet sheet)
    {
        var rows = sheet.Rows.ToList();
        var minLevel = 2 + IndicatorCatalog.All.ToList().IndexOf(IndicatorCatalog.MinLevelShare);
        switch (municipalityId)
        {
            case "luzhsky":
                rows[3] = [.. rows[3].Select((cell, index) => index == minLevel ? 101.5m : cell)];
                rows.Add([.. rows[0].Select((cell, index) => index == 0 ? "luzhsky-999" : index == 1 ? "МОУ «Лужская СОШ № 999»" : cell)]);
                break;
            case "tosnensky":
                rows.Insert(5, rows[4]);
                break;
        }

        return sheet with { Rows = rows };
    }

    private static async Task WriteRegistryAsync(string folder, List<SampleSchool> schools, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "registry"));
        var municipalities = new StringBuilder("municipality_id,name\n");
        foreach (var municipality in SampleRegion.Municipalities)
        {
            municipalities.Append(CultureInfo.InvariantCulture, $"{municipality.Id},{SpreadsheetText.CsvField(municipality.Name, ',')}\n");
        }

        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment,district\n");
        foreach (var school in schools.Select(s => s.School))
        {
            registry.Append(CultureInfo.InvariantCulture,
                $"{school.Id},{SpreadsheetText.CsvField(school.Name, ',')},{school.MunicipalityId},{school.Level},{school.Settlement},{(school.Remote ? "yes" : "no")},{school.Enrolment},{SampleRegion.DistrictOf(school.MunicipalityId.ToString())}\n");
        }

        var recipients = new StringBuilder("recipient_id,name,email,webhook_url,webhook_secret\n");
        foreach (var municipality in SampleRegion.Municipalities)
        {
            // A municipal district is «… район»; the city district's name already says what it is («… городской округ»).
            var name = municipality.Name.EndsWith("округ", StringComparison.Ordinal) ? municipality.Name : $"{municipality.Name} район";
            recipients.Append(CultureInfo.InvariantCulture, $"{municipality.Id},{SpreadsheetText.CsvField(name, ',')},{municipality.Id}@edu.example.ru,,\n");
        }

        recipients.Append("committee,Комитет общего и профессионального образования,monitoring@edu.example.ru,,\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "registry", "municipalities.csv"), municipalities.ToString(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "registry", "recipients.csv"), recipients.ToString(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "registry", "schools.csv"), registry.ToString(), cancellationToken);
    }

    /// <param name="municipality">Whose schools.</param>
    /// <param name="random">Draws the schools and their exam and assessment results.</param>
    /// <param name="more">Draws the further indicators, so adding them left the earlier draws, and the samples, as they were.</param>
    private static IEnumerable<SampleSchool> Schools(SampleMunicipality municipality, Random random, Random more)
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
            var school = new RegisteredSchool(
                SchoolId.Parse($"{municipality.Id}-{number:000}"), $"МОУ «{municipality.SchoolAdjective} {kind} № {number}»", MunicipalityId.Parse(municipality.Id),
                secondary ? "secondary" : "basic", urban ? "urban" : "rural", remote, enrolment);
            yield return new SampleSchool(school, quality, Values(quality, secondary, random).Concat(MoreValues(quality, secondary, more)).ToDictionary());
        }
    }

    private static Dictionary<Indicator, decimal?> Values(double q, bool secondary, Random random)
    {
        decimal? Share(double mean, double slope, double noise) =>
            Math.Round((decimal)Math.Clamp(mean + (slope * q) + Normal(random, 0, noise), 0, 100), 1);

        // Basic-only schools end at grade 9: no unified state exam (ЕГЭ), so no ЕГЭ indicators.
        var ege = Share(3, -2.5, 1.2);
        var medalists = Share(15, -12, 6);
        return new Dictionary<Indicator, decimal?>
        {
            [IndicatorCatalog.EgeBelowMinShare] = secondary ? ege : null,
            [IndicatorCatalog.OgeFailShare] = Share(3, -2.5, 1.2),
            [IndicatorCatalog.MedalistsBelow70Share] = secondary ? medalists : null,
            [IndicatorCatalog.MinLevelShare] = Share(97.5, 2.5, 0.8),
            [IndicatorCatalog.HighLevelShare] = Share(25, 8, 4),
            [IndicatorCatalog.VprFailShare] = Share(8, -6, 3),
            [IndicatorCatalog.VprLoweredShare] = Share(15, -10, 6),
        };
    }

    private static Dictionary<Indicator, decimal?> MoreValues(double q, bool secondary, Random random)
    {
        decimal Clamp(double value, double max, int decimals) => Math.Round((decimal)Math.Clamp(value, 0, max), decimals);
        decimal Flag(double probability) => random.NextDouble() < probability ? 1 : 0;
        var inspection = q < -2.6 ? 2 : q < -1.5 && random.NextDouble() < 0.5 ? 1 : 0;
        return new Dictionary<Indicator, decimal?>
        {
            [IndicatorCatalog.FunctionalLiteracyShare] = Clamp(75 + (10 * q) + Normal(random, 0, 7), 100, 1),
            [IndicatorCatalog.RetentionShare] = Clamp(98.5 + q + Normal(random, 0, 0.6), 100, 1),
            [IndicatorCatalog.OffencesPer1000] = Clamp(2 - (1.5 * q) + Normal(random, 0, 1.2), 1000, 1),
            [IndicatorCatalog.TeachersTopCategoryShare] = Clamp(35 + (8 * q) + Normal(random, 0, 8), 100, 1),
            [IndicatorCatalog.SupervisionOrders] = Clamp(0.3 - (0.5 * q) + Normal(random, 0, 0.7), 100, 0),
            [IndicatorCatalog.InspectionZone] = inspection,
            [IndicatorCatalog.SocialWellbeingIndex] = Clamp(0.6 + (0.1 * q) + Normal(random, 0, 0.12), 1, 2),
            [IndicatorCatalog.OvzShare] = Clamp(5 + Normal(random, 0, 3), 100, 1),
            [IndicatorCatalog.MigrantShare] = Clamp(3 + Normal(random, 0, 3), 100, 1),
            [IndicatorCatalog.HasSportsClub] = Flag(0.8),
            [IndicatorCatalog.HasTheatre] = Flag(0.5),
            [IndicatorCatalog.HasMuseum] = Flag(0.6),
            [IndicatorCatalog.SptParticipation] = Flag(0.9),
            [IndicatorCatalog.OlympiadRegionalWinners] = Clamp((secondary ? 1 : 0.2) + (1.5 * q) + Normal(random, 0, 1), 100, 0),
        };
    }

    /// <summary>A normal draw (Box-Muller) from the seeded generator.</summary>
    private static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private sealed record SampleSchool(RegisteredSchool School, double Quality, IReadOnlyDictionary<Indicator, decimal?> Values);
}
