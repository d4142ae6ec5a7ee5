using System.Text;
using System.Text.Json;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Testing;

namespace SchoolRisk.Cli.Tests.Rules;

/// <summary>
/// <c>schoolrisk rules</c> run as an administrator runs it, against Azurite: a removal refused until
/// <c>--allow-removal</c> (activate and rollback), the author recorded as the command line declared it and shown so by
/// <c>rules list</c>, with where a rejection's whole text is; and who the CLI is in Azure, read from its token; and
/// <c>rules validate</c> on the administrator's own machine, with no storage.
/// </summary>
public sealed class RulesCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ActivateAndRollback_ARemovalIsRefusedUntilAllowed_AndListShowsWhoAsDeclaredAndWhereTheWholeRejectionIs()
    {
        await azurite.Storage.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var connection = azurite.ConnectionString;
        var defaults = await RuleFiles.ReadDirectoryAsync(TestRules.Folder, TestContext.Current.CancellationToken);
        var withoutPrevention = Directory.CreateTempSubdirectory("schoolrisk-rules-").FullName;
        foreach (var file in defaults.Where(file => file.Name != "prevention.json"))
        {
            await File.WriteAllTextAsync(Path.Combine(withoutPrevention, file.Name), file.Json, TestContext.Current.CancellationToken);
        }

        string[] Rules(params string[] arguments) => ["rules", "--connection-string", connection, .. arguments];
        var first = await CliProcess.RunAsync(Rules("activate", "--from", TestRules.Folder, "--by", "Петрова А.", "--reason", "начальные правила"));
        var refused = await CliProcess.RunAsync(Rules("activate", "--from", withoutPrevention, "--by", "Петрова А.", "--reason", "без профилактики"));
        var allowed = await CliProcess.RunAsync(Rules("activate", "--from", withoutPrevention, "--by", "Петрова А.", "--reason", "без профилактики", "--allow-removal"));
        var back = await CliProcess.RunAsync(Rules("rollback", RuleSet.VersionOf(defaults).ToString(), "--reason", "назад"));
        var withoutVersion = RuleSet.VersionOf(defaults.Where(file => file.Name != "prevention.json")).ToString();
        var rollbackRefused = await CliProcess.RunAsync(Rules("rollback", withoutVersion, "--reason", "снова без профилактики"));
        var rollbackAllowed = await CliProcess.RunAsync(Rules("rollback", withoutVersion, "--reason", "снова без профилактики", "--allow-removal"));
        var list = await CliProcess.RunAsync(Rules("list"));
        var full = await CliProcess.RunAsync(Rules("list", "--full"));

        Assert.Equal(0, first.Exit);
        Assert.Contains("Активирована версия", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("prevention.json, блок «prevention»: блока больше нет в правилах", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--allow-removal", refused.Output, StringComparison.Ordinal);
        Assert.Contains("Полный текст: rules-archive/rejections/", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, allowed.Exit);
        Assert.Contains($"Активирована версия {RuleSet.VersionOf(defaults)}", back.Output, StringComparison.Ordinal);
        Assert.Equal(1, rollbackRefused.Exit);
        Assert.Contains("prevention.json, показатель offences_per_1000", rollbackRefused.Output, StringComparison.Ordinal);
        Assert.Equal(0, rollbackAllowed.Exit);
        Assert.Contains($"Активирована версия {withoutVersion}", rollbackAllowed.Output, StringComparison.Ordinal);
        Assert.Contains("Петрова А. (указано в командной строке, не проверено)", list.Output, StringComparison.Ordinal);
        Assert.Contains("отклонено", list.Output, StringComparison.Ordinal);
        Assert.Contains($"отклонены файлы версии {withoutVersion}", list.Output, StringComparison.Ordinal);
        Assert.Contains("полный текст: rules-archive/rejections/", list.Output, StringComparison.Ordinal);
        Assert.Contains("Правка правил отклонена", full.Output, StringComparison.Ordinal);
        var audit = await new RuleStore(azurite.Storage, TimeProvider.System).ListVersionsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["rollback", "rollback", "cli", "cli"], audit.Select(version => version.Source));
        Assert.All(audit, version => Assert.Equal(AuthorOrigin.CommandLine, version.ByOrigin));
        Assert.Equal(Environment.UserName, audit[0].By);
    }

    [Theory]
    [InlineData("""{"upn":"a.petrova@edu.example.ru","oid":"1f2e"}""", "a.petrova@edu.example.ru, oid 1f2e")]
    [InlineData("""{"preferred_username":"admin@region.example","oid":"9a"}""", "admin@region.example, oid 9a")]
    [InlineData("""{"oid":"00000000-0000-0000-0000-000000000001","appid":"x"}""", "oid 00000000-0000-0000-0000-000000000001")]
    public void SignedInIdentity_NamesWhoTheTokenIsFor_ByUpnPreferredUsernameOrObjectId(string claims, string expected)
    {
        var token = $"{Base64Url("""{"alg":"RS256"}""")}.{Base64Url(claims)}.signature";

        Assert.Equal(expected, SignedInIdentity.NameOf(token));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("e30.e30.sig")]
    public void SignedInIdentity_ATokenThatNamesNobody_IsRefused(string token) =>
        Assert.Throws<FormatException>(() => SignedInIdentity.NameOf(token));

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonDocument.Parse(json).RootElement.GetRawText())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task Validate_RepositoryRules_ExitsZeroNamingTheVersion()
    {
        var (exit, output) = await CliProcess.RunAsync("rules", "validate", "--from", TestRules.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("Правила прошли проверку: версия ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedFiles_PrintsEveryProblemWithoutAStackTrace_AndExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("schoolrisk-rules-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(TestRules.Folder, "*.json"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var exams = Path.Combine(folder, "exams.json");
            await File.WriteAllTextAsync(exams, (await File.ReadAllTextAsync(exams, TestContext.Current.CancellationToken)).Replace("\"Threshold\": 10", "\"Treshold\": 10", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "staff.json"), """{ "WorkflowName": "staff", "Rules": [ null ] }""", TestContext.Current.CancellationToken);

            var (exit, output) = await CliProcess.RunAsync("rules", "validate", "--from", folder);
            var (missingExit, missing) = await CliProcess.RunAsync("rules", "validate", "--from", Path.Combine(folder, "no-such-folder"));

            Assert.Equal(1, exit);
            Assert.Contains("exams.json, правило «ege_below_min_share.high», ключ «Properties.Treshold»: такого ключа нет; может быть, «Threshold»?", output, StringComparison.Ordinal);
            Assert.Contains("staff.json, правило №1: ожидается объект { … }, а записано null.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.Equal(1, missingExit);
            Assert.Contains("Папки правил", missing, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", missing, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
