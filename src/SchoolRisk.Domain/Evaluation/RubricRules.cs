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
        string Where() => $"{fileName}, раздел Rubric";
        // The same form as a school id: it is a Table storage key too (rubric results' row key).
        if (workflow.WorkflowName is not { Length: > 0 } name || SchoolId.ProblemOf(name) is not null)
        {
            throw new RuleSetException(
                $"{fileName}: WorkflowName рубрики «{workflow.WorkflowName}» служит ключом её результатов в хранилище: латинские буквы, цифры, «-», «_» и «.», не больше {SchoolId.MaxLength} знаков.");
        }

        var title = section.TryGetProperty("Title", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString())
            ? t.GetString()!
            : throw new RuleSetException($"{Where()}: Title должен называть рубрику так, как её знают люди.");
        var level = section.TryGetProperty("Level", out var l) && RubricLevels.TryParse(l.ValueKind == JsonValueKind.String ? l.GetString() : null, out var parsed)
            ? parsed
            : throw new RuleSetException($"{Where()}: Level должен быть \"municipality\", \"school\" или \"course\".");
        var items = section.TryGetProperty("Items", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var count) && count is > 0 and <= 200
            ? count
            : throw new RuleSetException($"{Where()}: Items — число пунктов рубрики, от 1 до 200.");

        var bands = workflow.Rules.Select(rule => ReadBand(fileName, rule)).OrderBy(band => band.From).ToList();
        var expected = 0;
        foreach (var band in bands)
        {
            if (band.From != expected)
            {
                throw new RuleSetException(band.From > expected
                    ? $"{fileName}, правило «{band.RuleName}»: суммы {expected}–{band.From - 1} не попадают ни в один уровень; расширьте уровень, чтобы он их покрыл."
                    : $"{fileName}, правило «{band.RuleName}»: начинается с {band.From}, но суммы до {expected - 1} уже относятся к другому уровню.");
            }

            expected = band.To + 1;
        }

        if (expected - 1 != 2 * items)
        {
            throw new RuleSetException(
                $"{fileName}: уровни заканчиваются на {expected - 1}, но {items} пунктов по 0–2 балла дают не больше {2 * items}; последний уровень должен заканчиваться на {2 * items}.");
        }

        return new Rubric(workflow.WorkflowName, fileName, title, level, items, bands);
    }

    private static RubricBand ReadBand(string fileName, Rule rule)
    {
        string Where() => $"{fileName}, правило «{rule.RuleName}»";
        var properties = rule.Properties ?? [];
        string? Text(string name) => properties.GetValueOrDefault(name) is JsonElement { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        int Number(string name) => properties.GetValueOrDefault(name) is JsonElement { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new RuleSetException($"{Where()}: Properties.{name} должно быть целым числом баллов, 0 или больше.");

        var name = Text("Band") is { Length: > 0 } band ? band : throw new RuleSetException($"{Where()}: Properties.Band должен называть уровень, например \"low\".");
        if (!ZoneNames.TryParse(Text("Zone"), out var zone))
        {
            throw new RuleSetException($"{Where()}: Properties.Zone должно быть \"high\", \"medium\" или \"none\".");
        }

        var (from, to) = (Number("From"), Number("To"));
        if (from > to)
        {
            throw new RuleSetException($"{Where()}: From ({from}) больше, чем To ({to}).");
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleSetException($"{Where()}: нет выражения Expression.");
        }

        rule.LocalParams = [.. rule.LocalParams ?? [], RuleSet.DecimalParam("from", from), RuleSet.DecimalParam("to", to)];
        return new RubricBand(rule.RuleName, name, Text("Label") ?? name, zone, from, to);
    }
}
