namespace SchoolRisk.Domain.Classification;

/// <summary>The classifications a rule of the classification workflow may decide (its <c>Properties.Classification</c>).</summary>
public enum ClassificationKind
{
    /// <summary><c>low_results</c>: a low-result school (ШНОР).</summary>
    LowResults,

    /// <summary><c>high_results</c>: results high enough to call a school in unfavourable conditions resilient.</summary>
    HighResults,

    /// <summary><c>unfavourable_conditions</c>: a school in unfavourable social conditions (ШНСУ).</summary>
    UnfavourableConditions,

    /// <summary><c>non_objective</c>: signs of non-objective results.</summary>
    NonObjective,

    /// <summary><c>leader_effective</c>: the school's leader is effective.</summary>
    LeaderEffective,
}
