using System.Text.Json;
using SchoolRisk.Domain.Evaluation.Shape;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// The text of one rule file, one RulesEngine workflow, with the name it is known by (<c>exams.json</c>). A leading
/// byte-order mark (as some editors and Azure Storage Explorer write UTF-8) is dropped, so every door reads the same text
/// and the same version.
/// </summary>
public sealed record RuleFile(string Name, string Json)
{
    /// <summary>The file's JSON text, without a byte-order mark.</summary>
    public string Json { get; init; } = Json is ['\uFEFF', ..] ? Json[1..] : Json;

    /// <summary>The file as a JSON document, comments and trailing commas allowed, for the sections RulesEngine does not read.</summary>
    internal JsonDocument Parse() => JsonDocument.Parse(Json, RuleFileShape.Json);

    /// <summary>The entries of the file's <c>TestCases</c> array that <paramref name="belongs"/> picks, each read by <paramref name="read"/>.</summary>
    internal IReadOnlyList<T> ReadTestCases<T>(Func<JsonElement, bool> belongs, Func<JsonElement, T> read)
    {
        using var document = Parse();
        return document.RootElement.TryGetProperty("TestCases", out var cases) ? [.. cases.EnumerateArray().Where(belongs).Select(read)] : [];
    }
}
