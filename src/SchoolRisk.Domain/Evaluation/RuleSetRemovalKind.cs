namespace SchoolRisk.Domain.Evaluation;

/// <summary>What kind of block an edit of the rules would remove (<see cref="RuleSetRemoval"/>).</summary>
public enum RuleSetRemovalKind
{
    /// <summary>A workflow of zone rules (one block of indicators, one rule file).</summary>
    Workflow,

    /// <summary>Every zone rule of an indicator: it would be in no zone for any school.</summary>
    Indicator,

    /// <summary>A rubric: its scores would not be banded.</summary>
    Rubric,

    /// <summary>The classification workflow: no school would be classified (ШНОР, ШНСУ, typology, …).</summary>
    Classification,

    /// <summary>The integrated assessment: no school would be scored or ranked.</summary>
    Assessment,
}
