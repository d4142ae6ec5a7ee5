using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests;

/// <summary>The rule files of the repository's <c>rules/</c> folder, copied next to the tests.</summary>
internal static class RepositoryRules
{
    public static async Task<RuleSet> LoadAsync() =>
        await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules")));
}
