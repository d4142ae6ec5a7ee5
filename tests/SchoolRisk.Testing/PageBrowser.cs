using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SchoolRisk.Testing;

/// <summary>What the page tests share: Debian's Chromium, which Playwright drives, and where screenshots and page logs go.</summary>
public static class PageBrowser
{
    /// <summary>Debian's Chromium (<c>scripts/ensure-tools.sh --browser</c> installs it).</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// How long an expectation on the page waits unless a test says otherwise: Playwright's 5 s is too short for a page
    /// whose requests queue behind the rest of the suite on two cores (a login not yet answered after 5 s failed a fresh
    /// clone's run on 2026-12-02); a page that is right answers in well under a second.
    /// </summary>
    public const float ExpectTimeoutMilliseconds = 30_000;

    /// <summary>Starts headless Chromium for a page test, and makes the page's expectations wait <see cref="ExpectTimeoutMilliseconds"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMilliseconds);
        return playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>The path of <paramref name="name"/> under <c>artifacts/screenshots/</c> in the repository, the folder created.</summary>
    public static string Artifact(string name)
    {
        var folder = Path.Combine(TestDeployment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// Logs what <paramref name="page"/> asks and is answered, with milliseconds since the log began and each request's
    /// duration, its failed requests, console errors and script errors, to <c>artifacts/screenshots/{name}.log</c> as they
    /// happen: what a page test that timed out waiting for a table leaves to tell why.
    /// </summary>
    public static void LogTraffic(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Artifact($"{name}.log");
        File.WriteAllText(path, string.Empty);
        var started = TimeProvider.System.GetTimestamp();
        var sent = new ConcurrentDictionary<IRequest, long>();
        var writing = new Lock();
        void Write(string line)
        {
            lock (writing)
            {
                File.AppendAllText(path, $"{TimeProvider.System.GetElapsedTime(started).TotalMilliseconds,8:F0} {line}{Environment.NewLine}");
            }
        }

        string Took(IRequest request) =>
            sent.TryRemove(request, out var at) ? $"{TimeProvider.System.GetElapsedTime(at).TotalMilliseconds:F0} ms" : "?";
        page.Request += (_, request) => sent[request] = TimeProvider.System.GetTimestamp();
        page.RequestFinished += (_, request) => Write($"{request.Method} {request.Url}: {Took(request)}");
        page.RequestFailed += (_, request) => Write($"{request.Method} {request.Url}: FAILED after {Took(request)}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Write($"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Write($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Write($"script error: {error}");
    }
}
