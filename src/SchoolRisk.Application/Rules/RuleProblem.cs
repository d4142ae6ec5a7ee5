using System.Text.RegularExpressions;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// A validation problem with the file and rule it concerns, so that the page shows it next to them. Every door's problems
/// begin with the file's name and, when about a rule, <c>, правило «name»</c> (rules/README.md, "What a rule file must
/// pass"); <see cref="File"/> and <see cref="Rule"/> are <c>null</c> for a problem about the set as a whole.
/// </summary>
public sealed partial record RuleProblem(string? File, string? Rule, string Text)
{
    /// <summary>Where <paramref name="text"/> points, among <paramref name="fileNames"/> (the candidate's files).</summary>
    public static RuleProblem Of(string text, IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = fileNames.Where(name => text.StartsWith(name, StringComparison.Ordinal)).MaxBy(name => name.Length);
        var rule = file is null ? null : RuleName().Match(text, file.Length) is { Success: true } match && match.Index == file.Length ? match.Groups[1].Value : null;
        return new RuleProblem(file, rule, text);
    }

    [GeneratedRegex(@", правило «([^»]*)»")]
    private static partial Regex RuleName();
}
