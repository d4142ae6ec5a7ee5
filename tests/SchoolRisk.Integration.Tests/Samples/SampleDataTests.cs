using SchoolRisk.Cli.Samples;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;
using SchoolRisk.LocalHost;

namespace SchoolRisk.Integration.Tests.Samples;

public sealed class SampleDataTests
{
    [Fact]
    public async Task Generator_FixedSeed_ReproducesTheCommittedSamplesByteForByte()
    {
        var committed = Path.Combine(RepositoryLayout.FindRoot(), "samples");
        var regenerated = Directory.CreateTempSubdirectory("schoolrisk-samples-").FullName;
        try
        {
            await SampleDataGenerator.WriteAsync(regenerated, cancellationToken: TestContext.Current.CancellationToken);

            var expected = Files(committed);
            Assert.Equal(expected, Files(regenerated));
            Assert.Equal(2 + SampleRegion.Municipalities.Count, expected.Count);
            foreach (var file in expected)
            {
                Assert.Equal(
                    await File.ReadAllBytesAsync(Path.Combine(committed, file), TestContext.Current.CancellationToken),
                    await File.ReadAllBytesAsync(Path.Combine(regenerated, file), TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            Directory.Delete(regenerated, recursive: true);
        }
    }

    [Fact]
    public void SampleRegion_HasThe18MunicipalitiesAndAbout330Schools()
    {
        Assert.Equal(18, SampleRegion.Municipalities.Count);
        Assert.Equal(330, SampleRegion.Municipalities.Sum(m => m.SchoolCount));
        Assert.Equal(18, SampleRegion.Municipalities.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task SampleUploads_UnderTheRepositoryRules_PutSchoolsInEveryZone()
    {
        var root = RepositoryLayout.FindRoot();
        var evaluator = new SchoolEvaluator(
            await RuleSet.LoadAsync(
                await RuleFiles.ReadDirectoryAsync(Path.Combine(root, "rules"), TestContext.Current.CancellationToken),
                TestContext.Current.CancellationToken),
            OverallZonePolicy.Default);
        var zones = new List<Zone>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "uploads"), "*.csv", SearchOption.AllDirectories))
        {
            await using var content = File.OpenRead(file);
            await foreach (var row in SchoolRowCsvReader.ReadAsync(content, file, TestContext.Current.CancellationToken))
            {
                zones.Add((await evaluator.EvaluateAsync(row, TestContext.Current.CancellationToken)).OverallZone);
            }
        }

        Assert.Equal(330, zones.Count);
        Assert.InRange(zones.Count(zone => zone == Zone.High), 5, 40);
        Assert.InRange(zones.Count(zone => zone == Zone.Medium), 20, 100);
        Assert.InRange(zones.Count(zone => zone == Zone.None), 200, 320);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path)).Order(StringComparer.Ordinal)];
}
