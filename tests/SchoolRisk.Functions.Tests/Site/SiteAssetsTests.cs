using System.Text.RegularExpressions;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Site;

/// <summary>The page works offline: nothing it loads or calls lives outside the app (no CDN, no external font or API).</summary>
public sealed partial class SiteAssetsTests
{
    [Fact]
    public void ThePageAndItsScripts_ReferNoAddressOutsideTheApp()
    {
        var assets = Path.Combine(TestDeployment.RepositoryRoot, "src", "SchoolRisk.Functions", "Site", "assets");
        var files = Directory.EnumerateFiles(assets, "*.*", SearchOption.AllDirectories).Where(path => Path.GetExtension(path) is ".html" or ".js" or ".css").ToList();

        var external = files
            .SelectMany(path => ExternalAddress().Matches(File.ReadAllText(path)).Select(match => $"{Path.GetFileName(path)}: {match.Value}"))
            .ToList();

        Assert.Contains(files, path => path.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Empty(external);
    }

    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s""'`)]*", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();
}
