using System.Globalization;
using System.Text;

namespace KmodSharp.Bench;

/// <summary>One row: our figure, the reference or target it is judged against, and the verdict.</summary>
/// <param name="Figure">What is measured.</param>
/// <param name="Ours">Our value, formatted with its unit.</param>
/// <param name="Reference">The target or reference, formatted (e.g. "&lt; 1 ms").</param>
/// <param name="Ratio">Ours divided by the reference, when that means something.</param>
/// <param name="Pass">Whether the target holds; null for a row that only informs.</param>
/// <param name="Target">The target, when the reference column holds a reference figure rather than the target.</param>
internal sealed record ResultRow(string Figure, string Ours, string Reference, double? Ratio, bool? Pass, string Target = "")
{
    /// <summary>Our figure against a reference figure in the same unit, judged by <paramref name="maxRatio"/> when given.</summary>
    public static ResultRow Compared(string figure, double ours, double reference, string unit, double? maxRatio) => new(
        figure, Number(ours) + unit, Number(reference) + unit, reference > 0 ? ours / reference : null,
        maxRatio is { } max ? reference > 0 && ours / reference <= max : null,
        maxRatio is { } m ? "≤ " + m.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "");

    private static string Number(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Prints rows as a Markdown table, so a run can be pasted into the README as is.</summary>
internal static class ResultTable
{
    public static string Format(IEnumerable<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | ours | target / reference | ratio | target ratio | |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (ResultRow row in rows)
        {
            string ratio = row.Ratio is { } r ? r.ToString(r < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) : "";
            string verdict = row.Pass switch { true => "pass", false => "FAIL", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Ours} | {row.Reference} | {ratio} | {row.Target} | {verdict} |");
        }

        return text.ToString();
    }

    public static string Milliseconds(double value) => value.ToString(value < 10 ? "0.000" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
