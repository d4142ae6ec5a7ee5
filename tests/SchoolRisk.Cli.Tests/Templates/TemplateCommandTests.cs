using SchoolRisk.Cli.Docs;
using SchoolRisk.Cli.Templates;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.LocalHost;

namespace SchoolRisk.Cli.Tests.Templates;

public sealed class TemplateCommandTests
{
    private static readonly string Root = RepositoryLayout.FindRoot();

    [Theory]
    [InlineData("template-luzhsky.csv")]
    [InlineData("template-luzhsky.xlsx")]
    public async Task Template_ReadsBackWithEveryCatalogColumnAndTheMunicipalitysSchools_AndUnfilledIsRefused(string file)
    {
        var folder = Directory.CreateTempSubdirectory("schoolrisk-template-").FullName;
        try
        {
            var registryFile = Path.Combine(Root, "samples", "registry", "schools.csv");
            await TemplateCommand.WriteAsync(MunicipalityId.Parse("luzhsky"), registryFile, folder, Period.Parse("2023-2024"), TestContext.Current.CancellationToken);
            await using var registryContent = File.OpenRead(registryFile);
            var registry = await SchoolRegistry.ReadCsvAsync(registryContent, "schools.csv", TestContext.Current.CancellationToken);

            await using var content = File.OpenRead(Path.Combine(folder, file));
            var reading = new UploadReading(content, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("luzhsky"), file), registry, UploadLimits.Default);
            var rows = new List<SchoolRow>();
            var error = await Assert.ThrowsAsync<FileRejectedException>(async () =>
            {
                await foreach (var row in reading.ReadValidRowsAsync(TestContext.Current.CancellationToken))
                {
                    rows.Add(row);
                }
            });

            Assert.Equal(registry.InMunicipality(MunicipalityId.Parse("luzhsky")).Select(s => s.Id), rows.Select(r => r.SchoolId));
            Assert.Empty(reading.Problems);
            Assert.Empty(reading.UnrecognisedColumns);
            Assert.Equal(IndicatorCatalog.All, reading.RecognisedColumns.Select(column => column.Indicator));
            Assert.All(rows, row => Assert.All(IndicatorCatalog.All, indicator => Assert.Null(indicator.ValueOf(row.Indicators))));
            Assert.Contains("похоже, это незаполненный шаблон", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UploadColumnsDoc_IsTheCommandsOutput()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(Root, "docs", "upload-columns.md"), TestContext.Current.CancellationToken);

        Assert.Equal(UploadColumnsDoc.Markdown(), committed);
    }
}
