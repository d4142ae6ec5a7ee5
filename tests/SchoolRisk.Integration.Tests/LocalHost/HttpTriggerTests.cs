using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using SchoolRisk.Integration.Tests.Support;
using SchoolRisk.LocalHost.Keys;

namespace SchoolRisk.Integration.Tests.LocalHost;

/// <summary>HTTP triggers of the local host: routes, the custom-handler payload, the http output and function keys.</summary>
public sealed class HttpTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string HostJson = """{ "version": "2.0", "extensions": { "queues": { "messageEncoding": "none" } } }""";

    [Fact]
    public async Task Request_ReachesTheHandlerAsTheContractSays_AndTheHttpOutputIsTheResponse_AndQueueOutputsAreWritten()
    {
        var answer = new { Outputs = new { res = new { statusCode = 201, headers = new { X_Test = "yes" }, body = new { ok = true } }, message = "queued" } };
        await using var handler = await FakeHandler.StartAsync(_ => Results.Json(answer));
        using var root = ScriptRoot.Create(HostJson, ("Things", FunctionJson("function", """ "route": "things/{id}", "methods": ["get", "post"], """, "http-out")));
        await using var run = await LocalHostRun.StartAsync(root, handler, azurite.Server.ConnectionString);
        var key = await run.Host.Keys.GetAsync("Things", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/things/42?period=2023-2024") { Content = new StringContent("{\"a\":\"б\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var queued = await Poll.UntilAsync(
            async () => (await new QueueClient(azurite.Server.ConnectionString, "http-out").PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value,
            messages => messages.Length > 0, "the queue output");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("X_Test").Single());
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("queued", Assert.Single(queued).MessageText);
        var (function, payload) = Assert.Single(handler.Invocations);
        var req = payload.GetProperty("Data").GetProperty("req");
        Assert.Equal("Things", function);
        Assert.Equal(("POST", "42", "2023-2024", "{\"a\":\"б\"}"), (req.GetProperty("Method").GetString(), req.GetProperty("Params").GetProperty("id").GetString(),
            req.GetProperty("Query").GetProperty("period").GetString(), req.GetProperty("Body").GetString()));
        Assert.EndsWith("/api/things/42?period=2023-2024", req.GetProperty("Url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Function", "default"], Claims(req).Select(claim => claim.Value));
    }

    [Fact]
    public async Task Keys_MissingOrWrongIs401_FunctionLevelTakesFunctionOrHostKeys_AdminLevelOnlyTheMasterKey()
    {
        await using var handler = await FakeHandler.StartAsync(_ => Results.Json(new { Outputs = new { res = new { body = "ok" } } }));
        using var root = ScriptRoot.Create(
            HostJson,
            ("Open", FunctionJson("anonymous", string.Empty, "open-out")),
            ("Guarded", FunctionJson("function", string.Empty, "guarded-out")),
            ("Admin", FunctionJson("admin", string.Empty, "admin-out")));
        await using var run = await LocalHostRun.StartAsync(root, handler, azurite.Server.ConnectionString);
        var keys = run.Host.Keys;
        var own = await keys.SetAsync("Guarded", "analyst", cancellationToken: TestContext.Current.CancellationToken);
        var hostKey = await keys.GetAsync(null, FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        var master = await keys.GetAsync(null, FunctionKeyStore.MasterKeyName, TestContext.Current.CancellationToken);
        var otherFunctions = await keys.GetAsync("Admin", FunctionKeyStore.DefaultKeyName, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = run.Host.HttpUrl };

        async Task<HttpStatusCode> CallAsync(string function, string? key) =>
            (await http.GetAsync(key is null ? $"api/{function}" : $"api/{function}?code={Uri.EscapeDataString(key)}", TestContext.Current.CancellationToken)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await CallAsync("Open", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("Guarded", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("Guarded", "not-a-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("Guarded", otherFunctions));
        Assert.Equal(HttpStatusCode.OK, await CallAsync("Guarded", own));
        Assert.Equal(HttpStatusCode.OK, await CallAsync("Guarded", hostKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("Admin", otherFunctions));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("Admin", hostKey));
        Assert.Equal(HttpStatusCode.OK, await CallAsync("Admin", master));
        Assert.Equal(
            [("Open", ""), ("Guarded", "analyst"), ("Guarded", "default"), ("Admin", "master")],
            handler.Invocations.Select(i => (i.Function, string.Join(",", Claims(i.Payload.GetProperty("Data").GetProperty("req")).Skip(1).Select(claim => claim.Value)))));
    }

    private static IEnumerable<(string Type, string Value)> Claims(JsonElement request) =>
        request.GetProperty("Identities").EnumerateArray()
            .SelectMany(identity => identity.GetProperty("Claims").EnumerateArray())
            .Select(claim => (claim.GetProperty("Type").GetString()!, claim.GetProperty("Value").GetString()!));

    private static string FunctionJson(string authLevel, string routeAndMethods, string queue) => $$"""
        {
          "bindings": [
            { "name": "req", "type": "httpTrigger", "direction": "in", {{routeAndMethods}} "authLevel": "{{authLevel}}" },
            { "name": "res", "type": "http", "direction": "out" },
            { "name": "message", "type": "queue", "direction": "out", "queueName": "{{queue}}", "connection": "AzureWebJobsStorage" }
          ]
        }
        """;
}
