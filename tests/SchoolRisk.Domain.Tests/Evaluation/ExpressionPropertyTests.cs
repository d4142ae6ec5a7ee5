using CsCheck;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using static SchoolRisk.Domain.Tests.Evaluation.ExpressionRuleFiles;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>
/// Properties of the expression checks, over random expressions in the grammar rules use (the indicators' properties,
/// nullable or not, constants from 0 to near decimal's limit, <c>threshold</c>, arithmetic, comparisons, logic,
/// <c>?:</c>, <c>??</c>, Math.Abs/Min/Max/Round with any digits, <c>.Value</c>, <c>.HasValue</c> and the guards the
/// messages suggest): whatever loads evaluates on any school without an exception, and any string at all is either
/// loaded or refused with a <see cref="RuleSetException"/>, quickly. CsCheck shrinks a failure and prints its seed.
/// </summary>
public sealed class ExpressionPropertyTests
{
    private static readonly string[] Nullables =
        ["input1.EgeBelowMinShare", "input1.OgeFailShare", "input1.SocialWellbeingIndex", "input1.HasTheatre", "input1.InspectionZone", "input1.SupervisionOrders", "input1.OffencesPer1000"];

    private static readonly string[] Constants = ["0", "1", "2", "0.5m", "100", "0.0000000000000000000000000001m", "1000000000000000", "79228162514264337593543950335m", "-3"];

    private static readonly Indicator[] Catalog = [.. IndicatorCatalog.All];

    /// <summary>A school: each value missing, 0, the smallest positive decimal, 1, its unit's maximum, or anything between.</summary>
    private static readonly Gen<SchoolRow> Schools =
        Gen.Select(Gen.Int[0, 5].Array[Catalog.Length], Gen.Decimal[0m, 1m].Array[Catalog.Length], (kinds, fractions) =>
            School(indicator =>
            {
                var index = Array.IndexOf(Catalog, indicator);
                var max = MaxOf(indicator.Unit);
                return kinds[index] switch
                {
                    0 => null,
                    1 => 0m,
                    2 => IsWhole(indicator.Unit) ? 1m : 0.0000000000000000000000000001m,
                    3 => 1m,
                    4 => max,
                    _ => IsWhole(indicator.Unit) ? decimal.Round(fractions[index] * max) : fractions[index] * Math.Min(max, 1000m),
                };
            }));

    /// <summary>
    /// Ten random expressions at a time, as rules of one file: the rules the load refuses are dropped one by one (a
    /// refusal costs a parse) until it loads, so one engine is built for the accepted ones; then every edge school and
    /// six random ones are evaluated by all of them.
    /// </summary>
    [Fact]
    public async Task AnyAcceptedExpression_EvaluatesWithoutAnExceptionOnAnySchool()
    {
        var (tried, accepted) = (0, 0);
        await Gen.Select(Condition(3).Array[10], Schools.Array[6]).SampleAsync(
            async (expressions, schools) =>
            {
                var rules = expressions.Select((expression, index) => (Name: $"r{index}", Expression: expression)).ToList();
                Interlocked.Add(ref tried, rules.Count);
                RuleSet? ruleSet = null;
                while (ruleSet is null && rules.Count > 0)
                {
                    try
                    {
                        ruleSet = await RuleSet.LoadAsync([ZoneFile(rules)], TestContext.Current.CancellationToken);
                    }
                    catch (RuleSetException exception) when (rules.Any(rule => IsRefusal(exception, rule.Name)))
                    {
                        rules.RemoveAll(rule => IsRefusal(exception, rule.Name));
                    }
                }

                Interlocked.Add(ref accepted, rules.Count);
                if (ruleSet is not null)
                {
                    var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
                    foreach (var school in EdgeSchools().Concat(schools))
                    {
                        evaluator.Evaluate(school);
                    }
                }
            },
            iter: 40,
            print: sample => string.Join("\n", sample.Item1));

        Assert.True(accepted * 5 >= tried, $"only {accepted} of {tried} random expressions were accepted: the property says little");
    }

    /// <summary>Whether the load was refused by the checks for this rule (a refusal quotes the expression); a rule that fails when the engine runs it is not.</summary>
    private static bool IsRefusal(RuleSetException exception, string rule) =>
        exception.Message.StartsWith($"exams.json, правило «{rule}»: «", StringComparison.Ordinal);

    [Fact]
    public async Task AnyString_IsLoadedOrRefusedWithARuleSetException()
    {
        var alphabet = Gen.OneOf(["(", ")", "!", "-", "+", "*", "/", "%", "&&", "||", "?", ":", "??", "==", "<", ">=", " ", "0", "1", "m",
            ".", ",", "threshold", "input1.EgeBelowMinShare", ".Value", ".HasValue", "Math.Max(", "Math.Round(", "iif(", "\"", "[", "]", "{", "}", "and", "not", "new", "=>"]);
        await alphabet.Array[0, 300].Select(string.Concat).SampleAsync(
            async expression =>
            {
                try
                {
                    await RuleSet.LoadAsync([ZoneFile(expression)], TestContext.Current.CancellationToken);
                }
                catch (RuleSetException)
                {
                }
            },
            iter: 300);
    }

    private static Gen<string> Condition(int depth)
    {
        var number = NumberOf(Math.Min(depth, 2));
        var comparison = Gen.Select(number, Gen.OneOf([">", ">=", "<", "<=", "==", "!="]), Gen.OneOf([.. Nullables, "threshold", "0"]),
            (left, op, right) => $"{left} {op} {right}");
        var leaf = Gen.Frequency(
            (6, comparison),
            (1, Gen.OneOf(Nullables).Select(p => $"{p}.HasValue")),
            (1, Gen.OneOf(Nullables).Select(p => $"{p} != null")),
            (1, Gen.OneOf(["true", "false"])));
        if (depth == 0)
        {
            return leaf;
        }

        var smaller = Condition(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (2, Gen.Select(smaller, Gen.OneOf(["&&", "||"]), smaller, (a, op, b) => $"({a} {op} {b})")),
            (1, smaller.Select(a => $"!({a})")),
            (1, Gen.Select(smaller, smaller, smaller, (c, a, b) => $"({c} ? {a} : {b})")));
    }

    private static Gen<string> NumberOf(int depth)
    {
        var property = Gen.OneOf(Nullables);
        var leaf = Gen.Frequency(
            (3, property),
            (2, property.Select(p => $"({p} ?? 0)")),
            (1, property.Select(p => $"{p}.Value")),
            (1, property.Select(p => $"{p}.GetValueOrDefault()")),
            (2, Gen.OneOf(Constants)),
            (2, Gen.Const("threshold")));
        if (depth == 0)
        {
            return leaf;
        }

        var smaller = NumberOf(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (3, Gen.Select(smaller, Gen.OneOf(["+", "-", "*", "/", "%"]), smaller, (a, op, b) => $"({a} {op} {b})")),
            (1, smaller.Select(a => $"-{a}")),
            (1, Gen.Select(Gen.OneOf(["Abs", "Min", "Max"]), smaller, smaller, (f, a, b) => f == "Abs" ? $"Math.Abs({a})" : $"Math.{f}({a}, {b})")),
            (1, Gen.Select(smaller, Gen.Int[-1, 30], (a, digits) => $"Math.Round({a}, {digits})")),
            (1, Gen.Select(Condition(0), smaller, smaller, (c, a, b) => $"({c} ? {a} : {b})")),
            (2, Gen.Select(property, smaller, smaller, Gen.OneOf(["!= 0", ">= 1", "> 0", ">= 0.01m", "== 0"]),
                (p, a, b, guard) => guard == "== 0" ? $"({p} == 0 ? {b} : {a} / {p})" : $"({p} {guard} ? {a} / {p} : {b})")),
            (1, Gen.Select(property, smaller, (p, a) => $"({p}.HasValue ? {p}.Value * {a} : 0)")));
    }
}
