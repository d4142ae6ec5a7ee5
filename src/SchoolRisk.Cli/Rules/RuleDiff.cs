using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Cli.Rules;

/// <summary>The difference between two rule sets, file by file: added and removed files, and changed lines (DiffPlex) with one line of context.</summary>
public static class RuleDiff
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<RuleFile> from, IReadOnlyList<RuleFile> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var lines = new List<string>();
        foreach (var name in from.Select(file => file.Name).Union(to.Select(file => file.Name)).Order(StringComparer.Ordinal))
        {
            var before = from.FirstOrDefault(file => file.Name == name)?.Json;
            var after = to.FirstOrDefault(file => file.Name == name)?.Json;
            if (before == after)
            {
                continue;
            }

            lines.Add(before is null ? $"+++ {name} (added)" : after is null ? $"--- {name} (removed)" : $"*** {name}");
            if (before is null || after is null)
            {
                continue;
            }

            var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines;
            for (var index = 0; index < diff.Count; index++)
            {
                bool Changed(int at) => at >= 0 && at < diff.Count && diff[at].Type != ChangeType.Unchanged;
                var line = diff[index];
                if (line.Type == ChangeType.Unchanged && !Changed(index - 1) && !Changed(index + 1))
                {
                    continue;
                }

                lines.Add($"{line.Position,5} {Marker(line.Type)} {line.Text}");
            }
        }

        return lines;

        static char Marker(ChangeType type) => type switch
        {
            ChangeType.Inserted => '+',
            ChangeType.Deleted => '-',
            _ => ' ',
        };
    }
}
