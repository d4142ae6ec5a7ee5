namespace SchoolRisk.Integration.Tests.Support;

/// <summary>What the page tests share: Debian's Chromium, which Playwright drives, and where screenshots go.</summary>
public static class PageBrowser
{
    /// <summary>Debian's Chromium (<c>scripts/ensure-tools.sh --browser</c> installs it).</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The path of <paramref name="name"/> under <c>artifacts/screenshots/</c> in the repository, the folder created.</summary>
    public static string Artifact(string name)
    {
        var folder = Path.Combine(TestDeployment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
