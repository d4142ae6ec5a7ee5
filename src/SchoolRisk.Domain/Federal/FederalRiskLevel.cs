namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The level of a risk factor in a school's federal risk profile (programme «500+», ФИОКО): a factor left empty in the
/// committee's file was not assessed and has no level at all.
/// </summary>
public enum FederalRiskLevel
{
    /// <summary>«низкий».</summary>
    Low,

    /// <summary>«средний».</summary>
    Medium,

    /// <summary>«высокий».</summary>
    High,
}
