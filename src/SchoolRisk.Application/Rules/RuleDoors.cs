using System.Text.Json;

namespace SchoolRisk.Application.Rules;

/// <summary>Reading the JSON bodies of the rule doors (<c>PreviewRules</c>, <c>CheckRules</c>, <c>ActivateRules</c>, <c>RollbackRules</c>), with the answers a malformed one gets, in Russian.</summary>
public static class RuleDoors
{
    /// <summary>The body's root element (a copy that outlives the document), or why the body is not JSON.</summary>
    public static bool TryReadBody(string? body, out JsonElement root, out string error)
    {
        (root, error) = (default, string.Empty);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body.TrimStart('\uFEFF'), RuleDraft.BodyJson);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException exception)
        {
            error = $"Тело запроса — не JSON: {exception.Message}";
            return false;
        }
    }

    /// <summary>The <see cref="RuleDraft"/> of <paramref name="body"/>, or why it is not one.</summary>
    public static bool TryReadDraft(string? body, out RuleDraft draft, out string error)
    {
        draft = new RuleDraft([], new HashSet<string>(), []);
        return TryReadBody(body, out var root, out error) && RuleDraft.TryRead(root, out draft, out error);
    }

    /// <summary>The string property <paramref name="name"/> of <paramref name="root"/>, trimmed; <c>null</c> when absent, empty or not a string.</summary>
    public static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>Whether the boolean property <paramref name="name"/> of <paramref name="root"/> is <c>true</c>.</summary>
    public static bool Flag(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
