namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>The character that separates a number's whole part from its fraction in a file.</summary>
public enum DecimalMark
{
    /// <summary>Not settled: no value shows it, or values show both.</summary>
    Unknown,

    /// <summary><c>,</c>: Russian conventions, Excel's «CSV» on a Russian Windows.</summary>
    Comma,

    /// <summary><c>.</c>: English conventions, exports of most programs.</summary>
    Point,
}
