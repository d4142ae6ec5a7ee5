using System.Net;
using System.Text;
using System.Text.Json;
using SchoolRisk.Application.Messaging;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Rules;
using SchoolRisk.TestFiles.Corpus;
using SchoolRisk.Testing;

namespace SchoolRisk.Functions.Tests.Rules;

/// <summary>
/// Every edit of the hostile corpus (<see cref="HostileRuleEdits"/>) through every door of the running app: the CLI's
/// <c>rules validate</c> and <c>rules activate</c>, <c>POST /api/rules/preview</c>, and the files written into the
/// <c>rules</c> container. Each door refuses a bad edit with its problem (and accepts a good one); the active version
/// stays, the handler process is not restarted and no message reaches a poison queue.
/// </summary>
public sealed class HostileRuleEditDoorsTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    public static TheoryData<string> Edits => [.. HostileRuleEdits.All.Select(edit => edit.Name)];

    private RuleStore Store => new(fixture.Deployment.Storage, TimeProvider.System);

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Edit_ThroughEveryDoor_IsRefusedWithItsProblem_OrAccepted(string name)
    {
        var edit = HostileRuleEdits.All.Single(edit => edit.Name == name);
        var cancellationToken = TestContext.Current.CancellationToken;
        var original = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, cancellationToken);
        var edited = edit.Edit(original.ToDictionary(file => file.Name, file => file.Json));
        var changed = edited.Where(file => !original.Any(o => o.Name == file.Key && o.Json == file.Value)).ToDictionary();
        var restarts = fixture.Deployment.Worker.Restarts;
        var active = (await Store.ActiveAsync(cancellationToken))!.Version;
        var folder = Directory.CreateTempSubdirectory("schoolrisk-hostile-").FullName;
        try
        {
            foreach (var (file, json) in edited)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, file), json, new UTF8Encoding(false), cancellationToken);
            }

            var validate = await CliProcess.RunAsync("rules", "validate", "--from", folder);
            var preview = await PreviewAsync(changed, cancellationToken);
            if (edit.Problem is null)
            {
                Assert.Equal(0, validate.Exit);
                Assert.Equal(HttpStatusCode.OK, preview.Status);
                return;
            }

            var activate = await CliProcess.RunAsync("rules", "activate", "--from", folder, "--reason", edit.Name, "--connection-string", fixture.Deployment.ConnectionString);
            var rejection = await ThroughTheContainerAsync(edited, cancellationToken);

            Assert.Equal(1, validate.Exit);
            Assert.Contains(edit.Problem, validate.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", validate.Output, StringComparison.Ordinal);
            Assert.Equal(1, activate.Exit);
            Assert.Contains(edit.Problem, activate.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", activate.Output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.Status);
            Assert.Contains(preview.Body.GetProperty("problems").EnumerateArray(), problem => problem.GetString()!.Contains(edit.Problem, StringComparison.Ordinal));
            Assert.Contains(rejection.Problems, problem => problem.Contains(edit.Problem[..Math.Min(edit.Problem.Length, 40)], StringComparison.Ordinal));
            Assert.Equal(active, (await Store.ActiveAsync(cancellationToken))!.Version);
            Assert.Equal(restarts, fixture.Deployment.Worker.Restarts);
            Assert.Equal(0, await new PoisonMessages(fixture.Deployment.Storage, QueueNames.RulesEvents).CountAsync(cancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            await Store.WriteEditableAsync(original, new RuleChange("test", "the repository's rules back", "container"), cancellationToken);
        }
    }

    /// <summary>
    /// Writes the edited files into the <c>rules</c> container, as an administrator with Storage Explorer would, and waits
    /// for the rejection of the whole edit (not the first one recorded after it: that may be of the container read while
    /// the edit, or the restore of the edit before, was being written).
    /// </summary>
    private async Task<RuleRejection> ThroughTheContainerAsync(IReadOnlyDictionary<string, string> edited, CancellationToken cancellationToken)
    {
        List<RuleFile> files = [.. edited.Select(file => new RuleFile(file.Key, file.Value))];
        await Store.WriteEditableAsync(files, new RuleChange("test", "a hostile edit", "container"), cancellationToken);
        return await ContainerRejections.OfAsync(Store, files, "a hostile edit");
    }

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var key = await fixture.Deployment.Keys.SetAsync("PreviewRules", AccessScope.RulesAdministratorKey, cancellationToken: cancellationToken);
        using var http = new HttpClient { BaseAddress = fixture.Deployment.HttpUrl, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/rules/preview/2023-2024")
        {
            // As the page's JSON.stringify writes it: Cyrillic as it is, not as \uXXXX, which would make the 30 MB file's
            // body 90 MB, past what a rule door reads (413, RuleAnswers.MaxBodyBytes).
            Content = new StringContent(JsonSerializer.Serialize(new { files }, RelaxedJson), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", key);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
