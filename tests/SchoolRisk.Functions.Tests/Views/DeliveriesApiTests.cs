using System.Net;
using System.Text;
using System.Text.Json;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Storage;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Views;

/// <summary>
/// The committee's deliveries through the local host (<c>Deliveries</c>, <c>DeliveryReplay</c>): a notice the mail
/// relay being down sent to the poison queue is seen with its reason and, once the relay is back, replayed and delivered;
/// no other key sees or replays anything; a body that is not what to replay is refused.
/// </summary>
public sealed class DeliveriesApiTests(MailOutageFixture fixture) : IClassFixture<MailOutageFixture>
{
    private static readonly Period Period = Period.Parse("2023-2024");

    [Fact]
    public async Task Deliveries_CommitteeKey_SeesThePoisonedNoticeWithItsReason_AndReplayingThePoisonQueueDeliversIt()
    {
        var notice = await fixture.PoisonANoticeAsync("lomonosovsky", Period);
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        var (status, before) = await GetAsync("deliveries/2023-2024", committee);
        var listed = before.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("noticeId").GetString() == notice.NoticeId);
        var email = listed.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("channel").GetString() == "email" && d.GetProperty("recipientId").GetString() == "lomonosovsky");
        var poisonQueue = before.GetProperty("poison").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == QueueNames.RiskNotifications);
        var poisoned = poisonQueue.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("what").GetString()!.Contains(notice.NoticeId, StringComparison.Ordinal));
        await fixture.StartMailAsync();
        var (replayStatus, replay) = await PostAsync(committee, new { queue = QueueNames.RiskNotifications });
        var delivered = await Poll.UntilAsync(
            async () => (await GetAsync("deliveries/2023-2024", committee)).Json.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("noticeId").GetString() == notice.NoticeId),
            n => n.GetProperty("status").GetString() == "Delivered", "the replayed notice delivered", TimeSpan.FromMinutes(2));
        var letters = await fixture.Mail!.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Retrying", "не доставлено, отправка повторяется"), (listed.GetProperty("status").GetString(), listed.GetProperty("statusTitle").GetString()));
        Assert.Contains("почтовый сервер 127.0.0.1:", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("retrying", "почта", "lomonosovsky@edu.example.ru"), (email.GetProperty("status").GetString(), email.GetProperty("channelTitle").GetString(), email.GetProperty("address").GetString()));
        Assert.True(email.GetProperty("attempts").GetInt32() >= 5, email.ToString());
        Assert.Equal("risk-notifications-poison", poisonQueue.GetProperty("poisonQueue").GetString());
        Assert.Equal($"уведомление «итоги проверки файла» муниципалитету lomonosovsky за 2023-2024 (№ {notice.NoticeId})", poisoned.GetProperty("what").GetString());
        Assert.Equal(listed.GetProperty("reason").GetString(), poisoned.GetProperty("reason").GetString());
        Assert.Equal("2023-2024", poisoned.GetProperty("period").GetString());
        Assert.Equal(HttpStatusCode.OK, replayStatus);
        Assert.True(replay.GetProperty("replayed").GetInt32() >= 1, replay.ToString());
        Assert.StartsWith("Из очереди risk-notifications-poison в очередь risk-notifications возвращено сообщений:", replay.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await new PoisonMessages(fixture.Deployment.Storage, QueueNames.RiskNotifications).CountAsync(TestContext.Current.CancellationToken));
        Assert.All(delivered.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal("sent", d.GetProperty("status").GetString()));
        Assert.Single(letters, l => l.To.Contains("lomonosovsky@edu.example.ru"));
    }

    [Fact]
    public async Task Deliveries_AMunicipalitysOrTheRulesAdministratorsKey_IsForbiddenToSeeAndToReplay()
    {
        var municipality = await fixture.Deployment.Keys.SetAsync(null, AccessScope.MunicipalityKeyPrefix + "kirovsky", cancellationToken: TestContext.Current.CancellationToken);
        var rulesAdmin = await fixture.Deployment.Keys.SetAsync(null, AccessScope.RulesAdministratorKey, cancellationToken: TestContext.Current.CancellationToken);

        var answers = new List<(HttpStatusCode Status, JsonElement Json)>();
        foreach (var key in new[] { municipality, rulesAdmin })
        {
            answers.Add(await GetAsync("deliveries/2023-2024", key));
            answers.Add(await PostAsync(key, new { queue = QueueNames.RiskNotifications }));
            answers.Add(await PostAsync(key, new { failed = true, period = "2023-2024" }));
        }

        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.Equal(
                "Журнал доставки уведомлений и повторная отправка доступны только комитету: войдите с ключом комитета.", answer.Json.GetProperty("error").GetString());
        });
    }

    [Fact]
    public async Task DeliveryReplay_ABodyThatIsNotWhatToReplay_IsRefusedInRussian()
    {
        var committee = await fixture.Deployment.Keys.SetAsync(null, AccessScope.CommitteeKey, cancellationToken: TestContext.Current.CancellationToken);

        var malformed = await PostRawAsync(committee, "{\"queue\": ");
        var neither = await PostAsync(committee, new { });
        var both = await PostAsync(committee, new { failed = true, queue = QueueNames.RiskNotifications });
        var unknownQueue = await PostAsync(committee, new { queue = "risk-notifications-poison" });
        var notAPeriod = await PostAsync(committee, new { failed = true, period = "2023" });
        var queueWithPeriod = await PostAsync(committee, new { queue = QueueNames.RiskNotifications, period = "2023-2024" });
        var large = await PostRawAsync(committee, $"{{\"queue\": \"{new string('x', 5000)}\"}}");
        var wrongPeriod = await GetAsync("deliveries/2023", committee);
        var nothingFailed = await PostAsync(committee, new { failed = true, period = "2019-2020" });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.StartsWith("Тело запроса должно быть JSON вида", malformed.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.All([neither, both], answer => Assert.Equal((HttpStatusCode.BadRequest, true), (answer.Status, answer.Json.GetProperty("error").GetString()!.StartsWith("Укажите одно:", StringComparison.Ordinal))));
        Assert.Equal(HttpStatusCode.BadRequest, unknownQueue.Status);
        Assert.StartsWith("Очереди «risk-notifications-poison» нет; есть: upload-events,", unknownQueue.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "«2023» — не учебный год вида 2023-2024."), (notAPeriod.Status, notAPeriod.Json.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, queueWithPeriod.Status);
        Assert.StartsWith("Учебный год указывается только с \"failed\"", queueWithPeriod.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Equal(HttpStatusCode.NotFound, wrongPeriod.Status);
        Assert.Equal((HttpStatusCode.OK, 0, "Неудавшихся уведомлений за 2019-2020 нет: отправлять снова нечего."),
            (nothingFailed.Status, nothingFailed.Json.GetProperty("replayed").GetInt32(), nothingFailed.Json.GetProperty("message").GetString()));
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path, string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        request.Headers.Add("x-functions-key", key);
        return await SendAsync(http, request);
    }

    private Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string key, object body) => PostRawAsync(key, JsonSerializer.Serialize(body));

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostRawAsync(string key, string body)
    {
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/deliveries/replay") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", key);
        return await SendAsync(http, request);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
