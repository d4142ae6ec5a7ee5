using SchoolRisk.LocalHost.Configuration;

namespace SchoolRisk.LocalHost.Tests.Configuration;

/// <summary>
/// <c>host.json</c> as the local host reads it: a value the Functions host refuses at start is refused here too, naming
/// the file and the key, instead of a host that starts and then fails every message (the 2026-11-30 fresh-eyes pass:
/// <c>maxDequeueCount</c> 0 poisoned every message unread, <c>batchSize</c> 0 logged storage errors forever,
/// <c>functionTimeout</c> "abc" or invalid JSON ended the process with a bare parser exception).
/// </summary>
public sealed class HostJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hostjson-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 0 } } }""", "extensions.queues.maxDequeueCount is 0")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 0 } } }""", "extensions.queues.batchSize is 0; the Functions host takes 1 to 32")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 64 } } }""", "extensions.queues.batchSize is 64")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "newBatchThreshold": -2 } } }""", "extensions.queues.newBatchThreshold is -2")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "maxPollingInterval": "00:00:00.010" } } }""", "extensions.queues.maxPollingInterval is 00:00:00.0100000")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "visibilityTimeout": "soon" } } }""", "extensions.queues.visibilityTimeout is «soon»")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "batchSize": "many" } } }""", "extensions.queues.batchSize is «many», not a whole number")]
    [InlineData("""{ "version": "2.0", "functionTimeout": "00:00:00" }""", "functionTimeout is 00:00:00; the Functions host takes at least 00:00:01")]
    [InlineData("""{ "version": "2.0", "functionTimeout": "abc" }""", "functionTimeout is «abc»")]
    [InlineData("""{ "version": "2.0", "functionTimeout": "00:05:00" """, "is not valid JSON")]
    public void RefusedValue_NamesTheFileAndTheKey(string json, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "host.json"), json);

        var refused = Assert.Throws<InvalidOperationException>(() => HostJson.Load(_folder, []));

        Assert.Contains(Path.Combine(_folder, "host.json"), refused.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverrideIsCheckedAsTheFileIs()
    {
        File.WriteAllText(Path.Combine(_folder, "host.json"), """{ "version": "2.0" }""");

        var refused = Assert.Throws<InvalidOperationException>(
            () => HostJson.Load(_folder, [new($"{HostJson.OverridePrefix}extensions__queues__maxDequeueCount", "0")]));

        Assert.Contains("extensions.queues.maxDequeueCount is 0", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.00:00:00")]
    public void NoLimit_OrOneLongerThanATimerCanRun_IsNoTimeout(string timeout)
    {
        File.WriteAllText(Path.Combine(_folder, "host.json"), $$"""{ "version": "2.0", "functionTimeout": "{{timeout}}" }""");

        Assert.Null(HostJson.Load(_folder, []).FunctionTimeout);
    }

    [Fact]
    public void Defaults_AreTheFunctionsHosts()
    {
        File.WriteAllText(Path.Combine(_folder, "host.json"), """{ "version": "2.0" }""");

        var host = HostJson.Load(_folder, []);

        Assert.Equal((TimeSpan.FromMinutes(30), "api"), (host.FunctionTimeout, host.HttpRoutePrefix));
        Assert.Equal(new QueuesSettings(16, 8, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5, true), host.Queues);
    }
}
