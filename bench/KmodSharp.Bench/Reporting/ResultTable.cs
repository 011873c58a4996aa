using System.Globalization;

namespace KmodSharp.Bench.Reporting;

/// <summary>One benchmark row: our figure, the reference figure, the target and whether it holds.</summary>
internal sealed record ResultRow(string Measure, double Ours, double Reference, string Unit, string Target, bool Met)
{
    public double Ratio => Reference == 0 ? double.NaN : Ours / Reference;

    /// <summary>A row whose target is a ratio to the reference (≤ <paramref name="maxRatio"/>×).</summary>
    public static ResultRow WithRatioTarget(string measure, double ours, double reference, string unit, double maxRatio) =>
        new(measure, ours, reference, unit, string.Create(CultureInfo.InvariantCulture, $"≤ {maxRatio:F2}×"), reference > 0 && ours / reference <= maxRatio);
}

/// <summary>Prints rows as a Markdown table (the README's performance section has the same shape).</summary>
internal static class ResultTable
{
    public static void Print(string title, string referenceName, IEnumerable<ResultRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine($"| measure | ours | {referenceName} | ratio | target | met |");
        Console.WriteLine("|---|---:|---:|---:|---:|:---:|");
        foreach (ResultRow row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Measure} | {Format(row.Ours)}{row.Unit} | {Format(row.Reference)}{row.Unit} | {row.Ratio:F2}× | {row.Target} | {(row.Met ? "yes" : "no")} |"));
        }
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
