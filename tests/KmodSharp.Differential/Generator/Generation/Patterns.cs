using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Disjoint patterns over an integer: constants, relational ranges joined by <c>and</c>, and
/// merged arms joined by <c>or</c>. Arms never overlap (C# rejects a subsumed arm), and
/// <see cref="Exhaustive"/> says whether a discard arm would be redundant.
/// </summary>
public sealed record PatternSet(IReadOnlyList<string> Arms, bool Exhaustive)
{
    public static PatternSet Create(Random random, IntegerKind selector)
    {
        int low = selector.Signed ? -40 : 0;
        var points = new List<int>();
        int next = low + random.Next(0, 20);
        for (int k = random.Next(1, 4); k > 0; k--)
        {
            points.Add(next);
            next += random.Next(2, 15);
        }

        // Segments in order: < p0, p0, > p0 and < p1, p1, …, > pk.
        var segments = new List<string>();
        bool lowest = selector.Signed || points[0] > 0;
        if (lowest)
        {
            segments.Add($"< {Text(points[0])}");
        }

        for (int i = 0; i < points.Count; i++)
        {
            segments.Add(Text(points[i]));
            segments.Add(i + 1 < points.Count
                ? (points[i + 1] - points[i] == 2 ? Text(points[i] + 1) : $"> {Text(points[i])} and < {Text(points[i + 1])}")
                : $"> {Text(points[i])}");
        }

        var kept = segments.Where(_ => random.Next(10) < 7).ToList();
        if (kept.Count == 0)
        {
            kept.Add(segments[random.Next(segments.Count)]);
        }

        bool exhaustive = kept.Count == segments.Count;
        if (kept.Count >= 3 && random.Next(3) == 0)
        {
            int i = random.Next(kept.Count - 1);
            // "and" binds tighter than "or": no parentheses (which C# could read as a positional pattern).
            kept[i] = $"{kept[i]} or {kept[i + 1]}";
            kept.RemoveAt(i + 1);
        }

        if (kept.Count >= 2 && random.Next(4) == 0)
        {
            // Order does not matter for disjoint arms.
            (kept[0], kept[^1]) = (kept[^1], kept[0]);
        }

        return new PatternSet(kept, exhaustive);
    }

    /// <summary>
    /// The arms with <c>when</c> guards (<see cref="GeneratorFeatures.WhenGuards"/>): a first arm names the value
    /// (<c>var g</c> or <c>int g</c>) and tests it in its guard, and some other arms get a guard of their own. A
    /// guarded arm matches fewer values: the set stays exhaustive only when no original arm got one.
    /// </summary>
    public PatternSet WithGuards(Random random, IntegerKind selector, string variable, Func<string> guard)
    {
        string declared = random.Next(2) == 0 ? "var" : selector.Name;
        string test = random.Next(2) == 0 ? $"{variable} > {Text(random.Next(0, 30))}" : $"({variable} & {Text(random.Next(1, 8))}) == 0";
        var arms = new List<string> { $"{declared} {variable} when {test}" };
        bool exhaustive = Exhaustive;
        foreach (string arm in Arms)
        {
            bool guarded = random.Next(3) == 0;
            exhaustive &= !guarded;
            arms.Add(guarded ? $"{arm} when {guard()}" : arm);
        }

        return new PatternSet(arms, exhaustive);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
