namespace SchoolRisk.Domain.Rubrics;

/// <summary>Rubric levels as written in rule files and storage (<c>municipality</c>, <c>school</c>, <c>course</c>).</summary>
public static class RubricLevels
{
    public static string ToKey(this RubricLevel level) => level switch
    {
        RubricLevel.School => "school",
        RubricLevel.Course => "course",
        _ => "municipality",
    };

    public static bool TryParse(string? key, out RubricLevel level)
    {
        foreach (var candidate in Enum.GetValues<RubricLevel>())
        {
            if (string.Equals(candidate.ToKey(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = RubricLevel.Municipality;
        return false;
    }
}
