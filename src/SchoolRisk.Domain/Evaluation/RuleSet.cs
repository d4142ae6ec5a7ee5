using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation.Expressions;
using SchoolRisk.Domain.Evaluation.Shape;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Recommendations;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// A validated, compiled set of rule files: one RulesEngine workflow per indicator block.
/// Immutable once loaded; a new version of the rules is a new <see cref="RuleSet"/>.
/// </summary>
/// <remarks>
/// A workflow either puts indicators in zones, bands a rubric (a file with a <c>Rubric</c> section,
/// <see cref="RubricRules"/>), at most one classifies schools (<see cref="ClassificationRules"/>) and at most one addresses
/// recommendations (<see cref="RecommendationRules"/>).
/// Every zone rule states what it means in <c>Properties</c>: <c>Indicator</c> (an id from <see cref="IndicatorCatalog"/>),
/// <c>Zone</c> (<c>medium</c> or <c>high</c>) and <c>Threshold</c> (a JSON number). The loader turns
/// <c>Threshold</c> into a decimal local parameter named <c>threshold</c>, so an administrator edits a number and the
/// expression (<c>input1.EgeBelowMinShare &gt;= threshold</c>) compares decimals exactly.
/// </remarks>
public sealed class RuleSet
{
    /// <summary>The name of the local parameter that carries a rule's threshold into its expression.</summary>
    public const string ThresholdParameter = "threshold";

    private static readonly JsonSerializerOptions WorkflowJson = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <remarks>
    /// The input types are registered once, as <see cref="ExpressionSafety"/> parses, instead of by the engine per
    /// workflow (<c>AutoRegisterInputType</c>): RulesEngine 6.0.1 keeps a parser's Dynamic LINQ configuration only while
    /// <c>CustomTypes</c> is the same array, and a new configuration scans every type of every loaded assembly (about a
    /// fifth of a function worker's CPU at start, measured with <c>perf</c> on 2026-12-02, when each workflow and each
    /// zone rule paid for one).
    /// </remarks>
    private static readonly ReSettings EngineSettings = new()
    {
        EnableFormattedErrorMessage = false,
        UseFastExpressionCompiler = false,
        AutoRegisterInputType = false,
        CustomTypes = ExpressionSafety.InputTypes,
    };

    /// <summary>Parses zone rules for <see cref="Compile"/>: one for the process, so its configuration is built once.</summary>
    private static readonly RuleExpressionParser ZoneRuleParser = new(EngineSettings);

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<(string Workflow, string Rule), ZoneRule> _zoneRules;
    private readonly IReadOnlyList<CompiledZoneRule> _compiledZoneRules;
    private readonly Dictionary<string, ClassificationKind> _classificationRules;

    private RuleSet(RuleSetVersion version, RulesEngine.RulesEngine engine, IReadOnlyList<string> zoneWorkflows, string? classificationWorkflow,
        Dictionary<(string Workflow, string Rule), ZoneRule> zoneRules, Dictionary<string, ClassificationKind> classificationRules,
        AssessmentSettings? assessment, IReadOnlyDictionary<string, Rubric> rubrics, IReadOnlyList<CompiledZoneRule> compiledZoneRules,
        (RiskGroupSettings Settings, string FileName)? riskGroup, SupportSettings? support, string? recommendationWorkflow, IReadOnlyList<Recommendation> recommendations)
    {
        RecommendationWorkflowName = recommendationWorkflow;
        Recommendations = recommendations;
        Support = support ?? SupportSettings.Default;
        Assessment = assessment;
        RiskGroup = riskGroup?.Settings ?? RiskGroupSettings.Default;
        RiskGroupFileName = riskGroup?.FileName;
        Rubrics = rubrics;
        Version = version;
        _engine = engine;
        WorkflowNames = zoneWorkflows;
        ClassificationWorkflowName = classificationWorkflow;
        _zoneRules = zoneRules;
        _classificationRules = classificationRules;
        _compiledZoneRules = compiledZoneRules;
    }

    /// <summary>Content hash of the rule files (12 hex digits): recorded with every result it produced.</summary>
    public RuleSetVersion Version { get; }

    /// <summary>The workflows that put indicators in zones; their <c>input1</c> is <see cref="SchoolIndicators"/>.</summary>
    public IReadOnlyList<string> WorkflowNames { get; }

    /// <summary>
    /// The workflow whose rules classify a school (<c>Properties.Classification</c>), with <see cref="ClassificationInput"/>
    /// as <c>input1</c> and <see cref="RegionalDistribution"/> as <c>input2</c>; <c>null</c> when the rule set has none.
    /// </summary>
    public string? ClassificationWorkflowName { get; }

    /// <summary>The integrated assessment's settings, from the file with an <c>IntegratedAssessment</c> section; <c>null</c> when there is none.</summary>
    public AssessmentSettings? Assessment { get; }

    /// <summary>
    /// The low-result group's entry and exit criteria, from the file with a <c>ManagementCycle</c> section;
    /// <see cref="RiskGroupSettings.Default"/> when there is none.
    /// </summary>
    public RiskGroupSettings RiskGroup { get; }

    /// <summary>
    /// The parameters of mentor proposals and of the subsidy list, from the <c>Support</c> part of the file with a
    /// <c>ManagementCycle</c> section; <see cref="SupportSettings.Default"/> when there is none.
    /// </summary>
    public SupportSettings Support { get; }

    /// <summary>The file with the <c>ManagementCycle</c> section; <c>null</c> when there is none.</summary>
    public string? RiskGroupFileName { get; }

    /// <summary>
    /// The workflow of addressed recommendations (rules with <c>Properties.Recommendation</c>), with
    /// <see cref="RecommendationInput"/> as <c>input1</c>; <c>null</c> when the rule set has none.
    /// </summary>
    public string? RecommendationWorkflowName { get; }

    /// <summary>Every recommendation rule, in file order: the measure, to whom and why (<see cref="RecommendAsync"/> says which apply).</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }

    public IEnumerable<ZoneRule> ZoneRules => _zoneRules.Values;

    /// <summary>
    /// The zone rules in workflow and rule order, each compiled once into a delegate: what <see cref="SchoolEvaluator"/>
    /// runs for every school, instead of the engine's <c>ExecuteAllRulesAsync</c> and its result trees.
    /// </summary>
    internal IReadOnlyList<CompiledZoneRule> CompiledZoneRules => _compiledZoneRules;

    /// <summary>The rubrics, by id (their workflow's name); their <c>input1</c> is <see cref="RubricScores"/>.</summary>
    public IReadOnlyDictionary<string, Rubric> Rubrics { get; }

    /// <summary>
    /// Parses, checks and compiles rule files. Throws <see cref="RuleSetException"/> whose <see cref="RuleSetException.Problems"/>
    /// name the file and rule at fault: first every file's shape (<see cref="RuleFileShape"/>, all problems of all files at
    /// once), then what the files mean (the first problem).
    /// </summary>
    public static Task<RuleSet> LoadAsync(IEnumerable<RuleFile> files, CancellationToken cancellationToken = default) =>
        LoadAsync(files, proveTotality: true, cancellationToken);

    /// <summary>As <see cref="LoadAsync(IEnumerable{RuleFile}, CancellationToken)"/>; <paramref name="proveTotality"/> <c>false</c> only for tests of a rule that throws at evaluation time anyway.</summary>
    internal static async Task<RuleSet> LoadAsync(IEnumerable<RuleFile> files, bool proveTotality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ordered = files.OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        CheckShapes(ordered);

        var workflows = new List<Workflow>();
        var zoneWorkflows = new List<string>();
        string? classificationWorkflow = null;
        var zoneRules = new Dictionary<(string, string), ZoneRule>();
        var classificationRules = new Dictionary<string, ClassificationKind>(StringComparer.Ordinal);
        var fileOfWorkflow = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AssessmentSettings? assessment = null;
        (RiskGroupSettings, string)? riskGroup = null;
        SupportSettings? support = null;
        string? recommendationWorkflow = null;
        var recommendations = new List<Recommendation>();
        var rubrics = new Dictionary<string, Rubric>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            if (Section(file, "IntegratedAssessment") is { } section)
            {
                assessment = assessment is null
                    ? AssessmentSettings.Read(file.Name, section)
                    : throw new RuleSetException($"{file.Name}: второй раздел IntegratedAssessment; оставьте один.");
                continue;
            }

            if (Section(file, "ManagementCycle") is { } cycle)
            {
                riskGroup = riskGroup is null
                    ? (RiskGroupSettings.Read(file.Name, cycle.GetProperty(nameof(RiskGroup))), file.Name)
                    : throw new RuleSetException($"{file.Name}: второй раздел ManagementCycle; оставьте один.");
                support = cycle.TryGetProperty(nameof(Support), out var supportSection) ? SupportSettings.Read(file.Name, supportSection) : null;
                continue;
            }

            var workflow = Parse(file);
            if (fileOfWorkflow.TryGetValue(workflow.WorkflowName, out var other))
            {
                throw new RuleSetException(
                    $"{file.Name}: набор правил «{workflow.WorkflowName}» уже есть в {other} (регистр букв не различается); дайте ему другое WorkflowName.");
            }

            fileOfWorkflow.Add(workflow.WorkflowName, file.Name);
            if (Section(file, "Rubric") is { } rubric)
            {
                rubrics.Add(workflow.WorkflowName, RubricRules.Read(file.Name, rubric, workflow));
            }
            else if (workflow.Rules.Any(rule => rule.Properties?.ContainsKey("Recommendation") == true))
            {
                if (recommendationWorkflow is not null)
                {
                    throw new RuleSetException($"{file.Name}: рекомендации уже определяет {fileOfWorkflow[recommendationWorkflow]}; оставьте один файл рекомендаций.");
                }

                recommendationWorkflow = workflow.WorkflowName;
                recommendations.AddRange(RecommendationRules.Read(file.Name, workflow));
            }
            else if (workflow.Rules.Any(rule => rule.Properties?.ContainsKey("Classification") == true))
            {
                if (classificationWorkflow is not null)
                {
                    throw new RuleSetException($"{file.Name}: классификации уже определяет {fileOfWorkflow[classificationWorkflow]}; оставьте один файл классификаций.");
                }

                classificationWorkflow = workflow.WorkflowName;
                foreach (var (ruleName, kind) in ClassificationRules.Read(file.Name, workflow))
                {
                    classificationRules.Add(ruleName, kind);
                }
            }
            else
            {
                foreach (var rule in workflow.Rules)
                {
                    var zoneRule = ReadZoneRule(file.Name, workflow.WorkflowName, rule);
                    rule.LocalParams = [.. rule.LocalParams ?? [], DecimalParam(ThresholdParameter, zoneRule.Threshold)];
                    zoneRules.Add((workflow.WorkflowName, rule.RuleName), zoneRule);
                }

                zoneWorkflows.Add(workflow.WorkflowName);
            }

            workflows.Add(workflow);
        }

        foreach (var workflow in workflows)
        {
            Type[] inputs = workflow.WorkflowName == classificationWorkflow ? [typeof(ClassificationInput), typeof(RegionalDistribution)]
                : workflow.WorkflowName == recommendationWorkflow ? [typeof(RecommendationInput)]
                : rubrics.ContainsKey(workflow.WorkflowName) ? [typeof(RubricScores)]
                : [typeof(SchoolIndicators)];
            foreach (var rule in workflow.Rules)
            {
                if (ExpressionSafety.Check(rule.Expression, inputs, ExpressionSafety.ParameterValues(rule.LocalParams), proveTotality) is { } problem)
                {
                    throw new RuleSetException($"{fileOfWorkflow[workflow.WorkflowName]}, правило «{rule.RuleName}»: {problem}.");
                }
            }
        }

        var engine = new RulesEngine.RulesEngine([.. workflows], EngineSettings);
        var compiled = workflows.Where(workflow => zoneWorkflows.Contains(workflow.WorkflowName))
            .SelectMany(workflow => workflow.Rules.Select(rule => Compile(zoneRules[(workflow.WorkflowName, rule.RuleName)], rule.Expression)))
            .ToList();
        var ruleSet = new RuleSet(VersionOf(ordered), engine, zoneWorkflows, classificationWorkflow, zoneRules, classificationRules, assessment, rubrics, compiled, riskGroup, support, recommendationWorkflow, recommendations);
        await ruleSet.CompileAllAsync(fileOfWorkflow, cancellationToken);
        return ruleSet;
    }

    /// <summary>Runs the classification workflow; the classifications whose rule is satisfied.</summary>
    internal async Task<IReadOnlySet<ClassificationKind>> ClassifyAsync(ClassificationInput school, RegionalDistribution region)
    {
        var decided = new HashSet<ClassificationKind>();
        if (ClassificationWorkflowName is null)
        {
            return decided;
        }

        foreach (var result in await _engine.ExecuteAllRulesAsync(ClassificationWorkflowName, school, region))
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new RuleEvaluationException(
                    $"Workflow '{ClassificationWorkflowName}', rule '{result.Rule.RuleName}': {result.ExceptionMessage}");
            }

            if (result.IsSuccess)
            {
                decided.Add(_classificationRules[result.Rule.RuleName]);
            }
        }

        return decided;
    }

    /// <summary>
    /// The recommendations that apply to a school's situation, in file order; none when the rule set has no
    /// recommendations. Expressions were proven total when the set was loaded (<see cref="ExpressionSafety"/>), so a rule
    /// that throws is a fault of the engine: <see cref="RuleEvaluationException"/>.
    /// </summary>
    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(RecommendationInput situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        if (RecommendationWorkflowName is null)
        {
            return [];
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in await _engine.ExecuteAllRulesAsync(RecommendationWorkflowName, situation))
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new RuleEvaluationException($"Workflow '{RecommendationWorkflowName}', rule '{result.Rule.RuleName}': {result.ExceptionMessage}");
            }

            if (result.IsSuccess)
            {
                applied.Add(result.Rule.RuleName);
            }
        }

        return [.. Recommendations.Where(recommendation => applied.Contains(recommendation.RuleName))];
    }

    /// <summary>
    /// Runs the classification workflow and keeps going past a rule that fails: the classifications whose rule is
    /// satisfied, and each rule that threw with what it decides and the engine's message (what
    /// <see cref="SchoolClassifier"/> leaves not decided for the school, instead of failing the whole evaluation).
    /// </summary>
    internal async Task<(IReadOnlySet<ClassificationKind> Decided, IReadOnlyList<(string RuleName, ClassificationKind Kind, string Message)> Failed)> ClassifyEachAsync(
        ClassificationInput school, RegionalDistribution region)
    {
        var decided = new HashSet<ClassificationKind>();
        var failed = new List<(string, ClassificationKind, string)>();
        if (ClassificationWorkflowName is null)
        {
            return (decided, failed);
        }

        foreach (var result in await _engine.ExecuteAllRulesAsync(ClassificationWorkflowName, school, region))
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                failed.Add((result.Rule.RuleName, _classificationRules[result.Rule.RuleName], result.ExceptionMessage));
            }
            else if (result.IsSuccess)
            {
                decided.Add(_classificationRules[result.Rule.RuleName]);
            }
        }

        return (decided, failed);
    }

    /// <summary>
    /// The band a rubric's total falls in. The loader made the bands cover every total exactly once; a rule that fails
    /// or an edited expression that picks no band or two is a <see cref="RuleEvaluationException"/>.
    /// </summary>
    public async Task<RubricBand> BandOfAsync(Rubric rubric, RubricScores scores)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        var results = await _engine.ExecuteAllRulesAsync(rubric.Id, scores);
        if (results.FirstOrDefault(result => !string.IsNullOrEmpty(result.ExceptionMessage)) is { } failed)
        {
            throw new RuleEvaluationException($"Workflow '{rubric.Id}', rule '{failed.Rule.RuleName}': {failed.ExceptionMessage}");
        }

        var bands = results.Where(result => result.IsSuccess).Select(result => rubric.Bands.Single(band => band.RuleName == result.Rule.RuleName)).ToList();
        return bands.Count == 1
            ? bands[0]
            : throw new RuleEvaluationException(
                $"Workflow '{rubric.Id}': total {scores.Total} falls in {bands.Count} bands ({string.Join(", ", bands.Select(band => band.Name))}); exactly one is needed.");
    }

    /// <summary>
    /// The band a rubric's total falls in, or, when a band's rule fails or an edited expression picks no band or two,
    /// no band and the <see cref="RuleFailure"/> (in Russian) for <paramref name="subjectId"/>: what an upload's row and an
    /// activation's check report instead of failing.
    /// </summary>
    public async Task<(RubricBand? Band, RuleFailure? Failure)> BandOrFailureAsync(Rubric rubric, RubricScores scores, string subjectId, string subjectName)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        RuleFailure Failure(string rule, string detail) =>
            new(RuleFailureKind.Rubric, rubric.Id, rule, subjectId, subjectName, $"сумма баллов {scores.Total.ToString(CultureInfo.InvariantCulture)}", detail)
            {
                FileName = rubric.FileName,
                RubricTitle = rubric.Title,
            };

        var results = await _engine.ExecuteAllRulesAsync(rubric.Id, scores);
        if (results.FirstOrDefault(result => !string.IsNullOrEmpty(result.ExceptionMessage)) is { } failed)
        {
            return (null, Failure(failed.Rule.RuleName, RuleFailures.DetailOf(failed.ExceptionMessage)));
        }

        var bands = results.Where(result => result.IsSuccess).Select(result => rubric.Bands.Single(band => band.RuleName == result.Rule.RuleName)).ToList();
        return bands.Count == 1
            ? (bands[0], null)
            : (null, Failure(
                bands.Count == 0 ? string.Join(", ", rubric.Bands.Select(band => band.RuleName)) : string.Join(", ", bands.Select(band => band.RuleName)),
                bands.Count == 0 ? "сумма не попадает ни в один уровень" : $"сумма попадает сразу в {bands.Count.ToString(CultureInfo.InvariantCulture)} {(bands.Count <= 4 ? "уровня" : "уровней")}, а должна ровно в один"));
    }

    private static JsonElement? Section(RuleFile file, string name)
    {
        try
        {
            using var document = file.Parse();
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var section)
                ? section.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every file's shape, and the set's size, before anything is interpreted; throws with every problem found. Nothing
    /// but a size check runs on a file larger than <see cref="RuleSetLimits.MaxFileBytes"/>.
    /// </summary>
    private static void CheckShapes(List<RuleFile> files)
    {
        if (files.Count == 0)
        {
            throw new RuleSetException("Нет ни одного файла правил: нужен хотя бы один набор правил.");
        }

        if (files.Count > RuleSetLimits.MaxFiles)
        {
            throw new RuleSetException($"{files.Count} файлов правил, допустимо не больше {RuleSetLimits.MaxFiles}.");
        }

        var problems = files.SelectMany(RuleFileShape.Check).ToList();
        if (problems.Count > 0)
        {
            throw new RuleSetException(problems);
        }

        var rules = files.Sum(CountRules);
        if (rules > RuleSetLimits.MaxRules)
        {
            throw new RuleSetException($"В наборе {rules} правил, допустимо не больше {RuleSetLimits.MaxRules}.");
        }
    }

    private static int CountRules(RuleFile file)
    {
        using var document = file.Parse();
        return document.RootElement.TryGetProperty("Rules", out var rules) ? rules.GetArrayLength() : 0;
    }

    /// <summary>The file as RulesEngine reads it; its shape was checked, so only the engine's own refusals remain.</summary>
    private static Workflow Parse(RuleFile file)
    {
        Workflow? workflow;
        try
        {
            workflow = JsonSerializer.Deserialize<Workflow>(file.Json, WorkflowJson);
        }
        catch (JsonException exception)
        {
            throw new RuleSetException($"{file.Name}: файл не читается как набор правил RulesEngine ({exception.Message}).", exception);
        }

        workflow!.Rules = [.. workflow.Rules];
        return workflow;
    }

    private static ZoneRule ReadZoneRule(string fileName, string workflowName, Rule rule)
    {
        string Where() => $"{fileName}, правило «{rule.RuleName}»";
        var properties = rule.Properties ?? [];

        var indicatorId = properties.GetValueOrDefault("Indicator") is JsonElement { ValueKind: JsonValueKind.String } id
            ? id.GetString()!
            : throw new RuleSetException($"{Where()}: Properties.Indicator должен называть показатель, например \"ege_below_min_share\".");
        var indicator = IndicatorCatalog.Find(indicatorId)
            ?? throw new RuleSetException($"{Where()}: показателя «{indicatorId}» нет в каталоге показателей (docs/upload-columns.md).");

        var zoneText = properties.GetValueOrDefault("Zone") is JsonElement { ValueKind: JsonValueKind.String } z ? z.GetString() : null;
        if (!ZoneNames.TryParse(zoneText, out var zone) || zone == Zone.None)
        {
            throw new RuleSetException($"{Where()}: Properties.Zone должно быть \"medium\" или \"high\".");
        }

        if (properties.GetValueOrDefault("Threshold") is not JsonElement number || !ExactDecimal.TryRead(number, out var threshold))
        {
            throw new RuleSetException($"{Where()}: Properties.Threshold {(properties.GetValueOrDefault("Threshold") is JsonElement written ? ExactDecimal.Problem(written) : "должен быть числом, например 10 или 9.5")}.");
        }

        if (!indicator.Unit.TryParse(threshold.ToString(CultureInfo.InvariantCulture), out _, out var outOfRange))
        {
            throw new RuleSetException($"{Where()}: порог Properties.Threshold = {threshold.ToString(CultureInfo.InvariantCulture)} вне допустимого для {indicator.Id}: {outOfRange}.");
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            throw new RuleSetException($"{Where()}: нет выражения Expression.");
        }

        return new ZoneRule(fileName, workflowName, rule.RuleName, indicator, zone, threshold);
    }

    /// <summary>
    /// Compiles a zone rule's expression as the engine does (a <see cref="RuleExpressionParser"/> on its settings, <c>input1</c> a
    /// <see cref="SchoolIndicators"/>, <c>threshold</c> a decimal) into a typed delegate; the threshold is bound once.
    /// </summary>
    private static CompiledZoneRule Compile(ZoneRule rule, string expression)
    {
        var input = Expression.Parameter(typeof(SchoolIndicators), "input1");
        var threshold = Expression.Parameter(typeof(decimal), ThresholdParameter);
        Func<SchoolIndicators, decimal, bool> test;
        try
        {
            // RulesEngine 6 returns the parsed lambda's body.
            var body = ZoneRuleParser.Parse(expression, [input, threshold], typeof(bool));
            test = Expression.Lambda<Func<SchoolIndicators, decimal, bool>>(body, input, threshold).Compile();
        }
        catch (Exception exception) when (ExpressionSafety.IsRefusalOfTheText(exception))
        {
            throw new RuleSetException($"{rule.FileName}, правило «{rule.RuleName}»: «{expression}» не разбирается: {ParseMessages.Translate(exception.Message)}", exception);
        }

        return new CompiledZoneRule(rule, indicators => test(indicators, rule.Threshold));
    }

    /// <summary>A number as a decimal local parameter: written <c>10m</c>, so the engine compares it with decimals exactly.</summary>
    internal static ScopedParam DecimalParam(string name, decimal value) => new()
    {
        Name = name,
        Expression = value.ToString(CultureInfo.InvariantCulture) + "m",
    };

    /// <summary>Runs every workflow once on an empty school: compiles each expression and surfaces any that fail.</summary>
    private async Task CompileAllAsync(Dictionary<string, string> fileOfWorkflow, CancellationToken cancellationToken)
    {
        foreach (var workflowName in WorkflowNames.Append(ClassificationWorkflowName).Append(RecommendationWorkflowName).OfType<string>().Concat(Rubrics.Keys))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = workflowName == ClassificationWorkflowName ? await _engine.ExecuteAllRulesAsync(workflowName, ClassificationInput.Empty, RegionalDistribution.Empty)
                : workflowName == RecommendationWorkflowName ? await _engine.ExecuteAllRulesAsync(workflowName, RecommendationInput.Empty)
                : Rubrics.ContainsKey(workflowName) ? await _engine.ExecuteAllRulesAsync(workflowName, new RubricScores([]))
                : await _engine.ExecuteAllRulesAsync(workflowName, SchoolIndicators.Empty);
            var failed = results.FirstOrDefault(result => !string.IsNullOrEmpty(result.ExceptionMessage));
            if (failed is not null)
            {
                throw new RuleSetException(
                    $"{fileOfWorkflow[workflowName]}, правило «{failed.Rule.RuleName}»: выражение не вычисляется: {failed.ExceptionMessage}");
            }
        }
    }

    /// <summary>The version a set of rule files has once loaded: the first 12 hex digits of a SHA-256 over their names and contents, in name order.</summary>
    public static RuleSetVersion VersionOf(IEnumerable<RuleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Name));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(file.Json));
            sha.AppendData([0]);
        }

        return RuleSetVersion.Parse(Convert.ToHexStringLower(sha.GetHashAndReset())[..RuleSetVersion.Length]);
    }
}
