using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Uploads;

/// <summary>
/// The page's upload link (valet key) through the local host: a municipality's key gets a link to create one new blob
/// in its own folder, the file put there straight to Blob storage is processed as any upload and listed among the
/// municipality's uploads; the link reads nothing, creates no other blob, and another municipality's key gets no link
/// and no list at all.
/// </summary>
public sealed class UploadLinkTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMunicipalitysKey_GetsALinkToCreateOneNewBlobInItsFolder_AndTheFilePutThereIsProcessed()
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "luzhsky", cancellationToken: Cancellation);
        var file = Directory.EnumerateFiles(Path.Combine(TestDeployment.RepositoryRoot, "samples", "uploads", "2023-2024", "luzhsky"), "schools.*").Single();

        var (status, link) = await AskAsync("luzhsky", key, new { fileName = "Свод школ" + Path.GetExtension(file), kind = "schools" });
        var url = new Uri(link.GetProperty("url").GetString()!);
        var blobName = link.GetProperty("blobName").GetString()!;
        using var http = new HttpClient();
        using var put = await PutAsync(http, url, await File.ReadAllBytesAsync(file, Cancellation));
        var upload = await Poll.UntilAsync(
            () => new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, Cancellation).ToListAsync(Cancellation).AsTask(),
            all => all.Any(record => record.BlobName == blobName && record.Status == UploadStatus.Completed), "the uploaded file evaluated");
        var (listed, uploads) = await GetAsync("uploads/luzhsky/2023-2024", key);
        var (crossing, _) = await GetAsync("uploads/kirovsky/2023-2024", key);
        using var read = await http.GetAsync(url, Cancellation);
        var container = url.AbsolutePath[..url.AbsolutePath.IndexOf("/2023-2024/", StringComparison.Ordinal)];
        using var other = await PutAsync(http, new UriBuilder(url) { Path = $"{container}/2023-2024/luzhsky/other.csv" }.Uri, "school_id\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("2023-2024/luzhsky/Свод школ-", blobName, StringComparison.Ordinal);
        Assert.EndsWith(Path.GetExtension(file), blobName, StringComparison.Ordinal);
        Assert.InRange(link.GetProperty("expiresOn").GetDateTimeOffset() - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Contains(upload, record => record.BlobName == blobName);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (listed, crossing));
        var shown = uploads.EnumerateArray().Single(entry => entry.GetProperty("blobName").GetString() == blobName);
        Assert.Equal(("completed", "принят и оценён", "schools"), (shown.GetProperty("status").GetString(), shown.GetProperty("statusTitle").GetString(), shown.GetProperty("kind").GetString()));
        Assert.True(shown.GetProperty("evaluated").GetInt32() > 0);
        Assert.Equal("Свод школ" + Path.GetExtension(file), shown.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AnotherMunicipalitysKey_ABadFileNameAndABodyThatIsNotTheRequest_GetNoLink()
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "luzhsky", cancellationToken: Cancellation);

        var (crossing, crossingError) = await AskAsync("kirovsky", key, new { fileName = "schools.csv" });
        var (folder, folderError) = await AskAsync("luzhsky", key, new { fileName = "../kirovsky/schools.csv" });
        var (kind, kindError) = await AskAsync("luzhsky", key, new { fileName = "schools.csv", kind = "teachers" });
        var (period, _) = await AskAsync("luzhsky", key, new { fileName = "schools.csv" }, "2023");
        var (future, futureError) = await AskAsync("luzhsky", key, new { fileName = "schools.csv" }, "2100-2101");
        var (unknown, unknownError) = await AskAsync("zzzz", await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: Cancellation), new { fileName = "schools.csv" });
        var (large, _) = await AskAsync("luzhsky", key, new { fileName = "schools.csv", padding = new string(' ', 5000) });
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "api/uploads/luzhsky/2023-2024/link") { Content = new StringContent("schools.csv") };
        malformed.Headers.Add("x-functions-key", key);
        using var malformedAnswer = await http.SendAsync(malformed, Cancellation);

        Assert.Equal((HttpStatusCode.Forbidden, "Ключ не даёт доступа к данным муниципалитета «kirovsky»."), (crossing, crossingError.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, folder);
        Assert.Contains("недопустимые знаки", folderError.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, kind);
        Assert.Contains("«teachers» не известен", kindError.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, period);
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.Contains("Учебный год 2100-2101 ещё не начался", futureError.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("Муниципалитета «zzzz» нет в реестре школ", unknownError.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large);
        Assert.Equal(HttpStatusCode.BadRequest, malformedAnswer.StatusCode);
    }

    [Fact]
    public async Task TheLink_CreatesItsOneBlobOnce_AndNothingElse_AndItsLifetimeCannotBeStretched()
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "luzhsky", cancellationToken: Cancellation);
        var (_, link) = await AskAsync("luzhsky", key, new { fileName = "schools.csv", kind = "schools" });
        var url = new Uri(link.GetProperty("url").GetString()!);
        var container = url.AbsolutePath[..url.AbsolutePath.IndexOf("/2023-2024/", StringComparison.Ordinal)];
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var expiry = DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        query["se"] = expiry.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var stretched = new UriBuilder(url) { Query = query.ToString() }.Uri;
        using var http = new HttpClient();

        using var first = await PutAsync(http, url, "school_id,ege_below_min_share\nluzhsky-001,3\n"u8.ToArray());
        using var again = await PutAsync(http, url, "school_id\n"u8.ToArray());
        using var longer = await PutAsync(http, new UriBuilder(stretched) { Path = url.AbsolutePath.Replace(".csv", "-2.csv", StringComparison.Ordinal) }.Uri, "school_id\n"u8.ToArray());
        using var elsewhere = await PutAsync(http, new UriBuilder(url) { Path = $"{container}/2023-2024/kirovsky/schools.csv" }.Uri, "school_id\n"u8.ToArray());
        using var delete = await http.DeleteAsync(url, Cancellation);
        using var list = await http.GetAsync(new UriBuilder(url) { Path = container, Query = url.Query.TrimStart('?') + "&restype=container&comp=list" }.Uri, Cancellation);
        var content = await fixture.Deployment.Storage.Blobs.GetBlobContainerClient(container.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1])
            .GetBlobClient(link.GetProperty("blobName").GetString()).DownloadContentAsync(Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(again.IsSuccessStatusCode, $"a second PUT overwrote the blob: {again.StatusCode}");
        Assert.StartsWith("school_id,ege_below_min_share", content.Value.Content.ToString(), StringComparison.Ordinal);
        Assert.InRange(expiry - TimeProvider.System.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Forbidden, longer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> AskAsync(string municipality, string key, object body, string period = "2023-2024")
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/uploads/{municipality}/{period}/link") { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, Cancellation);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path, string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, Cancellation);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone());
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, Uri url, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return await http.SendAsync(request, Cancellation);
    }
}
