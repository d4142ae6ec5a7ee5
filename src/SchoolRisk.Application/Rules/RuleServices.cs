using SchoolRisk.Application.Recalculation;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Rules;
using SchoolRisk.Storage.Support;

namespace SchoolRisk.Application.Rules;

/// <summary>
/// The application's rule workflows over a storage account, composed once for the doors outside the function app's
/// container (the CLI, and tests playing it): the period evaluator, the candidate check, activation and preview.
/// </summary>
public static class RuleServices
{
    /// <summary>Reads a period's stored inputs and evaluates them with a rule set.</summary>
    public static PeriodEvaluator Periods(StorageAccount account) =>
        new(new ResultTable(account, TimeProvider.System), new SchoolRegistryBlob(account));

    /// <summary>Validates a candidate, refuses removals without leave and runs it on the latest period.</summary>
    public static RuleCandidateCheck Check(StorageAccount account) =>
        new(Periods(account), new MunicipalityTable(account, TimeProvider.System), new RubricTable(account, TimeProvider.System));

    /// <summary>Activates a candidate through the check, or records its rejection.</summary>
    public static RuleActivationWorkflow Workflow(StorageAccount account) =>
        new(new RuleStore(account, TimeProvider.System), Check(account));

    /// <summary>Evaluates a candidate against a stored period without activating it.</summary>
    public static RulePreview Preview(StorageAccount account) =>
        new(Periods(account), Check(account), new ResultTable(account, TimeProvider.System), new MunicipalityTable(account, TimeProvider.System), new SupportDecisionTable(account));
}
