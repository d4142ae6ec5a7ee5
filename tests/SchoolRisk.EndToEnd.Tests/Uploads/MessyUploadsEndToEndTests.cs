using Azure.Storage.Queues;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.TestFiles.Corpus;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>
/// The messy-upload corpus and the upload files of <c>tests/cases/2026-11-29</c>, uploaded through the local host as a
/// municipality would (each into a period of its own, all at once): each ends in the outcome it must, with its values
/// stored, and nothing ends in a poison queue.
/// </summary>
public sealed class MessyUploadsEndToEndTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task EveryCorpusFile_EndsInItsOutcome_WithItsValuesStored_AndNothingPoisoned()
    {
        var uploads = MessyUploads.All.Select((upload, index) => (Upload: upload, Period: Period.Parse($"{2001 + index}-{2002 + index}"))).ToList();
        foreach (var (upload, period) in uploads)
        {
            await UploadAsync($"{period}/gatchinsky/{upload.FileName}", upload.Content);
        }

        var failures = new List<string>();
        foreach (var (upload, period) in uploads)
        {
            var record = await FinishedAsync(period, "gatchinsky", upload.FileName);
            if (upload.Rejection is { } rejection)
            {
                Check(record.Status == UploadStatus.Rejected && record.Error?.Contains(rejection, StringComparison.Ordinal) == true, upload, $"rejected with «{rejection}», was {record.Status}: {record.Error}");
                continue;
            }

            Check(record.Status == UploadStatus.Completed, upload, $"completed, was {record.Status}: {record.Error}");
            Check(record.ProblemCount == upload.Problems.Count, upload, $"{upload.Problems.Count} problems, was {record.ProblemCount}");
            var results = await ResultsAsync(period, "gatchinsky");
            Check(results.Select(result => result.SchoolId.ToString()).Order().SequenceEqual(upload.Values.Keys.Order()), upload, $"schools {string.Join(", ", upload.Values.Keys)}, were {string.Join(", ", results.Select(result => result.SchoolId.ToString()))}");
            foreach (var result in results.Where(result => upload.Values.ContainsKey(result.SchoolId.ToString())))
            {
                foreach (var (indicator, value) in upload.Values[result.SchoolId.ToString()])
                {
                    var stored = result.Indicators.TryGetValue(indicator, out var found) ? found.Value : null;
                    Check(stored == value, upload, $"{result.SchoolId} {indicator} = {value}, stored {stored}");
                }
            }

            if (upload.UnrecognisedHeaders.Count > 0 || upload.Notes > 0)
            {
                var report = record.ReportJson is { } json ? await new ReportBlobs(fixture.Deployment.Storage).TryReadTextAsync(json, TestContext.Current.CancellationToken) : null;
                Check(report is not null && upload.UnrecognisedHeaders.All(header => report.Contains(header, StringComparison.Ordinal)), upload, "a report naming every unrecognised column");
            }
        }

        var formula = uploads.Single(entry => entry.Upload.FileName == "formula.xlsx");
        var onThreshold = Assert.Single(await ResultsAsync(formula.Period, "gatchinsky"));
        Assert.Equal(new IndicatorResult(10m, Zone.High), onThreshold.Indicators["ege_below_min_share"]);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(await PoisonedAsync());

        void Check(bool condition, MessyUpload upload, string expected)
        {
            if (!condition)
            {
                failures.Add($"{upload}: expected {expected}");
            }
        }
    }

    [Theory]
    [InlineData("2040-2041", "percent-formatted.xlsx", "gatchinsky", "gatchinsky-001", "ege_below_min_share", 12.5, "high")]
    [InlineData("2041-2042", "percent-formatted.xlsx", "gatchinsky", "gatchinsky-002", "oge_fail_share", 11, "high")]
    [InlineData("2042-2043", "json-key-missing-in-first-record.json", "gatchinsky", "gatchinsky-002", "ege_below_min_share", 12.5, "high")]
    [InlineData("2043-2044", "cp1251-cyrillic-after-64KiB.csv", "gatchinsky", "gatchinsky-036", "ege_below_min_share", 12.5, "high")]
    [InlineData("2044-2045", "svod_luzhsky.xls", "luzhsky", "luzhsky-017", "ege_below_min_share", 6.5, "medium")]
    [InlineData("2045-2046", "gatchinsky.tsv", "gatchinsky", "gatchinsky-008", "ege_below_min_share", 11.6, "high")]
    public async Task ReportedCaseUpload_CompletesWithItsValuesAndZones(string periodText, string file, string municipality, string school, string indicator, double value, string zone)
    {
        var period = Period.Parse(periodText);
        await UploadAsync($"{period}/{municipality}/{file}", await File.ReadAllBytesAsync(Path.Combine(TestDeployment.RepositoryRoot, "tests", "cases", "2026-11-29", file), TestContext.Current.CancellationToken));

        var record = await FinishedAsync(period, municipality, file);
        var results = await ResultsAsync(period, municipality);

        Assert.Equal(UploadStatus.Completed, record.Status);
        Assert.Equal(0, record.ProblemCount);
        Assert.Equal(new IndicatorResult((decimal)value, Enum.Parse<Zone>(zone, ignoreCase: true)), results.Single(result => result.SchoolId == SchoolId.Parse(school)).Indicators[indicator]);
        Assert.Empty(await PoisonedAsync());
    }

    private async Task UploadAsync(string blobName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await new UploadBlobs(fixture.Deployment.Storage).UploadAsync(blobName, stream, TestContext.Current.CancellationToken);
    }

    private async Task<UploadRecord> FinishedAsync(Period period, string municipality, string file) =>
        await Poll.UntilAsync(
            async () => (await new UploadStatusTable(fixture.Deployment.Storage).ListAsync(period, MunicipalityId.Parse(municipality), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken)).SingleOrDefault(upload => upload.BlobName.EndsWith("/" + file, StringComparison.Ordinal)),
            upload => upload?.Status is UploadStatus.Completed or UploadStatus.Rejected or UploadStatus.Failed,
            $"the upload of {file} ({period}) to finish") ?? throw new InvalidOperationException("unreachable");

    private async Task<List<StoredResult>> ResultsAsync(Period period, string municipality) =>
        await new ResultTable(fixture.Deployment.Storage, TimeProvider.System).ListAsync(period, MunicipalityId.Parse(municipality), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    private async Task<List<string>> PoisonedAsync()
    {
        var queues = new QueueServiceClient(fixture.Deployment.ConnectionString);
        var poisoned = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: null, cancellationToken: TestContext.Current.CancellationToken))
        {
            if (queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                var messages = (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value;
                poisoned.AddRange(messages.Select(message => $"{queue.Name}: {message.MessageText}"));
            }
        }

        return poisoned;
    }
}
