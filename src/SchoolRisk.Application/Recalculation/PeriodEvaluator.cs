using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Recalculation;

/// <summary>
/// Evaluates every stored school of a period with a rule set, against the whole region: zones, the regional
/// distribution from all of them, classifications (with each school's standing toward the low-result group the period before), and the integrated
/// assessment. Writes nothing: <see cref="RegionalRecalculation"/> writes it, a preview compares it, an activation checks
/// a candidate on it. Reading (<see cref="ReadAsync"/>, storage: its faults are the system's) is apart from evaluating
/// (<see cref="EvaluateAsync(PeriodInputs, RuleSet, CancellationToken)"/>, no I/O), where a rule that throws on a school
/// leaves what it decides not evaluated for that school (<see cref="PeriodEvaluation.Failures"/>) and the rest goes on.
/// The period is read in ranges at once and the schools are evaluated on every core; the order of the answer is the
/// order the period was read in.
/// </summary>
public sealed class PeriodEvaluator(ResultTable results, SchoolRegistryBlob registry)
{
    /// <summary>Reads what evaluating <paramref name="period"/> needs: its stored schools, the registry, each school's standing toward the low-result group the period before.</summary>
    public async Task<PeriodInputs> ReadAsync(Period period, CancellationToken cancellationToken)
    {
        var standingsBeforeRead = results.RiskGroupsAsync(period.Previous, null, cancellationToken);
        var registered = await registry.LoadAsync(cancellationToken);
        var stored = await results.ReadInputsAsync(period, registered.MunicipalityIds, cancellationToken);
        return new PeriodInputs(period, stored, registered, await standingsBeforeRead);
    }

    /// <summary>Reads <paramref name="period"/> and evaluates it with <paramref name="ruleSet"/>.</summary>
    public async Task<PeriodEvaluation> EvaluateAsync(Period period, RuleSet ruleSet, CancellationToken cancellationToken) =>
        await EvaluateAsync(await ReadAsync(period, cancellationToken), ruleSet, cancellationToken);

    /// <summary>Evaluates what was read with <paramref name="ruleSet"/>; no I/O.</summary>
    public static async Task<PeriodEvaluation> EvaluateAsync(PeriodInputs inputs, RuleSet ruleSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (stored, registered, standingsBefore) = (inputs.Schools, inputs.Registry, inputs.RiskGroupsBefore);
        var evaluator = new SchoolEvaluator(ruleSet, OverallZonePolicy.Default);
        var classifier = new SchoolClassifier(ruleSet, OverallZonePolicy.Default);
        var region = RegionalDistribution.Of([.. stored.Select(school => school.Values)]);
        IReadOnlyDictionary<SchoolId, SchoolAssessment> assessments = new Dictionary<SchoolId, SchoolAssessment>();
        RuleFailure? assessmentFailure = null;
        if (ruleSet.Assessment is { } settings)
        {
            try
            {
                assessments = IntegratedAssessment.Assess(settings, [.. stored.Select(school => (school.SchoolId, registered.Find(school.SchoolId)?.Level ?? "secondary", school.Values))], region);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                assessmentFailure = new RuleFailure(
                    RuleFailureKind.Assessment, "IntegratedAssessment", string.Empty, string.Empty, string.Empty,
                    $"школ: {stored.Count}", RuleFailures.DetailOf(exception));
            }
        }

        var evaluated = new (StoredInput, SchoolEvaluation)[stored.Count];
        await Parallel.ForAsync(0, stored.Count, cancellationToken, async (index, _) =>
        {
            var school = stored[index];
            var evaluation = evaluator.EvaluateMarkingFailures(new SchoolRow(0, school.SchoolId, school.SchoolName, school.Values));
            var classified = await classifier.ClassifyAsync(
                evaluation, registered.Find(school.SchoolId), region, inputs.Period, standingsBefore.GetValueOrDefault(school.SchoolId));
            evaluated[index] = (school, classified with { Assessment = assessments.GetValueOrDefault(school.SchoolId) ?? SchoolAssessment.None });
        });
        return new PeriodEvaluation(inputs.Period, evaluated, assessmentFailure);
    }
}
