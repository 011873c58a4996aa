using System.Globalization;

namespace KmodSharp.Bench.Reporting;

/// <summary>One benchmark row: our figure against the reference figure, and the target ratio.</summary>
internal sealed record ResultRow(string Measure, double Ours, double Reference, string Unit, double TargetRatio)
{
    public double Ratio => Reference == 0 ? double.NaN : Ours / Reference;

    public bool Met => Ratio <= TargetRatio;
}

/// <summary>Prints rows as a Markdown table (the README's performance section uses the same shape).</summary>
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
                $"| {row.Measure} | {Format(row.Ours)} {row.Unit} | {Format(row.Reference)} {row.Unit} | {row.Ratio:F2}× | ≤ {row.TargetRatio:F2}× | {(row.Met ? "yes" : "no")} |"));
        }
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
