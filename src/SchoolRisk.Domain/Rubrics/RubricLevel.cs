namespace SchoolRisk.Domain.Rubrics;

/// <summary>What a rubric scores: the municipality's own work, one school, or one teacher-training course.</summary>
public enum RubricLevel
{
    Municipality,
    School,
    Course,
}
