using System.IO.Compression;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class WorkbookTableTests
{
    [Fact]
    public async Task ArchiveThatUnpacksFarBeyondItsSize_IsRejectedBeforeReading()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var sheet = await zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).OpenAsync(TestContext.Current.CancellationToken);
            await sheet.WriteAsync(new byte[8 * 1024 * 1024], TestContext.Current.CancellationToken);
        }

        bomb.Position = 0;
        var error = await Assert.ThrowsAsync<FileRejectedException>(() =>
            UploadTable.OpenAsync(bomb, "bomb.xlsx", UploadLimits.Default, _ => HeaderFit.Full, TestContext.Current.CancellationToken));

        Assert.StartsWith("Файл «bomb.xlsx»: книга Excel распаковывается в слишком большой объём (часть «xl/worksheets/sheet1.xml»", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("файл отклонён как небезопасный.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotalUnpackedSizeOverTheLimit_IsRejected()
    {
        await using var content = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Uploads", "Files", "merged-title.xlsx"));

        var error = await Assert.ThrowsAsync<FileRejectedException>(() =>
            UploadTable.OpenAsync(content, "merged-title.xlsx", new UploadLimits { MaxUnpackedBytes = 1000 }, _ => HeaderFit.Full, TestContext.Current.CancellationToken));

        Assert.Contains("распаковывается в слишком большой объём", error.Message, StringComparison.Ordinal);
    }
}
