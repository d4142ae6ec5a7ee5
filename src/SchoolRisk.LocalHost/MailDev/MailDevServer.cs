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

    /// <summary>Starts MailDev on free ports (the SMTP port given, if any) and waits until its REST API answers.</summary>
    /// <param name="repositoryRoot">The folder whose <c>node_modules</c> holds MailDev.</param>
    /// <param name="smtpPort">The SMTP port; <c>null</c> picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">MailDev is not installed, exited, or no set of free ports worked.</exception>
    public static async Task<MailDevServer> StartAsync(string repositoryRoot, int? smtpPort = null, CancellationToken cancellationToken = default) =>
        await LoopbackPorts.StartAsync("MailDev", 2, async ports =>
        {
            var (smtp, web) = (smtpPort ?? ports[0], ports[1]);
            var process = await NodeToolProcess.StartAsync(
                repositoryRoot, "MailDev", Path.Combine("maildev", "bin", "maildev"),
                ["--smtp", $"{smtp}", "--web", $"{web}", "--ip", "127.0.0.1", "--silent"]);
            var server = new MailDevServer(process, smtp, web);
            try
            {
                await process.WaitUntilListeningAsync([smtp, web], TimeSpan.FromSeconds(60), cancellationToken);
                await server.ListAsync(cancellationToken);
                return server;
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException)
            {
                // The web port answers, but not as MailDev: another server bound it first.
                await server.DisposeAsync();
                return null;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        });

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
