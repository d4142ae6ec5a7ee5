using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>The text of one rule file, one RulesEngine workflow, with the name it is known by (<c>exams.json</c>).</summary>
public sealed record RuleFile(string Name, string Json)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The file as a JSON document, comments and trailing commas allowed, for the sections RulesEngine does not read.</summary>
    internal JsonDocument Parse() => JsonDocument.Parse(Json, Options);

    /// <summary>The entries of the file's <c>TestCases</c> array that <paramref name="belongs"/> picks, each read by <paramref name="read"/>.</summary>
    internal IReadOnlyList<T> ReadTestCases<T>(Func<JsonElement, bool> belongs, Func<JsonElement, T> read)
    {
        using var document = Parse();
        return document.RootElement.TryGetProperty("TestCases", out var cases) ? [.. cases.EnumerateArray().Where(belongs).Select(read)] : [];
    }
}
