using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;

namespace SchoolRisk.Domain.Tests.Evaluation.Editing;

/// <summary>
/// The page's number edits: only the numbers meant change in the text (and the boundary test cases with them), so that
/// an edit of the repository's rules validates as it is, and the diff between versions shows only what the person changed.
/// </summary>
public sealed class RuleFileEditorTests
{
    private static async Task<IReadOnlyList<RuleFile>> RepositoryFilesAsync() =>
        await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);

    private static string[] ChangedLines(IReadOnlyList<RuleFile> before, IReadOnlyList<RuleFile> after, string name)
    {
        var old = before.Single(file => file.Name == name).Json.Split('\n');
        var edited = after.Single(file => file.Name == name).Json.Split('\n');
        Assert.Equal(old.Length, edited.Length);
        return [.. edited.Where((line, index) => line != old[index]).Select(line => line.Trim())];
    }

    [Fact]
    public async Task LoweringAHighThreshold_MovesItsBoundaryCasesAlong_AndTheSetStillValidates()
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files, [new RuleNumberEdit("exams.json", "ege_below_min_share.high", "Threshold", 8)]);

        Assert.Empty(result.Problems);
        Assert.Equal(["exams.json"], result.Changed);
        Assert.Equal(
            [
                "\"Threshold\": 8",
                "\"Name\": \"Доля результатов ЕГЭ ниже минимального балла: ровно 8, высокий риск\",",
                "\"ege_below_min_share\": 8",
                "\"Name\": \"Доля результатов ЕГЭ ниже минимального балла: 7.9 — ниже порога\",",
                "\"ege_below_min_share\": 7.9",
            ],
            ChangedLines(files, result.Files, "exams.json"));
        Assert.True((await RuleSetValidation.ValidateAsync(result.Files, TestContext.Current.CancellationToken)).IsValid);
    }

    [Theory]
    [InlineData("retention_share.high", 90, "ровно 90 — ещё не высокий риск", "89.9 — высокий риск")]
    [InlineData("retention_share.medium", 95, "ровно 95 — ещё не средний риск", "94.9 — средний риск")]
    public async Task MovingAThresholdWhereLowerIsWorse_MovesTheCasesOnBothSidesOfIt(string rule, decimal value, string onName, string acrossName)
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files, [new RuleNumberEdit("contingent.json", rule, "Threshold", value)]);

        var text = result.Files.Single(file => file.Name == "contingent.json").Json;
        Assert.Contains(onName, text, StringComparison.Ordinal);
        Assert.Contains(acrossName, text, StringComparison.Ordinal);
        Assert.True((await RuleSetValidation.ValidateAsync(result.Files, TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task AHighThresholdBelowTheMediumOne_IsAppliedButValidationNamesTheCasesItContradicts()
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files, [new RuleNumberEdit("exams.json", "ege_below_min_share.high", "Threshold", 4)]);
        var validation = await RuleSetValidation.ValidateAsync(result.Files, TestContext.Current.CancellationToken);

        Assert.Empty(result.Problems);
        Assert.False(validation.IsValid);
        Assert.Contains(validation.Problems, problem => problem.Contains("exams.json", StringComparison.Ordinal) && problem.Contains("ровно 5, средний риск", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovingARubricBandEdge_MovesTheNeighboursEdgeAndTheCasesOnBoth_AndTheSetStillValidates()
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files, [new RuleNumberEdit("rubric-young-teachers.json", "low", "To", 9)]);

        Assert.Empty(result.Problems);
        var text = result.Files.Single(file => file.Name == "rubric-young-teachers.json").Json;
        Assert.Contains("\"To\": 9", text, StringComparison.Ordinal);
        Assert.Contains("\"From\": 10", text, StringComparison.Ordinal);
        Assert.Contains("Сумма 9: верхняя граница уровня «низкий»", text, StringComparison.Ordinal);
        Assert.Contains("Сумма 10: нижняя граница уровня «средний»", text, StringComparison.Ordinal);
        Assert.True((await RuleSetValidation.ValidateAsync(result.Files, TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task ACutOffAWeightAndATopSize_ChangeOnlyTheirNumber()
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files,
        [
            new RuleNumberEdit("classifications.json", "low_results", "percentile", 15),
            new RuleNumberEdit("integrated-assessment.json", "results", "Weight", 0.25m),
            new RuleNumberEdit("integrated-assessment.json", "Top", "Leaders", 7),
        ]);

        Assert.Empty(result.Problems);
        Assert.Equal(["\"percentile\": 15"], ChangedLines(files, result.Files, "classifications.json"));
        var assessment = ChangedLines(files, result.Files, "integrated-assessment.json");
        Assert.Equal(2, assessment.Length);
        Assert.Contains("\"Weight\": 0.25", assessment[0], StringComparison.Ordinal);
        Assert.Contains("\"Leaders\": 7", assessment[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CommentsTrailingCommasAndLayout_Survive()
    {
        const string Json = """
            // thresholds agreed on 2024-05-01
            { "WorkflowName": "exams",
              "Rules": [ { "RuleName": "r", /* the high one */ "Properties": { "Indicator": "ege_below_min_share", "Zone": "high", "Threshold": 10.0, }, "Expression": "x" }, ],
            }
            """;

        var result = RuleFileEditor.Apply([new RuleFile("exams.json", Json)], [new RuleNumberEdit("exams.json", "r", "Threshold", 12.5m)]);

        Assert.Equal(Json.Replace("\"Threshold\": 10.0,", "\"Threshold\": 12.5,", StringComparison.Ordinal), result.Files[0].Json);
    }

    [Theory]
    [InlineData("nowhere.json", "r", "Threshold", "nowhere.json: такого файла правил нет.")]
    [InlineData("exams.json", "no_such_rule", "Threshold", "exams.json: правила «no_such_rule» в файле нет.")]
    [InlineData("exams.json", "ege_below_min_share.high", "Treshold", "exams.json, правило «ege_below_min_share.high», ключ «Treshold»: такого числа у правила нет")]
    [InlineData("rubric-young-teachers.json", "low", "To", "граница уровня — целая сумма баллов от 0, а не 9.5")]
    [InlineData("integrated-assessment.json", "Levels", "Median", "такого числа в разделе нет (есть HighFromPercentile, LowBelowPercentile)")]
    [InlineData("integrated-assessment.json", "art", "Weight", "в интегральной оценке можно менять Weight направления")]
    public async Task AnEditThatAddressesNoNumber_IsAProblem_AndChangesNothing(string file, string rule, string key, string problem)
    {
        var files = await RepositoryFilesAsync();

        var result = RuleFileEditor.Apply(files, [new RuleNumberEdit(file, rule, key, key == "To" ? 9.5m : 1)]);

        Assert.Contains(problem, Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Empty(result.Changed);
        Assert.Equal(files, result.Files);
    }

    [Fact]
    public async Task TheTable_ShowsEveryIndicatorCutOffRubricAndWeight_WithTheRuleThatHoldsIt()
    {
        var files = await RepositoryFilesAsync();

        var table = RuleTable.Of(await RuleSet.LoadAsync(files, TestContext.Current.CancellationToken), files);

        var ege = Assert.Single(table.Indicators, row => row.Id == "ege_below_min_share");
        Assert.Equal(("exams.json", "ege_below_min_share.medium", 5m, "ege_below_min_share.high", 10m), (ege.File, ege.Medium!.Rule, ege.Medium.Threshold, ege.High!.Rule, ege.High.Threshold));
        Assert.Equal("%", ege.UnitSymbol);
        Assert.Contains(table.Classifications, row => row.Rule == "low_results" && row.Parameters.Single().Value == 10 && row.Title.Contains("ШНОР", StringComparison.Ordinal));
        Assert.Equal(6, table.Rubrics.Count);
        Assert.Equal([11, 16, 22], table.Rubrics.Single(rubric => rubric.Id == "young_teachers").Bands.Select(band => band.To));
        Assert.Equal(1m, table.Assessment!.Directions.Sum(direction => direction.Weight));
    }
}
