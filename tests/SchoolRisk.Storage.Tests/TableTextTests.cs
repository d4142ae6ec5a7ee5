using Azure;
using Azure.Data.Tables;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Storage.Tests;

/// <summary>Texts people wrote never make a Table storage write fail: cut at 64 KiB with a visible «…».</summary>
public sealed class TableTextTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public void Cut_KeepsWhatFits_CutsTheRestToTheLimitWithAnEllipsis_NeverSplittingASurrogatePair()
    {
        var fits = new string('я', TableText.MaxChars);
        var emoji = new string('a', TableText.MaxChars - 2) + "😀" + "tail";

        Assert.Null(TableText.Cut(null));
        Assert.Same(fits, TableText.Cut(fits));
        var cut = TableText.Cut(fits + "!")!;
        Assert.Equal(TableText.MaxChars, cut.Length);
        Assert.Equal(new string('я', TableText.MaxChars - 1) + "…", cut);
        Assert.Equal(new string('a', TableText.MaxChars - 2) + "…", TableText.Cut(emoji));
    }

    [Fact]
    public async Task TheServiceRefusesALongerProperty_TheTablesWriteItCut()
    {
        var storage = azurite.Storage;
        await storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var cell = new string('7', 40_000);
        var reason = $"Файл «x.json», запись 1, столбец «ЕГЭ»: значение «{cell}» не является числом.";

        var raw = await Assert.ThrowsAsync<RequestFailedException>(() => storage.Tables.GetTableClient(storage.Options.UploadsTable)
            .UpsertEntityAsync(new TableEntity("raw", "raw") { ["Error"] = reason }, cancellationToken: TestContext.Current.CancellationToken));
        await new UploadStatusTable(storage).UpsertAsync(
            new UploadRecord(TestIds.Upload("u1"), "2023-2024/gatchinsky/x.json", Period, MunicipalityId.Parse("gatchinsky"), UploadStatus.Rejected, DateTimeOffset.UnixEpoch) { Error = reason },
            TestContext.Current.CancellationToken);
        var notifications = new NotificationTable(storage, TimeProvider.System);
        var notice = new MunicipalityNotice("n1", MunicipalityId.Parse("gatchinsky"), Period, "u1", "2023-2024/gatchinsky/x.json", NoticeKind.Rejected, null, 0, [],
            new UploadSummary(reason, 1, 1, 1, [reason], null));
        Assert.True(await notifications.TryAddAsync(notice, TestContext.Current.CancellationToken));
        await notifications.SetStatusAsync(Period, MunicipalityId.Parse("gatchinsky"), "n1", NoticeStatus.Retrying, reason, TestContext.Current.CancellationToken);

        Assert.Equal(400, raw.Status);
        var upload = Assert.Single(await new UploadStatusTable(storage).ListAsync(Period, MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TableCut(reason), upload.Error);
        var recorded = Assert.Single(await notifications.ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TableCut(reason), recorded.Reason);
    }

    private static string TableCut(string text) => text[..(TableText.MaxChars - 1)] + "…";
}
