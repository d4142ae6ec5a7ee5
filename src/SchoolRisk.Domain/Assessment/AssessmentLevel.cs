namespace SchoolRisk.Domain.Assessment;

public enum AssessmentLevel
{
    Low,
    Medium,
    High,
}
