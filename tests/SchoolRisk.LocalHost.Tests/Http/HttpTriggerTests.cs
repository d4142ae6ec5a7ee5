using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Keys;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Http;

/// <summary>
/// HTTP triggers of the local host through the contract worker (<c>HttpRequestData</c>): routes, the request as the
/// worker reads it, the key's identity, function keys, and a multi-output answer with an <c>[HttpResult]</c>.
/// </summary>
public sealed class HttpTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Request_ReachesTheWorkerWhole_WithItsRouteValueAndTheKeysIdentity_AndItsResponseComesBack()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var key = await run.Host.Keys.GetAsync("Who", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/who/bob?x=2023-2024") { Content = new StringContent("{\"a\":\"б\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", key);
        request.Headers.Add("X-Test", "yes");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Who", response.Headers.GetValues("X-Function").Single());
        Assert.Equal(("bob", "POST", "2023-2024", "yes", "{\"a\":\"б\"}"), (Text(echo, "Name"), Text(echo, "Method"), Text(echo, "Query"), Text(echo, "Header"), Text(echo, "Body")));
        Assert.Equal($"{run.Host.HttpUrl}api/who/bob?x=2023-2024", Text(echo, "Url"));
        Assert.Equal(("Function", "default", KeyGrant.AuthenticationType), (Text(echo, "AuthLevel"), Text(echo, "KeyId"), Text(echo, "AuthenticationType")));
    }

    [Fact]
    public async Task BodyLargerThanGrpcsDefaultMessageLimit_ReachesTheWorker()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var key = await run.Host.Keys.GetAsync("Who", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };
        var body = new string('x', 20 * 1024 * 1024);

        using var response = await http.PostAsync($"api/who/big?code={Uri.EscapeDataString(key!)}", new StringContent(body), TestContext.Current.CancellationToken);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, echo.GetProperty("BodyLength").GetInt64());
    }

    [Fact]
    public async Task MultiOutput_HttpResultIsTheResponse_AQueueOutputIsOneMessage_AnArrayOneMessagePerElement_AndNullNone()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var key = await run.Host.Keys.GetAsync("Orders", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };
        http.DefaultRequestHeaders.Add("x-functions-key", key);

        using var first = await http.PostAsync("api/orders/42", new StringContent("first line\nsecond line"), TestContext.Current.CancellationToken);
        using var second = await http.PostAsync("api/orders/43", new StringContent(string.Empty), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Accepted, "42", "accepted 42"), (first.StatusCode, first.Headers.GetValues("X-Order-Id").Single(), await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(["order:42", "order:43"], await Testing.Queues.WaitForAsync(new QueueClient(azurite.ConnectionString, "orders-single"), 2));
        Assert.Equal(["first line", "second line"], await Testing.Queues.WaitForAsync(new QueueClient(azurite.ConnectionString, "orders-lines"), 2));
    }

    [Fact]
    public async Task Keys_MissingOrWrongIs401_FunctionLevelTakesItsOwnOrAHostKey_AdminOnlyTheMasterKey_AndTheKeysNameReachesTheFunction()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var keys = run.Host.Keys;
        var own = await keys.SetAsync("Who", "analyst", cancellationToken: TestContext.Current.CancellationToken);
        var hostKey = await keys.GetAsync(null, FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        var master = await keys.GetAsync(null, FunctionKeyStore.MasterKeyName, TestContext.Current.CancellationToken);
        var otherFunctions = await keys.GetAsync("Orders", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };

        async Task<(HttpStatusCode Status, string? Level, string? KeyName)> CallAsync(string route, string? key)
        {
            using var response = await http.GetAsync(key is null ? $"api/{route}/x" : $"api/{route}/x?code={Uri.EscapeDataString(key)}", TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, null, null);
            }

            var echo = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            return (response.StatusCode, Text(echo, "AuthLevel"), Text(echo, "KeyId"));
        }

        Assert.Equal((HttpStatusCode.OK, null, null), await CallAsync("open", null));
        Assert.Equal((HttpStatusCode.OK, null, null), await CallAsync("open", "not-a-key"));
        Assert.Equal((HttpStatusCode.OK, "Admin", "master"), await CallAsync("open", master));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("who", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("who", "not-a-key")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("who", otherFunctions)).Status);
        Assert.Equal((HttpStatusCode.OK, "Function", "analyst"), await CallAsync("who", own));
        Assert.Equal((HttpStatusCode.OK, "Function", "default"), await CallAsync("who", hostKey));
        Assert.Equal((HttpStatusCode.OK, "Admin", "master"), await CallAsync("who", master));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("master", otherFunctions)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("master", hostKey)).Status);
        Assert.Equal((HttpStatusCode.OK, "Admin", "master"), await CallAsync("master", master));
    }

    private static string? Text(JsonElement echo, string name) => echo.GetProperty(name).GetString();
}
