using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests;

/// <summary>The rule files of the repository's <c>rules/</c> folder, copied next to the tests.</summary>
internal static class RepositoryRules
{
    private static readonly Lazy<RuleSet> Loaded = new(() =>
        RuleSet.Load(RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules")).GetAwaiter().GetResult()));

    public static RuleSet RuleSet => Loaded.Value;
}
