using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.LocalHost;

namespace SchoolRisk.Cli.Tests.Samples;

public sealed class SampleDataTests
{
    private static readonly string Root = RepositoryLayout.FindRoot();

    [Fact]
    public async Task Generator_FixedSeed_ReproducesTheCommittedSamples()
    {
        var committed = Path.Combine(Root, "samples");
        var regenerated = Directory.CreateTempSubdirectory("schoolrisk-samples-").FullName;
        try
        {
            var rules = await RuleSet.LoadAsync(
                await RuleFiles.ReadDirectoryAsync(Path.Combine(Root, "rules"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            await SampleDataGenerator.WriteAsync(regenerated, rules.Rubrics, cancellationToken: TestContext.Current.CancellationToken);

            var expected = Files(committed);
            Assert.Equal(expected, Files(regenerated));
            // The registry's 3 files, a school and a rubric file per municipality, the tracked municipalities' previous and next
            // periods, the federal list, and the support decisions of two periods.
            Assert.Equal(3 + (2 * SampleRegion.Municipalities.Count) + (2 * SampleRegion.Tracked.Count) + 1 + 2, expected.Count);
            foreach (var file in expected)
            {
                // An .xlsx archive stamps its parts with the time of writing: compare what it holds.
                Assert.Equal(await ContentAsync(Path.Combine(committed, file)), await ContentAsync(Path.Combine(regenerated, file)));
            }
        }
        finally
        {
            Directory.Delete(regenerated, recursive: true);
        }
    }

    [Fact]
    public void SampleRegion_HasThe18MunicipalitiesAnd330Schools()
    {
        Assert.Equal(18, SampleRegion.Municipalities.Count);
        Assert.Equal(330, SampleRegion.Municipalities.Sum(m => m.SchoolCount));
        Assert.Equal(18, SampleRegion.Municipalities.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task SampleUploads_InEveryForm_ReadWithOnlyTheIntendedMistakes_AndPutSchoolsInEveryZone()
    {
        var registry = await RegistryAsync();
        var evaluator = new SchoolEvaluator(
            await RuleSet.LoadAsync(
                await RuleFiles.ReadDirectoryAsync(Path.Combine(Root, "rules"), TestContext.Current.CancellationToken),
                TestContext.Current.CancellationToken),
            OverallZonePolicy.Default);
        var zones = new List<Zone>();
        var skipped = new Dictionary<string, int>();
        foreach (var municipality in SampleRegion.Municipalities)
        {
            var folder = Path.Combine(Root, "samples", "uploads", SampleRegion.Period, municipality.Id);
            var file = Assert.Single(Directory.GetFiles(folder));
            await using var content = File.OpenRead(file);
            var reading = new UploadReading(
                content, new UploadPath(Period.Parse(SampleRegion.Period), MunicipalityId.Parse(municipality.Id), Path.GetFileName(file)), registry, UploadLimits.Default);
            await foreach (var row in reading.ReadValidRowsAsync(TestContext.Current.CancellationToken))
            {
                zones.Add(evaluator.Evaluate(row).OverallZone);
            }

            skipped[municipality.Id] = reading.SkippedRows;
        }

        Assert.Equal(2, skipped["luzhsky"]);
        Assert.Equal(1, skipped["tosnensky"]);
        Assert.Equal(3, skipped.Values.Sum());
        Assert.Equal(329, zones.Count);
        Assert.InRange(zones.Count(zone => zone == Zone.High), 5, 40);
        Assert.InRange(zones.Count(zone => zone == Zone.Medium), 20, 100);
        Assert.InRange(zones.Count(zone => zone == Zone.None), 200, 320);
    }

    [Fact]
    public async Task SampleRubricUploads_ReadWithOnlyTheIntendedMistakes_AndReachEveryBandAndTheTotalOf16()
    {
        var registry = await RegistryAsync();
        var rules = await RuleSet.LoadAsync(
            await RuleFiles.ReadDirectoryAsync(Path.Combine(Root, "rules"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var bands = new List<(string Municipality, string Rubric, int Total, RubricBand Band)>();
        var problems = new Dictionary<string, IReadOnlyList<UploadProblem>>();
        foreach (var municipality in SampleRegion.Municipalities)
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(Root, "samples", "uploads", SampleRegion.Period, municipality.Id, UploadPath.RubricsFolder)));
            await using var content = File.OpenRead(file);
            var reading = new RubricReading(
                content, new UploadPath(Period.Parse(SampleRegion.Period), MunicipalityId.Parse(municipality.Id), Path.GetFileName(file), UploadKind.Rubrics), registry, rules.Rubrics, UploadLimits.Default);
            await foreach (var row in reading.ReadValidRowsAsync(TestContext.Current.CancellationToken))
            {
                bands.Add((municipality.Id, row.Rubric.Id, row.Scores.Total, await rules.BandOfAsync(row.Rubric, row.Scores)));
            }

            problems[municipality.Id] = reading.Problems;
        }

        Assert.Contains("не указана оценка пункта 12 из 12", Assert.Single(problems["luzhsky"]).Message, StringComparison.Ordinal);
        Assert.Contains("не указана оценка пункта 17 из 43", Assert.Single(problems["tosnensky"]).Message, StringComparison.Ordinal);
        Assert.Equal(2, problems.Values.Sum(list => list.Count));
        Assert.Equal(("medium", 16), bands.Where(b => b.Municipality == "kirovsky" && b.Rubric == "young_teachers").Select(b => (b.Band.Name, b.Total)).Single());
        Assert.All(rules.Rubrics.Values.SelectMany(rubric => rubric.Bands.Select(band => (rubric.Id, band.Name))).Where(pair => pair.Id != "course_review"),
            pair => Assert.Contains(bands, b => b.Rubric == pair.Id && b.Band.Name == pair.Name));
        Assert.Contains(bands, b => b.Municipality == "podporozhsky" && b.Band.Zone == Zone.High);
    }

    private static async Task<SchoolRegistry> RegistryAsync()
    {
        await using var content = File.OpenRead(Path.Combine(Root, "samples", "registry", "schools.csv"));
        return await SchoolRegistry.ReadCsvAsync(content, "schools.csv", TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> ContentAsync(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return [Convert.ToBase64String(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken))];
        }

        await using var content = File.OpenRead(path);
        await using var table = await UploadTable.OpenAsync(content, path, UploadLimits.Default, _ => HeaderFit.Full, TestContext.Current.CancellationToken);
        return [string.Join('|', table.Header!.Cells), .. await table.DataRowsAsync().Select(row => string.Join('|', row.Cells)).ToListAsync(TestContext.Current.CancellationToken)];
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path)).Order(StringComparer.Ordinal)];
}
