using System.Net;
using System.Text;
using System.Text.Json;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Uploads;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Uploads;

/// <summary>
/// One upload's outcome (<c>UploadOutcome</c>) and the ready-to-fill template (<c>UploadTemplate</c>) through the local
/// host: the rows skipped with the row a person sees, the column, the value and the reason; a misspelt column with the
/// indicator it may have meant; the upload's schools by zone as the results table holds them; a refused file's reason
/// and what to do next; the template's CSV and XLSX read as uploads with the municipality's schools; and another
/// municipality's key refused both.
/// </summary>
public sealed class UploadOutcomeTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadOutcome_ShowsSkippedRowsTheMisspeltColumnWithItsSuggestionAndTheSchoolsByZone_AndAnotherKeyIsRefused()
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "lodeynopolsky", cancellationToken: Cancellation);
        var other = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: Cancellation);
        var csv = "Сведения о школах\n\nКод ОО;Доля результатов ЕГЭ ниже минимального балла, %;Сохранённость контингента\n" +
            "lodeynopolsky-001;12,5;98\nlodeynopolsky-002;много;97\n\nlodeynopolsky-003;1;99\n";
        var record = await UploadAsync("2023-2024/lodeynopolsky/Свод.csv", csv);

        var (status, outcome) = await GetAsync($"uploads/lodeynopolsky/2023-2024/{record.UploadId}", key);
        var (crossing, crossingError) = await GetAsync($"uploads/lodeynopolsky/2023-2024/{record.UploadId}", other);
        var (missing, _) = await GetAsync("uploads/lodeynopolsky/2023-2024/0123456789abcdef", key);
        var stored = await new ResultTable(fixture.Deployment.Storage, TimeProvider.System)
            .ListAsync(Period, MunicipalityId.Parse("lodeynopolsky"), Cancellation).ToListAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("completed", "принят и оценён", 2, 1), (
            outcome.GetProperty("upload").GetProperty("status").GetString(), outcome.GetProperty("upload").GetProperty("statusTitle").GetString(),
            outcome.GetProperty("upload").GetProperty("evaluated").GetInt32(), outcome.GetProperty("upload").GetProperty("skippedRows").GetInt32()));
        Assert.StartsWith("Файл «Свод.csv» принят: оценено школ 2", outcome.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var problem = Assert.Single(outcome.GetProperty("problems").EnumerateArray());
        Assert.Equal((5, "Доля результатов ЕГЭ ниже минимального балла, %", "много"), (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString()));
        Assert.Contains("строка 5", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var column = Assert.Single(outcome.GetProperty("unrecognisedColumns").EnumerateArray());
        Assert.Equal(("Сохранённость контингента", "retention_share", "Сохранность контингента"), (
            column.GetProperty("header").GetString(), column.GetProperty("suggestedIndicator").GetString(), column.GetProperty("suggestedTitle").GetString()));
        Assert.Contains("Возможно, это показатель «Сохранность контингента»", column.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["high", "medium", "none"], outcome.GetProperty("zones").EnumerateArray().Select(zone => zone.GetProperty("zone").GetString()));
        var shown = outcome.GetProperty("zones").EnumerateArray()
            .SelectMany(zone => zone.GetProperty("schools").EnumerateArray().Select(school => (
                Id: school.GetProperty("schoolId").GetString()!, Zone: zone.GetProperty("zone").GetString()!, Reasons: school.GetProperty("zoneReasons").GetArrayLength())))
            .ToList();
        Assert.Equal(
            stored.Where(result => result.UploadId == record.UploadId).Select(result => result.SchoolId.ToString()).Order(StringComparer.Ordinal),
            shown.Select(school => school.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["lodeynopolsky-001", "lodeynopolsky-003"], shown.Select(school => school.Id).Order(StringComparer.Ordinal));
        Assert.Contains(shown, school => school is { Id: "lodeynopolsky-001", Zone: "high", Reasons: > 0 });
        Assert.All(shown, school => Assert.Equal(school.Zone != "none", school.Reasons > 0));
        Assert.Empty(outcome.GetProperty("nextSteps").EnumerateArray());
        Assert.NotNull(outcome.GetProperty("upload").GetProperty("reportUrl").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, "Ключ не даёт доступа к данным муниципалитета «lodeynopolsky»."), (crossing, crossingError.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task UploadOutcome_OfARefusedFile_GivesTheReasonAndWhatToDoNext()
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "podporozhsky", cancellationToken: Cancellation);
        var record = await UploadAsync("2023-2024/podporozhsky/Без кодов.csv", "Школа;Доля результатов ЕГЭ ниже минимального балла\nСОШ 1;3\n");

        var (status, outcome) = await GetAsync($"uploads/podporozhsky/2023-2024/{record.UploadId}", key);

        Assert.Equal((HttpStatusCode.OK, "rejected"), (status, outcome.GetProperty("upload").GetProperty("status").GetString()));
        Assert.Equal("Файл «Без кодов.csv» не принят, ничего не оценено.", outcome.GetProperty("summary").GetString());
        Assert.Contains("Без кодов.csv", outcome.GetProperty("rejectionReason").GetString(), StringComparison.Ordinal);
        Assert.Contains(outcome.GetProperty("nextSteps").EnumerateArray(), step => step.GetString()!.Contains("в силе остаются данные за этот период", StringComparison.Ordinal));
        Assert.Empty(outcome.GetProperty("zones").EnumerateArray());
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task UploadTemplate_IsTheMunicipalitysSchoolsReadyToFill_AndAnotherKeyIsRefused(string format, string contentType)
    {
        var key = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "lodeynopolsky", cancellationToken: Cancellation);
        var other = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: Cancellation);
        var registry = await new SchoolRegistryBlob(fixture.Deployment.Storage).LoadAsync(Cancellation);

        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var answer = await SendAsync(http, $"templates/lodeynopolsky/2023-2024?format={format}", key);
        var content = await answer.Content.ReadAsByteArrayAsync(Cancellation);
        using var crossing = await SendAsync(http, $"templates/lodeynopolsky/2023-2024?format={format}", other);
        using var unknownFormat = await SendAsync(http, "templates/lodeynopolsky/2023-2024?format=pdf", key);
        var fileName = $"template-lodeynopolsky.{format}";
        var reading = new UploadReading(new MemoryStream(content), new UploadPath(Period, MunicipalityId.Parse("lodeynopolsky"), fileName), registry, UploadLimits.Default);
        var rows = new List<SchoolRow>();
        var unfilled = await Assert.ThrowsAsync<FileRejectedException>(async () =>
        {
            await foreach (var row in reading.ReadValidRowsAsync(Cancellation))
            {
                rows.Add(row);
            }
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(contentType, answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, answer.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(registry.InMunicipality(MunicipalityId.Parse("lodeynopolsky")).Select(school => school.Id), rows.Select(row => row.SchoolId));
        Assert.Empty(reading.UnrecognisedColumns);
        Assert.Contains("незаполненный шаблон", unfilled.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, crossing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
        Assert.Contains("«pdf» не известен", await unknownFormat.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    private async Task<UploadRecord> UploadAsync(string blobName, string text)
    {
        await using (var content = new MemoryStream(Encoding.UTF8.GetBytes(text)))
        {
            await new UploadBlobs(fixture.Deployment.Storage).UploadAsync(blobName, content, Cancellation);
        }

        var uploads = await Poll.UntilAsync(
            () => new UploadStatusTable(fixture.Deployment.Storage).ListAsync(Period, Cancellation).ToListAsync(Cancellation).AsTask(),
            all => all.Any(record => record.BlobName == blobName && record.Status is UploadStatus.Completed or UploadStatus.Rejected), $"{blobName} to end");
        return uploads.Single(record => record.BlobName == blobName);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path, string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var response = await SendAsync(http, path, key);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        request.Headers.Add("x-functions-key", key);
        return await http.SendAsync(request, Cancellation);
    }
}
