using SchoolRisk.Functions.Recalculate;
using SchoolRisk.Functions.Rules;
using SchoolRisk.Storage;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;
using SchoolRisk.Storage.Rubrics;
using SchoolRisk.Storage.Rules;

namespace SchoolRisk.Integration.Tests.Support;

/// <summary>The application's rule workflows over a test's storage account, built as the CLI builds them.</summary>
public static class RuleServices
{
    public static PeriodEvaluator Periods(StorageAccount account) =>
        new(new ResultTable(account, TimeProvider.System), new RegistryStore(account));

    public static RuleCandidateCheck Check(StorageAccount account) =>
        new(Periods(account), new MunicipalityTable(account, TimeProvider.System), new RubricTable(account, TimeProvider.System));

    public static RuleActivationWorkflow Workflow(StorageAccount account) =>
        new(new RuleStore(account, TimeProvider.System), Check(account));

    public static RulePreview Preview(StorageAccount account) => new(Periods(account), Check(account));
}
