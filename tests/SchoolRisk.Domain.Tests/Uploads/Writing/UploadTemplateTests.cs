using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Domain.Uploads.Writing;

namespace SchoolRisk.Domain.Tests.Uploads.Writing;

/// <summary>The ready-to-fill template the CLI writes and the page downloads, read back as an upload is read.</summary>
public sealed class UploadTemplateTests
{
    [Theory]
    [InlineData(UploadTemplateFormat.Csv)]
    [InlineData(UploadTemplateFormat.Xlsx)]
    public async Task Template_ReadsBackWithEveryCatalogColumnAndTheMunicipalitysSchools(UploadTemplateFormat format)
    {
        var sheet = UploadTemplate.For(TestRegistry.Schools, MunicipalityId.Parse("gatchinsky"), Period.Parse("2023-2024"))!;
        using var content = new MemoryStream();
        await UploadTemplate.WriteAsync(sheet, format, content, TestContext.Current.CancellationToken);
        content.Position = 0;

        var fileName = UploadTemplate.FileName(MunicipalityId.Parse("gatchinsky"), format);
        var reading = new UploadReading(content, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), fileName), TestRegistry.Schools, UploadLimits.Default);
        var error = await Assert.ThrowsAsync<FileRejectedException>(async () =>
        {
            await foreach (var _ in reading.ReadValidRowsAsync(TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal($"template-gatchinsky.{UploadTemplate.Extension(format)}", fileName);
        Assert.Equal("Сведения о школах: gatchinsky, 2023-2024 учебный год", sheet.Title);
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"gatchinsky-00{n}"), sheet.Rows.Select(row => row[0]!.ToString()));
        Assert.Equal(IndicatorCatalog.All, reading.RecognisedColumns.Select(column => column.Indicator));
        Assert.Empty(reading.UnrecognisedColumns);
        Assert.Contains("похоже, это незаполненный шаблон", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_OfAMunicipalityWithNoSchool_IsNone() =>
        Assert.Null(UploadTemplate.For(TestRegistry.Schools, MunicipalityId.Parse("kirovsky"), Period.Parse("2023-2024")));

    [Theory]
    [InlineData(null, true, UploadTemplateFormat.Csv)]
    [InlineData("", true, UploadTemplateFormat.Csv)]
    [InlineData("CSV", true, UploadTemplateFormat.Csv)]
    [InlineData("xlsx", true, UploadTemplateFormat.Xlsx)]
    [InlineData("xls", false, UploadTemplateFormat.Csv)]
    public void TryParseFormat_TakesCsvAndXlsxInAnyCase(string? text, bool parsed, UploadTemplateFormat format) =>
        Assert.Equal((parsed, format), (UploadTemplate.TryParseFormat(text, out var read), read));
}
