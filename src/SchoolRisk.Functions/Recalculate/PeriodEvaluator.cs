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
/// assessment. Writes nothing: <see cref="RegionalRecalculation"/> writes it, a preview compares it. The period is
/// read in ranges at once and the schools are evaluated on every core; the order of the answer is the order the period was read in.
/// </summary>
public sealed class PeriodEvaluator(ResultTable results, RegistryStore registry)
{
    public async Task<IReadOnlyList<(StoredInput Stored, SchoolEvaluation Evaluation)>> EvaluateAsync(Period period, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var lowBeforeRead = results.LowResultsAsync(period.Previous, null, cancellationToken);
        var registered = await registry.LoadAsync(cancellationToken);
        var stored = await results.ReadInputsAsync(period, registered.MunicipalityIds, cancellationToken);
        var lowBefore = await lowBeforeRead;

        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);
        var region = RegionalDistribution.Of([.. stored.Select(school => school.Values)]);
        var assessments = ruleSet.Assessment is { } settings
            ? IntegratedAssessment.Assess(settings, [.. stored.Select(school => (school.SchoolId, registered.Find(school.SchoolId)?.Level ?? "secondary", school.Values))], region)
            : new Dictionary<string, SchoolAssessment>();

        var evaluated = new (StoredInput, SchoolEvaluation)[stored.Count];
        await Parallel.ForAsync(0, stored.Count, cancellationToken, async (index, _) =>
        {
            var school = stored[index];
            var evaluation = evaluator.Evaluate(new SchoolRow(0, school.SchoolId, school.SchoolName, school.Values));
            var classified = await classifier.ClassifyAsync(
                evaluation, registered.Find(school.SchoolId), region, lowBefore.TryGetValue(school.SchoolId, out var low) ? low : null);
            evaluated[index] = (school, classified with { Assessment = assessments.GetValueOrDefault(school.SchoolId) ?? SchoolAssessment.None });
        });
        return evaluated;
    }
}
