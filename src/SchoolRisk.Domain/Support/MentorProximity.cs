namespace SchoolRisk.Domain.Support;

/// <summary>How near a proposed mentor is to its mentee: the order in which <see cref="MentorMatching"/> looks for one.</summary>
public enum MentorProximity
{
    /// <summary>The same municipality.</summary>
    Municipality,

    /// <summary>Another municipality of the same educational district.</summary>
    District,

    /// <summary>Elsewhere in the region.</summary>
    Region,
}
