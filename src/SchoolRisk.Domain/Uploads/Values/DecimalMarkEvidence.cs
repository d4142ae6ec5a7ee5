namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>
/// What a file's values show of its decimal mark, gathered while it is read: each value that shows one by itself
/// («12,5», «0.25», «1 234,5», «1,234,567») counts. The mark is settled when the values show one mark and never the
/// other; a file with none, or with both, leaves an ambiguous value («1,234») unsettled, and it is refused rather than
/// guessed.
/// </summary>
public sealed class DecimalMarkEvidence
{
    private int _commas;
    private int _points;

    public void Add(NumberText number)
    {
        _commas += number.Shows == DecimalMark.Comma ? 1 : 0;
        _points += number.Shows == DecimalMark.Point ? 1 : 0;
    }

    /// <summary>The file's decimal mark as its values show it, or <see cref="DecimalMark.Unknown"/>.</summary>
    public DecimalMark Settled =>
        (_commas > 0, _points > 0) switch
        {
            (true, false) => DecimalMark.Comma,
            (false, true) => DecimalMark.Point,
            _ => DecimalMark.Unknown,
        };
}
