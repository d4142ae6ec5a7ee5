namespace SchoolRisk.Domain.Recommendations;

/// <summary>Whom a recommended measure is addressed to (the methodology's addressed recommendations), its <c>Properties.Addressee</c>.</summary>
public enum Addressee
{
    /// <summary><c>school</c>: the school's leadership.</summary>
    School,

    /// <summary><c>municipality</c>: the municipal education authority.</summary>
    Municipality,

    /// <summary><c>committee</c>: the regional education committee.</summary>
    Committee,
}
