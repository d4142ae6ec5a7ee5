using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The difference between two rule sets, file by file (DiffPlex, a maintained line differ, rather than one of our own):
/// added and removed files, and a changed file's changed lines with one line of context around each.
/// </summary>
public static class RuleDiff
{
    /// <summary>Every file that differs between <paramref name="from"/> and <paramref name="to"/>, by name.</summary>
    public static IReadOnlyList<RuleFileDiff> Files(IReadOnlyList<RuleFile> from, IReadOnlyList<RuleFile> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var files = new List<RuleFileDiff>();
        foreach (var name in from.Select(file => file.Name).Union(to.Select(file => file.Name)).Order(StringComparer.Ordinal))
        {
            var before = from.FirstOrDefault(file => file.Name == name)?.Json;
            var after = to.FirstOrDefault(file => file.Name == name)?.Json;
            if (before == after)
            {
                continue;
            }

            if (before is null || after is null)
            {
                files.Add(new RuleFileDiff(name, before is null ? RuleFileChange.Added : RuleFileChange.Removed, []));
                continue;
            }

            var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines;
            bool Changed(int at) => at >= 0 && at < diff.Count && diff[at].Type != ChangeType.Unchanged;
            var lines = diff
                .Select((line, index) => (line, index))
                .Where(pair => pair.line.Type != ChangeType.Unchanged || Changed(pair.index - 1) || Changed(pair.index + 1))
                .Select(pair => new RuleDiffLine(pair.line.Position, pair.line.Type switch
                {
                    ChangeType.Inserted => RuleDiffLineKind.Added,
                    ChangeType.Deleted => RuleDiffLineKind.Removed,
                    _ => RuleDiffLineKind.Context,
                }, pair.line.Text))
                .ToList();
            files.Add(new RuleFileDiff(name, RuleFileChange.Changed, lines));
        }

        return files;
    }

    /// <summary>The difference as lines of text, as the CLI prints it: <c>*** exams.json</c>, then <c>   12 - "Threshold": 10</c>.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<RuleFile> from, IReadOnlyList<RuleFile> to) =>
        [.. Files(from, to).SelectMany(file => file.Change switch
        {
            RuleFileChange.Added => [$"+++ {file.Name} (added)"],
            RuleFileChange.Removed => [$"--- {file.Name} (removed)"],
            _ => new[] { $"*** {file.Name}" }.Concat(file.Lines.Select(line => $"{line.Position,5} {Marker(line.Kind)} {line.Text}")),
        })];

    private static char Marker(RuleDiffLineKind kind) => kind switch
    {
        RuleDiffLineKind.Added => '+',
        RuleDiffLineKind.Removed => '-',
        _ => ' ',
    };
}

/// <summary>How a file differs between two versions.</summary>
public enum RuleFileChange
{
    /// <summary>Only the second version has it.</summary>
    Added,

    /// <summary>Only the first version has it.</summary>
    Removed,

    /// <summary>Both have it, with different text.</summary>
    Changed,
}

/// <summary>What a line of a changed file is in the diff.</summary>
public enum RuleDiffLineKind
{
    /// <summary>A line around a change, the same in both.</summary>
    Context,

    /// <summary>A line only the second version has.</summary>
    Added,

    /// <summary>A line only the first version has.</summary>
    Removed,
}

/// <summary>A file's difference: for a changed file, its changed lines with context (<see cref="RuleDiffLine"/>); none for an added or removed one.</summary>
public sealed record RuleFileDiff(string Name, RuleFileChange Change, IReadOnlyList<RuleDiffLine> Lines);

/// <summary>A line of a diff: its number in the version that has it (<c>null</c> for a removed line), kind and text.</summary>
public sealed record RuleDiffLine(int? Position, RuleDiffLineKind Kind, string Text);
