using System.Diagnostics.CodeAnalysis;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// The keys and Russian titles of <see cref="SupportKind"/>: <c>subsidy</c> «субсидия», <c>mentoring</c> «наставничество»,
/// <c>municipal-programme</c> «муниципальная программа поддержки», <c>methodological-help</c> «методическая помощь»,
/// <c>other</c> «другое».
/// </summary>
public static class SupportKinds
{
    private static readonly (SupportKind Kind, string Key, string Title)[] All =
    [
        (SupportKind.Subsidy, "subsidy", "субсидия"),
        (SupportKind.Mentoring, "mentoring", "наставничество"),
        (SupportKind.MunicipalProgramme, "municipal-programme", "муниципальная программа поддержки"),
        (SupportKind.MethodologicalHelp, "methodological-help", "методическая помощь"),
        (SupportKind.Other, "other", "другое"),
    ];

    /// <summary>Every kind, in the order the page and the CLI list them.</summary>
    public static IReadOnlyList<SupportKind> Kinds { get; } = [.. All.Select(entry => entry.Kind)];

    /// <summary>The key: <c>subsidy</c>, <c>mentoring</c>, <c>municipal-programme</c>, <c>methodological-help</c>, <c>other</c>.</summary>
    public static string ToKey(this SupportKind kind) => All.Single(entry => entry.Kind == kind).Key;

    /// <summary>The Russian title: «субсидия», «наставничество», …</summary>
    public static string Title(this SupportKind kind) => All.Single(entry => entry.Kind == kind).Title;

    /// <summary>The kind <paramref name="text"/> names by its key or its Russian title, ignoring case; <c>false</c> for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SupportKind kind)
    {
        var trimmed = text?.Trim();
        var found = All.FirstOrDefault(entry =>
            string.Equals(entry.Key, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(entry.Title, trimmed, StringComparison.OrdinalIgnoreCase));
        kind = found.Kind;
        return found.Key is not null;
    }

    /// <summary>«укажите вид поддержки: subsidy (субсидия), mentoring (наставничество), …»: the Russian list of what may be given.</summary>
    public static string Choices => string.Join(", ", All.Select(entry => $"{entry.Key} ({entry.Title})"));
}
