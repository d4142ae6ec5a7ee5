namespace SchoolRisk.Domain.Uploads;

/// <summary>How well a row fits as a file's header row, for choosing it among the first rows and sheets.</summary>
public enum HeaderFit
{
    /// <summary>Not a header: the column the reader cannot do without is not there.</summary>
    None,

    /// <summary>The required column is there, nothing else the reader knows (perhaps an instruction line that names it).</summary>
    Partial,

    /// <summary>The required column and at least one other the reader knows.</summary>
    Full,
}
