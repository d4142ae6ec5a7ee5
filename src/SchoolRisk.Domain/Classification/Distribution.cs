namespace SchoolRisk.Domain.Classification;

/// <summary>The region's values of one measure in one period: count, mean, standard deviation and any percentile.</summary>
public sealed class Distribution
{
    private readonly decimal[] _sorted;

    public Distribution(IEnumerable<decimal> values)
    {
        _sorted = [.. values.Order()];
        Count = _sorted.Length;
        Mean = Count == 0 ? 0 : _sorted.Average();
        StandardDeviation = Count < 2 ? 0 : (decimal)Math.Sqrt(_sorted.Sum(v => (double)((v - Mean) * (v - Mean))) / (Count - 1));
    }

    public static Distribution Empty { get; } = new([]);

    public int Count { get; }

    public decimal Mean { get; }

    public decimal StandardDeviation { get; }

    /// <summary>The value below which <paramref name="percentile"/> percent of the region lies (linear interpolation); <c>null</c> with no values.</summary>
    public decimal? At(decimal percentile)
    {
        if (Count == 0)
        {
            return null;
        }

        var position = Math.Clamp(percentile, 0, 100) / 100 * (Count - 1);
        var lower = (int)decimal.Floor(position);
        var upper = Math.Min(lower + 1, Count - 1);
        return _sorted[lower] + ((_sorted[upper] - _sorted[lower]) * (position - lower));
    }

    /// <summary>How many standard deviations a value lies above the mean; <c>null</c> when the spread is zero.</summary>
    public decimal? ZScore(decimal value) => StandardDeviation == 0 ? null : (value - Mean) / StandardDeviation;
}
