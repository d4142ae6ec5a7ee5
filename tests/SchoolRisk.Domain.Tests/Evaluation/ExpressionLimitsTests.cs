using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using static SchoolRisk.Domain.Tests.Evaluation.ExpressionRuleFiles;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>
/// No expression can overflow the stack of the parser, the checks or the compiler, or hold a core: length (1000),
/// bracket nesting (16) and operators (64) are bounded before anything parses, and each refusal names the figure and
/// the limit. At the limits an expression parses, compiles and evaluates.
/// </summary>
public sealed class ExpressionLimitsTests
{
    private static readonly Dictionary<string, (string Expression, string[] Expected)> Hostile = new(StringComparer.Ordinal)
    {
        ["5000 brackets"] = (new string('(', 5000) + "threshold > 0" + new string(')', 5000),
            ["в выражении 10013 символов, допустимо не больше 1000", "скобки вложены на 5000 уровней, допустимо не больше 16"]),
        ["5000 negations"] = (new string('!', 5000) + "(threshold > 0)", ["в выражении 5001 операция (операторов и вызовов), допустимо не больше 64"]),
        ["3000 minus signs"] = (new string('-', 3000) + "threshold > 0", ["в выражении 3001 операция"]),
        ["2000 nested Math.Max"] = (string.Concat(Enumerable.Repeat("Math.Max(", 2000)) + "1" + string.Concat(Enumerable.Repeat(", 1)", 2000)) + " > 0",
            ["скобки вложены на 2000 уровней", "в выражении 2001 операция"]),
        ["3000 &&"] = (string.Join(" && ", Enumerable.Repeat("threshold > 0", 3000)), ["в выражении 5999 операций"]),
        ["5000 +"] = (string.Join(" + ", Enumerable.Repeat("1", 5000)) + " > 0", ["в выражении 5000 операций"]),
        ["100 KB"] = ("threshold > " + new string('1', 100_000), ["в выражении 100012 символов, допустимо не больше 1000"]),
        ["40 brackets"] = (new string('(', 40) + "threshold > 0" + new string(')', 40), ["скобки вложены на 40 уровней, допустимо не больше 16"]),
        ["70 && in 560 characters"] = (string.Join(" && ", Enumerable.Repeat("true", 70)), ["в выражении 69 операций (операторов и вызовов), допустимо не больше 64"]),
        ["100 + in 400 characters"] = (string.Join(" + ", Enumerable.Repeat("1", 100)) + " > 0", ["в выражении 100 операций"]),
        ["100 negations"] = (new string('!', 100) + "true", ["в выражении 100 операций"]),
        ["70 word operators"] = (string.Join(" and ", Enumerable.Repeat("true", 70)), ["в выражении 69 операций"]),
        ["17 brackets"] = (new string('(', 17) + "threshold > 0" + new string(')', 17), ["скобки вложены на 17 уровней, допустимо не больше 16"]),
        ["17 nested calls"] = (string.Concat(Enumerable.Repeat("Math.Abs(", 17)) + "threshold" + new string(')', 17) + " > 0", ["скобки вложены на 17 уровней"]),
    };

    public static TheoryData<string> HostileCases() => [.. Hostile.Keys];

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task Load_ExpressionBeyondALimit_IsRefusedBeforeParsingNamingTheFigureAndTheLimit(string name)
    {
        var (expression, expected) = Hostile[name];
        var problem = await ProblemAsync(ZoneFile(expression));

        Assert.NotNull(problem);
        Assert.StartsWith(ZoneRefusal + "«", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 2000, $"the message quotes a long expression's start only: {problem.Length} characters");
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, problem, StringComparison.Ordinal);
        }
    }

    /// <summary>16 brackets deep, each adding 1 to a share: parses, compiles (the check, the delegate and the engine) and evaluates.</summary>
    [Fact]
    public async Task Load_BracketsNestedToTheLimit_ParsesCompilesAndEvaluates()
    {
        var sum = "(input1.EgeBelowMinShare ?? 0)";
        for (var level = 2; level <= 16; level++)
        {
            sum = $"({sum} + 1)";
        }

        var ruleSet = await RuleSet.LoadAsync([ZoneFile(sum + " >= threshold", threshold: 20)], TestContext.Current.CancellationToken);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);

        Assert.Equal(Zone.High, evaluator.Evaluate(School(new SchoolIndicators { EgeBelowMinShare = 5 })).OverallZone);
        Assert.Equal(Zone.None, evaluator.Evaluate(School(new SchoolIndicators { EgeBelowMinShare = 4.99m })).OverallZone);
    }

    /// <summary>16 calls deep (Math.Max of a share and a growing constant): parses, compiles and evaluates.</summary>
    [Fact]
    public async Task Load_CallsNestedToTheLimit_ParsesCompilesAndEvaluates()
    {
        var maximum = "Math.Max(input1.EgeBelowMinShare ?? 0, 0m)";
        for (var level = 2; level <= 16; level++)
        {
            maximum = $"Math.Max({maximum}, {level}m)";
        }

        var ruleSet = await RuleSet.LoadAsync([ZoneFile(maximum + " >= threshold", threshold: 17)], TestContext.Current.CancellationToken);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);

        Assert.Equal(Zone.None, evaluator.Evaluate(School(new SchoolIndicators())).OverallZone);
        Assert.Equal(Zone.High, evaluator.Evaluate(School(new SchoolIndicators { EgeBelowMinShare = 17 })).OverallZone);
    }

    /// <summary>64 operators, a chain as deep as it is long: parses, compiles and evaluates.</summary>
    [Fact]
    public async Task Load_OperatorsToTheLimit_ParsesCompilesAndEvaluates()
    {
        var expression = "!(input1.EgeBelowMinShare < threshold" + string.Concat(Enumerable.Repeat(" + 1 - 1", 31)) + ")";

        var ruleSet = await RuleSet.LoadAsync([ZoneFile(expression)], TestContext.Current.CancellationToken);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);

        Assert.Equal(Zone.High, evaluator.Evaluate(School(new SchoolIndicators { EgeBelowMinShare = 10 })).OverallZone);
        Assert.Equal(Zone.None, evaluator.Evaluate(School(new SchoolIndicators { EgeBelowMinShare = 9.99m })).OverallZone);
        Assert.Contains("65 операций", await ProblemAsync(ZoneFile("!" + expression)), StringComparison.Ordinal);
    }

    private static SchoolRow School(SchoolIndicators indicators) => new(2, SchoolId.Parse("gatchinsky-001"), "Школа", indicators);
}
