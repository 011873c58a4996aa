namespace KmodSharp.Bench;

/// <summary>Order statistics of a sample.</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> in 0..1).</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
