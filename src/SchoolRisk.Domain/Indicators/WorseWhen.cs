namespace SchoolRisk.Domain.Indicators;

/// <summary>Which direction of an indicator's value is worse.</summary>
public enum WorseWhen
{
    /// <summary>A higher value is worse (a share of failed exams).</summary>
    Higher,

    /// <summary>A lower value is worse (a share of students reaching the minimum level).</summary>
    Lower,
}
