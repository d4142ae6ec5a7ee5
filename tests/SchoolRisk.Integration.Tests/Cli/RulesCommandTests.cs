using SchoolRisk.Integration.Tests.Support;

namespace SchoolRisk.Integration.Tests.Cli;

/// <summary><c>schoolrisk rules validate</c>, run as an administrator runs it on their own machine: no storage, no server.</summary>
public sealed class RulesCommandTests
{
    [Fact]
    public async Task Validate_RepositoryRules_ExitsZeroNamingTheVersion()
    {
        var (exit, output) = await SchoolRiskCli.RunAsync("rules", "validate", "--from", TestRules.Folder);

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

            var (exit, output) = await SchoolRiskCli.RunAsync("rules", "validate", "--from", folder);
            var (missingExit, missing) = await SchoolRiskCli.RunAsync("rules", "validate", "--from", Path.Combine(folder, "no-such-folder"));

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
