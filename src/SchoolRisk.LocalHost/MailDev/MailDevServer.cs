using System.Text.Json;
using SchoolRisk.LocalHost.NodeTools;

namespace SchoolRisk.LocalHost.MailDev;

/// <summary>
/// MailDev, the development mail server pinned in <c>package.json</c>: an SMTP server that keeps every letter, with a
/// web inbox (<see cref="WebUrl"/>) and a REST API the tests and the demo read. Loopback only; disposing it stops it.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private readonly NodeToolProcess _process;
    private readonly HttpClient _http;

    private MailDevServer(NodeToolProcess process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebUrl = new Uri($"http://127.0.0.1:{webPort}/");
        _http = new HttpClient { BaseAddress = WebUrl };
    }

    public int SmtpPort { get; }

    /// <summary>The web inbox, and the base of the REST API (<c>GET email</c>).</summary>
    public Uri WebUrl { get; }

    /// <param name="repositoryRoot">The folder whose <c>node_modules</c> holds MailDev.</param>
    /// <param name="smtpPort">The SMTP port; <c>null</c> picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MailDevServer> StartAsync(string repositoryRoot, int? smtpPort = null, CancellationToken cancellationToken = default)
    {
        var ports = NodeToolProcess.FreePorts(2);
        var smtp = smtpPort ?? ports[0];
        var process = await NodeToolProcess.StartAsync(
            repositoryRoot, "MailDev", Path.Combine("maildev", "bin", "maildev"),
            ["--smtp", $"{smtp}", "--web", $"{ports[1]}", "--ip", "127.0.0.1", "--silent"]);
        var server = new MailDevServer(process, smtp, ports[1]);
        try
        {
            await process.WaitUntilListeningAsync([smtp, ports[1]], TimeSpan.FromSeconds(60), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every letter received, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("email", cancellationToken));
        return [.. document.RootElement.EnumerateArray().Select(mail => new ReceivedMail(
            mail.GetProperty("id").GetString()!,
            [.. mail.TryGetProperty("to", out var to) ? to.EnumerateArray().Select(address => address.GetProperty("address").GetString()!) : []],
            mail.TryGetProperty("subject", out var subject) ? subject.GetString() ?? string.Empty : string.Empty,
            Text(mail, "messageId"),
            Text(mail, "html"),
            Text(mail, "text")))];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private static string? Text(JsonElement mail, string name) =>
        mail.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
