using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>
/// The upload files of <c>tests/cases/2026-11-29</c> (inputs that failed when tried as users would; the right outcome
/// of each is in that folder's README), read exactly as an upload is read.
/// </summary>
public sealed class ReportedCasesTests
{
    [Fact]
    public async Task PercentFormattedXlsx_IsReadAsTheSheetShowsIt_AndPutsBothSchoolsInTheHighZone()
    {
        var registry = await CaseRegistryAsync();

        var (rows, reading) = await Reading.ReadAsync(Reading.Case("percent-formatted.xlsx"), "percent-formatted.xlsx", registry);

        Assert.Equal([12.5m, 4m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([3m, 11m], rows.Select(row => row.Indicators.OgeFailShare!.Value));
        var evaluator = new SchoolEvaluator(await RepositoryRules.LoadAsync(), OverallZonePolicy.Default);
        Assert.Equal(Zone.High, evaluator.Evaluate(rows[0]).ZoneOf("ege_below_min_share"));
        Assert.Equal(Zone.High, evaluator.Evaluate(rows[1]).ZoneOf("oge_fail_share"));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task JsonKeyMissingInTheFirstRecord_IsAColumnStill_AndMissingWhereAbsent()
    {
        var (rows, reading) = await Reading.ReadAsync(Reading.Case("json-key-missing-in-first-record.json"), "json-key-missing-in-first-record.json", await CaseRegistryAsync());

        Assert.Equal(["gatchinsky-001", "gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
        Assert.Null(rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(12.5m, rows[1].Indicators.EgeBelowMinShare);
        Assert.Equal([3m, 4m], rows.Select(row => row.Indicators.OgeFailShare!.Value));
        var evaluator = new SchoolEvaluator(await RepositoryRules.LoadAsync(), OverallZonePolicy.Default);
        Assert.Equal(Zone.High, evaluator.Evaluate(rows[1]).ZoneOf("ege_below_min_share"));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task Windows1251CsvWhoseCyrillicStartsAfter64KiB_IsReadAsWindows1251_TotalRowIsANoteNotAnError()
    {
        var (rows, reading) = await Reading.ReadAsync(Reading.Case("cp1251-cyrillic-after-64KiB.csv"), "cp1251-cyrillic-after-64KiB.csv", await Reading.SampleRegistryAsync());

        Assert.Equal(36, rows.Count);
        Assert.All(rows, row => Assert.Equal(12.5m, row.Indicators.EgeBelowMinShare));
        Assert.Empty(reading.Problems);
        var note = Assert.Single(reading.Notes);
        Assert.Equal(38, note.Row);
        Assert.Contains("«Итого по району» — не школа", note.Message, StringComparison.Ordinal);
        Assert.Equal("comment", Assert.Single(reading.UnrecognisedColumns).Header);
    }

    [Fact]
    public async Task Excel97To2003Workbook_IsReadLikeAnXlsx()
    {
        var (rows, reading) = await Reading.ReadAsync(Reading.Case("svod_luzhsky.xls"), "svod_luzhsky.xls", await Reading.SampleRegistryAsync(), "luzhsky");

        Assert.Equal(["luzhsky-013", "luzhsky-014", "luzhsky-015", "luzhsky-016", "luzhsky-017"], rows.Select(row => row.SchoolId.ToString()));
        Assert.Equal([4.9m, 0m, 1.2m, 0m, 6.5m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([91.5m, 92.7m, 94.7m, 91.3m, 94.8m], rows.Select(row => row.Indicators.RetentionShare!.Value));
        Assert.Empty(reading.Problems);
        Assert.Empty(reading.UnrecognisedColumns);
    }

    [Fact]
    public async Task TabSeparatedFileWithDecimalCommas_IsReadAsTabSeparated()
    {
        var (rows, reading) = await Reading.ReadAsync(Reading.Case("gatchinsky.tsv"), "gatchinsky.tsv", await Reading.SampleRegistryAsync());

        Assert.Equal(6, rows.Count);
        Assert.Equal("gatchinsky-007", rows[0].SchoolId.ToString());
        Assert.Equal(1.1m, rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(0.33m, rows[0].Indicators.SocialWellbeingIndex);
        Assert.Empty(reading.Problems);
        Assert.Empty(reading.UnrecognisedColumns);
    }

    [Fact]
    public async Task SchoolIdWithASlashNotInTheRegistry_SkipsThatRowOnly()
    {
        var (rows, reading) = await Reading.ReadAsync(Reading.Case("upload-school-id-slash.csv"), "upload-school-id-slash.csv", await CaseRegistryAsync());

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
        Assert.Equal(
            "Файл «upload-school-id-slash.csv», строка 2, столбец «school_id»: школа «gatchinsky-001/1» не найдена в реестре школ.",
            Assert.Single(reading.Problems).Message);
    }

    /// <summary>The cases' registry: two Gatchina schools and one of Kirovsk.</summary>
    private static async Task<SchoolRegistry> CaseRegistryAsync()
    {
        await using var content = new MemoryStream(Reading.Case("registry.csv"));
        return await SchoolRegistry.ReadCsvAsync(content, "registry.csv", TestContext.Current.CancellationToken);
    }
}
