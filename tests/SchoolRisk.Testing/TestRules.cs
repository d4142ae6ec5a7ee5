using System.Globalization;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Testing;

/// <summary>Rule edits the tests activate.</summary>
public static class TestRules
{
    public static string Folder { get; } = Path.Combine(TestDeployment.RepositoryRoot, "rules");

    /// <summary>The repository's rules with the ЕГЭ high-risk threshold moved to <paramref name="threshold"/>, its boundary cases moved with it.</summary>
    public static async Task<IReadOnlyList<RuleFile>> EgeHighFromAsync(decimal threshold)
    {
        var files = await RuleFiles.ReadDirectoryAsync(Folder, TestContext.Current.CancellationToken);
        var text = threshold.ToString(CultureInfo.InvariantCulture);
        var below = (threshold - 0.1m).ToString(CultureInfo.InvariantCulture);
        return [.. files.Select(f => f.Name != "exams.json" ? f : f with
        {
            Json = ReplaceFirst(f.Json, "\"Threshold\": 10", $"\"Threshold\": {text}")
                .Replace("\"ege_below_min_share\": 10", $"\"ege_below_min_share\": {text}", StringComparison.Ordinal)
                .Replace("\"ege_below_min_share\": 9.9", $"\"ege_below_min_share\": {below}", StringComparison.Ordinal),
        })];

        static string ReplaceFirst(string text, string what, string with)
        {
            var at = text.IndexOf(what, StringComparison.Ordinal);
            return text[..at] + with + text[(at + what.Length)..];
        }
    }
}
