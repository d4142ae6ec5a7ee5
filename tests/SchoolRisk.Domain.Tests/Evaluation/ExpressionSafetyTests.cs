using SchoolRisk.Domain.Evaluation;
using static SchoolRisk.Domain.Tests.Evaluation.ExpressionRuleFiles;

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

    /// <summary>
    /// Each kind of exception other than <c>ParseException</c> that Dynamic LINQ refuses an expression's text with (found
    /// reading its source and fuzzing it), as an administrator might type it: a <see cref="RuleSetException"/> naming the
    /// file, the rule and the expression, in Russian where the kind is known. The first, <c>?.</c>, escaped as a
    /// <see cref="NotSupportedException"/> (CsCheck seed 1n6vWMr-Nvj2 of <see cref="ExpressionPropertyTests"/>).
    /// </summary>
    [Theory]
    [InlineData("input1.EgeBelowMinShare?.Value >= threshold", "оператор ?. не поддерживается; пустое значение проверяйте через HasValue")] // NotSupportedException
    [InlineData("input1.EgeBelowMinShare >= threshold && input1.OgeFailShare?.HasValue == true", "оператор ?. не поддерживается")] // NotSupportedException
    [InlineData("input1.InspectionZone == \"high\"", "строка «high» не читается как Decimal; числа и флаги сравнивайте с числами без кавычек")] // ArgumentException (type converter)
    [InlineData("input1.EgeBelowMinShare >= \"10%\"", "строка «10%» не читается как Decimal")] // ArgumentException (type converter)
    [InlineData("bool(\"да\")", "строка «да» не читается как Boolean")] // FormatException (type converter)
    [InlineData("Guid(\"a\") != null", "ошибка разбора (Unrecognized Guid format.)")] // FormatException (Guid)
    [InlineData("(\"a\" ?? 1) == 1", "типы операндов не совпадают")] // ArgumentException (Expression.Coalesce)
    [InlineData("(1 ?? 2) > 0", "?? применим только к значению, которое может быть пустым (null)")] // InvalidOperationException (Expression.Coalesce)
    [InlineData("object.x", "ошибка разбора (Value cannot be null. (Parameter 'arg0'))")] // ArgumentNullException (a dynamic member of a type)
    [InlineData("1e400m > threshold", "ошибка разбора (Value cannot be null. (Parameter 'key'))")] // ArgumentNullException (a decimal literal out of range)
    public async Task Load_ExpressionTheParserThrowsOnOtherThanAParseError_IsRefusedNamingFileRuleAndExpression(string expression, string expected)
    {
        var problem = await ProblemAsync(ZoneFile(expression));

        Assert.NotNull(problem);
        Assert.StartsWith($"{ZoneRefusal}«{expression}» не разбирается: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    /// <summary>The same refusal in every kind of rule file: the classifications' and a rubric's expressions are read by the same parser.</summary>
    [Fact]
    public async Task Load_NullConditionalOperator_IsRefusedInEveryKindOfRuleFile()
    {
        var classification = await ProblemAsync(ClassificationFile("input1.ResultsIndex?.Value < input2.ResultsIndexAt(percentile)"));
        var rubric = await ProblemAsync(RubricFile("input1.Total?.CompareTo(from) >= 0"));

        Assert.StartsWith("classifications.json, правило «low_results»: «input1.ResultsIndex?.Value < input2.ResultsIndexAt(percentile)» не разбирается: оператор ?. не поддерживается", classification, StringComparison.Ordinal);
        Assert.StartsWith("rubric.json, правило «all»: «input1.Total?.CompareTo(from) >= 0» не разбирается: оператор ?. не поддерживается", rubric, StringComparison.Ordinal);
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
