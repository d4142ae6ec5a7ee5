namespace SchoolRisk.Storage.Rules;

public enum RuleActivationOutcome
{
    Activated,
    Unchanged,
    Rejected,
}
