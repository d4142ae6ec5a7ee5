using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>Expressions too long or too deeply nested for the parser are refused on their text, before a parser could overflow the stack.</summary>
public sealed class ExpressionLimitsTests
{
    [Fact]
    public async Task Check_TheRepositoryRules_AreWithinBounds()
    {
        var files = await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);

        Assert.Empty(ExpressionLimits.Check(files));
    }

    [Theory]
    [InlineData(900, "(", ")", "выражение вложено на 900 уровней")]
    [InlineData(100, "!(", ")", "выражение вложено на 200 уровней")]
    public void Check_NestingDeeperThanTheParserSurvives_IsRefusedNamingFileAndRule(int depth, string open, string close, string expected)
    {
        var expression = string.Concat(Enumerable.Repeat(open, depth)) + "input1.EgeBelowMinShare" + string.Concat(Enumerable.Repeat(close, depth)) + " >= threshold";

        var problem = Assert.Single(ExpressionLimits.Check([File(expression)]));

        Assert.StartsWith($"exams.json, правило «ege.high»: {expected}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_A100KbExpression_IsRefusedQuotingItsStartAndLength()
    {
        var expression = string.Concat(Enumerable.Repeat("input1.EgeBelowMinShare >= threshold && ", 2_500)) + "true";

        var problem = Assert.Single(ExpressionLimits.Check([File(expression)]));

        Assert.StartsWith("exams.json, правило «ege.high»: выражение длиной 100 004 знаков (начало: «input1.EgeBelowMinShare >= threshold && input1", problem.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.True(problem.Length < 400);
    }

    [Fact]
    public void Check_ParenthesesAndQuestionMarksInsideAStringLiteral_DoNotCount() =>
        Assert.Null(ExpressionLimits.Problem($"\"{new string('(', 100)}???\" != \"\""));

    private static RuleFile File(string expression) =>
        new("exams.json", System.Text.Json.JsonSerializer.Serialize(new { WorkflowName = "exams", Rules = new[] { new { RuleName = "ege.high", Expression = expression } } }));
}
