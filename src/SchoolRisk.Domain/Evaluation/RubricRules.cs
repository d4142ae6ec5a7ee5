using System.Text.Json;
using RulesEngine.Models;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// Reads a rubric workflow: the file's <c>Rubric</c> section (<c>Title</c>, <c>Level</c>, <c>Items</c>) and one rule per
/// band with <c>Properties</c> <c>Band</c>, <c>Label</c>, <c>Zone</c>, <c>From</c> and <c>To</c>. <c>From</c> and
/// <c>To</c> become decimal local parameters <c>from</c> and <c>to</c>. The bands must cover every total from 0 to
/// twice the items, with no gap and no overlap: a source band table with a hole (16 in no band) or a maximum the items
/// cannot reach (88 with 43 items) is refused until the file says what it means.
/// </summary>
internal static class RubricRules
{
    public static Rubric Read(string fileName, JsonElement section, Workflow workflow)
    {
        string Where() => $"{fileName}, Rubric";
        // The same form as a school id: it is a Table storage key too (rubric results' row key).
        if (workflow.WorkflowName is not { Length: > 0 } name || SchoolRegistry.IdProblem(name) is not null)
        {
            throw new RuleSetException(
                $"{fileName}: the rubric's WorkflowName '{workflow.WorkflowName}' is a key of its results in Table storage: Latin letters, digits, '-', '_' and '.', at most {SchoolRegistry.MaxIdLength}.");
        }

        var title = section.TryGetProperty("Title", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString())
            ? t.GetString()!
            : throw new RuleSetException($"{Where()}: 'Title' must name the rubric as people know it.");
        var level = section.TryGetProperty("Level", out var l) && RubricLevels.TryParse(l.ValueKind == JsonValueKind.String ? l.GetString() : null, out var parsed)
            ? parsed
            : throw new RuleSetException($"{Where()}: 'Level' must be \"municipality\", \"school\" or \"course\".");
        var items = section.TryGetProperty("Items", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var count) && count is > 0 and <= 200
            ? count
            : throw new RuleSetException($"{Where()}: 'Items' must be the number of items, 1 to 200.");

        var bands = workflow.Rules.Select(rule => ReadBand(fileName, rule)).OrderBy(band => band.From).ToList();
        var expected = 0;
        foreach (var band in bands)
        {
            if (band.From != expected)
            {
                throw new RuleSetException(band.From > expected
                    ? $"{fileName}, rule '{band.RuleName}': totals {expected}–{band.From - 1} fall in no band; extend a band to cover them."
                    : $"{fileName}, rule '{band.RuleName}': starts at {band.From}, but totals up to {expected - 1} already belong to another band.");
            }

            expected = band.To + 1;
        }

        if (expected - 1 != 2 * items)
        {
            throw new RuleSetException(
                $"{fileName}: the bands end at {expected - 1}, but {items} items scored 0–2 total at most {2 * items}; the last band must end at {2 * items}.");
        }

        return new Rubric(workflow.WorkflowName, fileName, title, level, items, bands);
    }

    private static RubricBand ReadBand(string fileName, Rule rule)
    {
        string Where() => $"{fileName}, rule '{rule.RuleName}'";
        var properties = rule.Properties ?? [];
        string? Text(string name) => properties.GetValueOrDefault(name) is JsonElement { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        int Number(string name) => properties.GetValueOrDefault(name) is JsonElement { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new RuleSetException($"{Where()}: Properties.{name} must be a whole number of points, 0 or more.");

        var name = Text("Band") is { Length: > 0 } band ? band : throw new RuleSetException($"{Where()}: Properties.Band must name the band, for example \"low\".");
        if (!ZoneNames.TryParse(Text("Zone"), out var zone))
        {
            throw new RuleSetException($"{Where()}: Properties.Zone must be \"high\", \"medium\" or \"none\".");
        }

        var (from, to) = (Number("From"), Number("To"));
        if (from > to)
        {
            throw new RuleSetException($"{Where()}: From ({from}) is greater than To ({to}).");
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleSetException($"{Where()}: 'Expression' is missing.");
        }

        rule.LocalParams = [.. rule.LocalParams ?? [], RuleSet.DecimalParam("from", from), RuleSet.DecimalParam("to", to)];
        return new RubricBand(rule.RuleName, name, Text("Label") ?? name, zone, from, to);
    }
}
