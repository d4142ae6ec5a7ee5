using System.Globalization;
using System.Text;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Writing;

namespace SchoolRisk.Benchmarks;

/// <summary>A synthetic municipality «bench» of N schools, its registry, and its upload in each form, written to a folder.</summary>
public static class BenchmarkData
{
    public const string Municipality = "bench";

    public static readonly (string Name, string File)[] Forms =
    [
        ("CSV, Windows-1251, ;, decimal comma", "upload-1251.csv"),
        ("XLSX", "upload.xlsx"),
        ("JSON", "upload.json"),
    ];

    public static async Task<string> WriteAsync(int rows, string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(rows);
        var schools = Enumerable.Range(1, rows)
            .Select(n => new RegisteredSchool(SchoolId.Parse($"bench-{n:000000}"), $"МОУ «Школа № {n}»", Domain.Municipalities.MunicipalityId.Parse(Municipality), "secondary", "urban", false, 500))
            .ToList();
        var registry = new StringBuilder("school_id,school_name,municipality_id,level,settlement,remote,enrolment\n");
        foreach (var school in schools)
        {
            registry.Append(CultureInfo.InvariantCulture, $"{school.Id},{SpreadsheetText.CsvField(school.Name, ',')},{Municipality},secondary,urban,no,500\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "registry.csv"), registry.ToString());
        var values = schools.ToDictionary(s => s.Id, _ => IndicatorCatalog.All.ToDictionary(i => i, i => (decimal?)Value(i.Unit, random)));
        var sheet = UploadSheet.For(schools, (school, indicator) => values[school.Id][indicator], russianHeaders: true, "Сведения о школах");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using (var file = File.Create(Path.Combine(folder, Forms[0].File)))
        {
            await UploadSheetFiles.WriteCsvAsync(sheet, file, Encoding.GetEncoding(1251), ';', CultureInfo.GetCultureInfo("ru-RU"));
        }

        await using (var file = File.Create(Path.Combine(folder, Forms[1].File)))
        {
            UploadSheetFiles.WriteXlsx(sheet, file);
        }

        await using (var file = File.Create(Path.Combine(folder, Forms[2].File)))
        {
            await UploadSheetFiles.WriteJsonAsync(sheet, file);
        }

        return folder;
    }

    /// <summary>A random value of the unit's range, as a municipality would report it.</summary>
    public static decimal Value(IndicatorUnit unit, Random random) => unit switch
    {
        IndicatorUnit.Percent => Math.Round((decimal)(random.NextDouble() * 100), 1),
        IndicatorUnit.Count => random.Next(0, 6),
        IndicatorUnit.PerThousand => Math.Round((decimal)(random.NextDouble() * 15), 1),
        IndicatorUnit.Index => Math.Round((decimal)random.NextDouble(), 2),
        IndicatorUnit.Flag => random.Next(0, 2),
        _ => random.Next(0, 3),
    };

    public static async Task<SchoolRegistry> RegistryAsync(string folder)
    {
        await using var content = File.OpenRead(Path.Combine(folder, "registry.csv"));
        return await SchoolRegistry.ReadCsvAsync(content, "registry.csv");
    }

    public static async Task<SchoolEvaluator> EvaluatorAsync(string rulesFolder) =>
        new(await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(rulesFolder)), Domain.Zones.OverallZonePolicy.Default);

    /// <summary>What the Ingest function does with an upload's content: read it as a stream, check every row, evaluate the valid ones and keep their evaluations for writing.</summary>
    public static async Task<int> ReadAndEvaluateAsync(string file, SchoolRegistry registry, SchoolEvaluator evaluator)
    {
        await using var content = File.OpenRead(file);
        var reading = new UploadReading(content, new UploadPath(Domain.Periods.Period.Parse("2023-2024"), Domain.Municipalities.MunicipalityId.Parse(Municipality), Path.GetFileName(file)), registry, UploadLimits.Default);
        var evaluations = new List<SchoolEvaluation>();
        await foreach (var row in reading.ReadValidRowsAsync())
        {
            evaluations.Add(evaluator.Evaluate(row));
        }

        return evaluations.Count;
    }
}
