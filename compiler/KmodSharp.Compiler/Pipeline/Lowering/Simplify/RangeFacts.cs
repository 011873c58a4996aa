using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// What holds at one point of a function: the interval of each tracked variable it narrowed, and
/// conditions (of tracked variables and constants only) known to be true or false there.
/// </summary>
internal sealed record RangeFacts(ImmutableDictionary<string, Interval> Ranges, ImmutableDictionary<CExpr, bool> Conditions)
{
    public static readonly RangeFacts None = new(ImmutableDictionary<string, Interval>.Empty, ImmutableDictionary<CExpr, bool>.Empty);

    /// <summary>Whether nothing is known.</summary>
    public bool IsEmpty => Ranges.IsEmpty && Conditions.IsEmpty;

    public RangeFacts With(string variable, Interval range) => this with { Ranges = Ranges.SetItem(variable, range) };

    public RangeFacts WithCondition(CExpr condition, bool value) => this with { Conditions = Conditions.SetItem(condition, value) };

    /// <summary>Forgets what is known of the variables, which were (or may have been) assigned.</summary>
    public RangeFacts Forget(IReadOnlySet<string> variables) => variables.Count == 0 ? this : new RangeFacts(
        Ranges.RemoveRange(variables),
        Conditions.RemoveRange(Conditions.Keys.Where(c => CVariables.Read(c).Overlaps(variables))));

    /// <summary>What holds after either of two paths: the union of the ranges known on both, the conditions known alike on both.</summary>
    public RangeFacts Join(RangeFacts other)
    {
        var ranges = ImmutableDictionary.CreateBuilder<string, Interval>();
        foreach ((string variable, Interval range) in Ranges)
        {
            if (other.Ranges.TryGetValue(variable, out Interval otherRange))
            {
                ranges[variable] = range.Union(otherRange);
            }
        }

        var conditions = ImmutableDictionary.CreateBuilder<CExpr, bool>();
        foreach ((CExpr condition, bool value) in Conditions)
        {
            if (other.Conditions.TryGetValue(condition, out bool otherValue) && otherValue == value)
            {
                conditions[condition] = value;
            }
        }

        return new RangeFacts(ranges.ToImmutable(), conditions.ToImmutable());
    }
}
