using SchoolRisk.Cli;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Notifications;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.EndToEnd.Tests.Faults;

/// <summary>
/// Azurite stops in the middle of a run and comes back (same ports, key and data): every upload still reaches a final
/// status, the results equal those of a clean run, and every municipality gets one notice and one letter.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly string[] Municipalities = ["kirovsky", "tosnensky", "luzhsky", "gatchinsky"];

    [Fact]
    public async Task StorageDownMidRun_EveryUploadFinishes_ResultsEqualACleanRun_OneNoticeAndLetterEach()
    {
        var data = Directory.CreateTempSubdirectory("schoolrisk-outage-");
        try
        {
            await using var faulty = await TestDeployment.StartAsync(azuriteData: data.FullName);
            await UploadSamplesAsync(faulty, Municipalities[..2]);
            await faulty.Azurite.StopAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => new UploadStatusTable(faulty.Storage).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask());
            await faulty.Azurite.RestartAsync(TestContext.Current.CancellationToken);
            await UploadSamplesAsync(faulty, Municipalities[2..]);
            var afterOutage = await SettledAsync(faulty);

            await using var clean = await TestDeployment.StartAsync();
            await UploadSamplesAsync(clean, Municipalities);
            var cleanRun = await SettledAsync(clean);

            Assert.Equal(cleanRun.Results, afterOutage.Results);
            Assert.All(afterOutage.Uploads, upload => Assert.True(upload.Status is UploadStatus.Completed or UploadStatus.Rejected, $"{upload.BlobName}: {upload.Status}"));
            Assert.Equal(Municipalities.Order(), afterOutage.Notices.Select(n => n.MunicipalityId.ToString()).Order());
            var letters = await faulty.Mail.ListAsync(TestContext.Current.CancellationToken);
            // One letter each as a person sees it: one Message-ID. Storage stopped after the server took a letter and before
            // its Sent was written resends it under the same Message-ID (docs/notices.md, «Exactly once, as a person sees it»).
            Assert.All(Municipalities, municipality => Assert.Single(letters.Where(letter => letter.To.Contains($"{municipality}@edu.example.ru")).Select(letter => letter.MessageId).Distinct()));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task UploadSamplesAsync(LocalDeployment deployment, IEnumerable<string> municipalities)
    {
        foreach (var municipality in municipalities)
        {
            var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", municipality), "schools.*").Single();
            await using var content = File.OpenRead(file);
            await new UploadBlobs(deployment.Storage).UploadAsync($"2023-2024/{municipality}/{Path.GetFileName(file)}", content, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until every upload is final, a recalculation begun after the last of them has finished, and every notice is delivered.</summary>
    private static async Task<(List<UploadRecord> Uploads, List<(string School, Zone Zone, bool Low)> Results, List<RecordedNotice> Notices)> SettledAsync(LocalDeployment deployment)
    {
        var uploads = await Poll.UntilAsync(
            () => new UploadStatusTable(deployment.Storage).ListAsync(Period, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            all => all.Count == Municipalities.Length && all.All(u => u.Status is not (UploadStatus.Processing or UploadStatus.Failed)), "every upload final", TimeSpan.FromMinutes(3));
        var last = uploads.Max(u => u.UpdatedAt);
        await Poll.UntilAsync(
            () => new RecalculationLock(deployment.Storage, TimeProvider.System).LastStartedAsync(Period, TestContext.Current.CancellationToken),
            started => started > last, "a recalculation after the last upload", TimeSpan.FromMinutes(2));
        var notices = await Poll.UntilAsync(
            () => new NotificationTable(deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
                .Where(n => n.Kind != Domain.Notices.NoticeKind.Digest).ToListAsync(TestContext.Current.CancellationToken).AsTask(),
            all => all.Count == Municipalities.Length && all.All(n => n.Status == "Delivered"), "every notice delivered", TimeSpan.FromMinutes(2));
        var results = await new ResultTable(deployment.Storage, TimeProvider.System).ListAsync(Period, TestContext.Current.CancellationToken)
            .Select(r => (School: r.SchoolId.ToString(), r.OverallZone, r.Classification.LowResults)).OrderBy(r => r.School, StringComparer.Ordinal).ToListAsync(TestContext.Current.CancellationToken);
        return (uploads, results, notices);
    }
}
