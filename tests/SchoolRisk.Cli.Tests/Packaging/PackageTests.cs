using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolRisk.Cli.Packaging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.LocalHost;
using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests.Packaging;

/// <summary>
/// The deployment zip (<c>schoolrisk package</c>): the layout Azure Functions runs for an isolated-worker app, and that
/// app, unpacked, run by the local host against Azurite exactly as the Functions host runs a package: it seeds the
/// rules it ships, serves the page and answers a view with a committee key.
/// </summary>
public sealed class PackageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Root = TestDeployment.RepositoryRoot;

    /// <summary>The configuration of the function app the tests run (<c>bin/{configuration}/net10.0/</c>).</summary>
    private static readonly string BuildConfiguration = new DirectoryInfo(LocalDeployment.FunctionAppPath).Parent!.Name;

    [Fact]
    public async Task Package_HasTheLayoutAzureRuns_AndTheUnpackedAppStartsUnderTheHostAndAnswers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("schoolrisk-package-test-");
        try
        {
            var zip = Path.Combine(folder.FullName, "schoolrisk-functions.zip");
            // The build the test command already made and the other tests run, not a second
            // Release build: the layout and the start are the same, and a build of the app costs minutes of the suite's CPU.
            await FunctionPackage.CreateAsync(Root, zip, (BuildConfiguration, NoBuild: true), _ => { }, cancellationToken);
            var unpacked = Path.Combine(folder.FullName, "unpacked");
            using (var archive = ZipFile.OpenRead(zip))
            {
                var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet();
                Assert.Superset(FunctionPackage.RequiredFiles.ToHashSet(), entries);
                Assert.Superset(new HashSet<string> { "rules/exams.json", "site/index.html", "site/vendor/chart.umd.min.js", "extensions.json", ".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll" }, entries);
                Assert.DoesNotContain(entries, entry => entry.EndsWith("function.json", StringComparison.Ordinal));
                archive.ExtractToDirectory(unpacked);
            }

            var options = new LocalHostOptions { ScriptRoot = unpacked, StorageConnectionString = azurite.ConnectionString };
            options.Subscriptions.Clear();
            using var host = new LocalFunctionsHost(options, TimeProvider.System, NullLoggerFactory.Instance);
            await host.StartAsync(cancellationToken);
            try
            {
                var key = await host.Keys.SetAsync(null, "committee", cancellationToken: cancellationToken);
                using var http = new HttpClient { BaseAddress = host.HttpUrl };
                var page = await http.GetStringAsync("api/site/", cancellationToken);
                using var versions = await http.GetAsync($"api/rules/versions?code={key}", cancellationToken);

                Assert.Contains("Зоны риска школ", page, StringComparison.Ordinal);
                Assert.True(versions.IsSuccessStatusCode, $"rules/versions answered {(int)versions.StatusCode}");
                var rules = await RuleFiles.ReadDirectoryAsync(Path.Combine(Root, "rules"), cancellationToken);
                Assert.Equal(RuleSet.VersionOf(rules).ToString(), (await versions.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("active").GetString());
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
