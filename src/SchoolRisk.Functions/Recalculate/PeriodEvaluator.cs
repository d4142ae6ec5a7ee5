using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// Evaluates every stored school of a period with a rule set, against the whole region: zones, the regional
/// distribution from all of them, classifications (with the previous period's low results), and the integrated
/// assessment. Writes nothing: <see cref="RegionalRecalculation"/> writes it, a preview compares it.
/// </summary>
public sealed class PeriodEvaluator(ResultTable results, RegistryStore registry)
{
    public async Task<IReadOnlyList<(StoredResult Stored, SchoolEvaluation Evaluation)>> EvaluateAsync(Period period, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);
        var stored = await results.ListAsync(period, cancellationToken).ToListAsync(cancellationToken);
        var registered = await registry.LoadAsync(cancellationToken);
        var lowBefore = await results.LowResultsAsync(period.Previous, null, cancellationToken);
        var region = RegionalDistribution.Of([.. stored.Select(result => result.Values)]);
        var assessments = ruleSet.Assessment is { } settings
            ? IntegratedAssessment.Assess(settings, [.. stored.Select(result => (result.SchoolId, registered.Find(result.SchoolId)?.Level ?? "secondary", result.Values))], region)
            : new Dictionary<string, SchoolAssessment>();

        var evaluated = new List<(StoredResult, SchoolEvaluation)>(stored.Count);
        foreach (var result in stored)
        {
            var evaluation = evaluator.Evaluate(new SchoolRow(0, result.SchoolId, result.SchoolName, result.Values));
            var classified = await classifier.ClassifyAsync(
                evaluation, registered.Find(result.SchoolId), region, lowBefore.TryGetValue(result.SchoolId, out var low) ? low : null);
            evaluated.Add((result, classified with { Assessment = assessments.GetValueOrDefault(result.SchoolId) ?? SchoolAssessment.None }));
        }

        return evaluated;
    }
}
