namespace SchoolRisk.Domain.Classification;

/// <summary>The four-way typology of schools by social conditions and results (docs/methodology.md, section 4.4).</summary>
public enum Typology
{
    /// <summary>Normal social conditions, results not low.</summary>
    Successful,

    /// <summary>Normal social conditions, low results.</summary>
    Unsuccessful,

    /// <summary>Unfavourable social conditions, high results: mentors for low-result schools.</summary>
    Resilient,

    /// <summary>Unfavourable social conditions, low results.</summary>
    Disadvantaged,
}
