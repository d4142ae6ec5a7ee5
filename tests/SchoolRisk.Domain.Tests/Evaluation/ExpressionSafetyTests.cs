using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>Expressions that reach reflection, the file system, processes, or run without bound, never load.</summary>
public sealed class ExpressionSafetyTests
{
    private const string Rule = """
        { "WorkflowName": "exams",
          "Rules": [ { "RuleName": "ege_below_min_share.high", "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10 },
                       "Expression": "EXPRESSION" } ] }
        """;

    [Theory]
    [InlineData("input1.GetType().Assembly.Location != null", "GetType")]
    [InlineData("input1.EgeBelowMinShare.GetType().Name == \\\"Decimal\\\"", "GetType")]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0", "Enumerable")]
    [InlineData("\\\"x\\\".PadLeft(100000000) != \\\"y\\\"", "String.PadLeft")]
    [InlineData("input1.ToString().Length > 0", "ToString")]
    [InlineData("System.IO.File.Exists(\\\"/etc/passwd\\\")", "не разбирается: символ 1: неизвестное имя System")]
    [InlineData("Environment.GetEnvironmentVariable(\\\"AzureWebJobsStorage\\\") != null", "не разбирается")]
    [InlineData("Type.GetType(\\\"System.Diagnostics.Process\\\") != null", "не разбирается")]
    [InlineData("new[] { 1, 2 } != null", "NewArray")]
    public async Task Load_DangerousExpression_IsRefusedNamingFileRuleAndWhat(string expression, string expected)
    {
        var error = await Assert.ThrowsAsync<RuleSetException>(() =>
            RuleSet.LoadAsync([new RuleFile("exams.json", Rule.Replace("EXPRESSION", expression, StringComparison.Ordinal))], TestContext.Current.CancellationToken));

        Assert.StartsWith("exams.json, правило «ege_below_min_share.high»: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [InlineData("input1.EgeBelowMinShare >= threshold")]
    [InlineData("input1.EgeBelowMinShare.HasValue && Math.Round(input1.EgeBelowMinShare.Value, 1) >= threshold")]
    [InlineData("(input1.EgeBelowMinShare ?? 0) + (input1.OgeFailShare ?? 0) >= threshold * 2 || !(input1.MinLevelShare > 50)")]
    [InlineData("(input1.EgeBelowMinShare > threshold ? 1 : 0) == 1")]
    public async Task Load_ArithmeticComparisonsAndLogic_AreAllowed(string expression) =>
        Assert.NotNull(await RuleSet.LoadAsync([new RuleFile("exams.json", Rule.Replace("EXPRESSION", expression, StringComparison.Ordinal))], TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("\"LocalParams\": [ { \"Name\": \"x\", \"Expression\": \"input1.GetType()\" } ], \"Expression\"", "ключ «LocalParams»: локальные параметры не поддерживаются")]
    [InlineData("\"Actions\": { \"OnSuccess\": { \"Name\": \"OutputExpression\", \"Context\": { \"Expression\": \"1\" } } }, \"Expression\"", "ключ «Actions»: действия правил не поддерживаются")]
    public async Task Load_ExpressionsOutsideTheRuleExpression_AreRefused(string replacement, string expected)
    {
        var json = Rule.Replace("EXPRESSION", "input1.EgeBelowMinShare >= threshold", StringComparison.Ordinal).Replace("\"Expression\"", replacement, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RuleSetException>(() => RuleSet.LoadAsync([new RuleFile("exams.json", json)], TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Threshold\": 10", "\"Threshold\": 140", "порог Properties.Threshold = 140 вне допустимого для ege_below_min_share")]
    [InlineData("\"Threshold\": 10", "\"Threshold\": -1", "порог Properties.Threshold = -1 вне допустимого")]
    public async Task Load_ThresholdOutsideTheIndicatorsRange_IsRefused(string part, string replacement, string expected)
    {
        var json = Rule.Replace("EXPRESSION", "input1.EgeBelowMinShare >= threshold", StringComparison.Ordinal).Replace(part, replacement, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RuleSetException>(() => RuleSet.LoadAsync([new RuleFile("exams.json", json)], TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
