namespace SchoolRisk.Domain.Uploads;

/// <summary>What an upload carries: schools' indicator values, or rubric scores (under a <c>rubrics/</c> folder).</summary>
public enum UploadKind
{
    Schools,
    Rubrics,
}
