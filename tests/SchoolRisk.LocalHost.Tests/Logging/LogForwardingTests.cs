using Azure.Storage.Queues;
using SchoolRisk.LocalHost.Tests.Support;
using SchoolRisk.Testing;

namespace SchoolRisk.LocalHost.Tests.Logging;

/// <summary>
/// The worker's logs on the host's side: a function's log under <c>Function.{Name}.User</c> (the gRPC RpcLog, with its
/// invocation id), and the same line, written by the app's JSON console logger, under <c>Host.Function.Console</c>
/// with the fields of its scopes and state, which is how scope fields (upload, municipality, rule set version) reach
/// the host's loggers.
/// </summary>
public sealed class LogForwardingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FunctionLog_ReachesTheHostsLogger_WithItsInvocation_AndWithItsScopeFields()
    {
        await using var run = await ContractHost.StartAsync(azurite.ConnectionString);
        var notice = """{"NoticeId":"n-1","UploadId":"u-9","MunicipalityId":"volosovsky","RuleSetVersion":"rs-3","Recipient":"head@example.org"}""";

        await new QueueClient(azurite.ConnectionString, "scoped-in").SendMessageAsync(Testing.Queues.Encode(notice, base64: true), TestContext.Current.CancellationToken);
        var structured = await run.LogAsync(
            entry => entry.Category == "Host.Function.Console" && entry.Message == "Notice n-1 sent to head@example.org", "the console line with its fields");
        var rpc = await run.LogAsync(entry => entry.Category == "Function.Scoped.User" && entry.Message == "Notice n-1 sent to head@example.org", "the RpcLog line");

        Assert.Equal(
            ("u-9", "volosovsky", "rs-3", "n-1", "head@example.org"),
            (structured.Fields["UploadId"], structured.Fields["MunicipalityId"], structured.Fields["RuleSetVersion"], structured.Fields["NoticeId"], structured.Fields["Recipient"]));
        Assert.Equal(structured.Fields["AzureFunctions_InvocationId"], rpc.Fields["InvocationId"]);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, rpc.Level);
    }
}
