using System.Text;
using SchoolRisk.Cli;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Uploads;

/// <summary>A deployment whose handler is configured with a 1 KiB upload limit (<c>Uploads__MaxFileBytes</c>).</summary>
public sealed class UploadLimitsTests : IAsyncLifetime
{
    private LocalDeployment? _deployment;

    public async ValueTask InitializeAsync() =>
        _deployment = await TestDeployment.StartAsync(appSettings: new Dictionary<string, string> { ["Uploads__MaxFileBytes"] = "1024" });

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }

    [Fact]
    public async Task FileLargerThanTheConfiguredLimit_IsRejectedWithBothSizes()
    {
        var csv = "school_id,ege_below_min_share\n" + string.Concat(Enumerable.Range(1, 12).Select(n => $"gatchinsky-{n:000},1.5\n"));
        csv += new string(' ', 2048 - Encoding.UTF8.GetByteCount(csv));
        using (var content = new MemoryStream(Encoding.UTF8.GetBytes(csv)))
        {
            await new UploadBlobs(_deployment!.Storage).UploadAsync("2023-2024/gatchinsky/big.csv", content, TestContext.Current.CancellationToken);
        }

        var upload = await Poll.UntilAsync(
            async () => (await new UploadStatusTable(_deployment.Storage).ListAsync(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), TestContext.Current.CancellationToken)
                .ToListAsync(TestContext.Current.CancellationToken)).SingleOrDefault(),
            u => u?.Status == UploadStatus.Rejected, "the upload to be rejected");

        Assert.Equal("Файл «big.csv»: размер 2 КБ больше допустимых 1 КБ. Уберите из книги лишние листы, рисунки и оформление или сохраните таблицу как CSV (каждая загрузка заменяет предыдущую целиком, поэтому файл нельзя делить на части).", upload!.Error);
        Assert.NotNull(upload.ReportCsv);
    }
}
