using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests;

/// <summary>The rule files of the repository's <c>rules/</c> folder, copied next to the tests.</summary>
internal static class RepositoryRules
{
    private static readonly Lazy<Task<RuleSet>> Loaded = new(async () =>
        await RuleSet.LoadAsync(await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"))));

    /// <summary>
    /// The repository's rule set, loaded once for every test that reads it: loading compiles every rule (seconds), and a
    /// rule set is immutable and evaluates concurrently, as the function app shares one across invocations.
    /// </summary>
    public static Task<RuleSet> LoadAsync() => Loaded.Value;

    /// <summary>The repository's rule files with <paramref name="replacement"/> in place of the file of its name (or added).</summary>
    public static async Task<List<RuleFile>> FilesWithAsync(RuleFile replacement) =>
        [.. (await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken))
            .Where(file => file.Name != replacement.Name), replacement];
}
