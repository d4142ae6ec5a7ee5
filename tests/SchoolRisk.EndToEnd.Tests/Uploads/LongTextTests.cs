using SchoolRisk.Application.Messaging;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Reports;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>
/// A 40,000-character cell through the local host: the upload is a told outcome, not a failed storage write. The
/// rejection quotes the cell by its start and length; the report keeps the whole value (texts that still run long are cut
/// in the table by <see cref="TableText"/>, tested on its own).
/// </summary>
public sealed class LongTextTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    [Fact]
    public async Task ARejectionOverA40000CharacterCell_QuotesItShort_AndTheReportKeepsItWhole()
    {
        var cell = new string('x', 40_000);
        await fixture.Deployment.UploadAsync("2023-2024/gatchinsky/long.json", $$"""[{"school_id": "gatchinsky-001", "ege_below_min_share": "{{cell}}"}]""");

        var upload = await Poll.UntilAsync(
            async () => (await new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken)).SingleOrDefault(u => u.BlobName.EndsWith("long.json", StringComparison.Ordinal)),
            u => u?.Status is UploadStatus.Rejected or UploadStatus.Failed, "long.json's outcome");
        var report = await new ReportBlobs(fixture.Deployment.Storage).ReadTextAsync(upload!.ReportJson!, TestContext.Current.CancellationToken);

        Assert.Equal(UploadStatus.Rejected, upload.Status);
        Assert.InRange(upload.Error!.Length, 1, 1000);
        Assert.Contains("… (40\u00A0000 знаков)", upload.Error, StringComparison.Ordinal);
        Assert.Contains($"\"{cell}\"", report, StringComparison.Ordinal);
        Assert.Equal(0, await new PoisonMessages(fixture.Deployment.Storage, QueueNames.UploadEvents).CountAsync(TestContext.Current.CancellationToken));
    }
}
