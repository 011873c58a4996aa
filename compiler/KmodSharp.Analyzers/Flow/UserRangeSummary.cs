using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>Where an unbounded parameter ends up: a size (allocation count, slice or range bound) or a loop's trip count.</summary>
internal enum UserValueSink
{
    Size,
    LoopBound,
}

/// <summary>
/// A parameter of the method that reaches <see cref="Sink"/> without being bounded on both ends inside it.
/// <see cref="Description"/> says where (<c>the count of Kernel.Allocate in 'Helper.Make'</c>);
/// <see cref="Mutex"/> names the mutex held around the loop, when the method itself holds one;
/// <see cref="Low"/> and <see cref="High"/> say which ends of the argument must be bounded.
/// </summary>
internal sealed record ParameterReach(int Ordinal, UserValueSink Sink, string Description, string? Mutex, bool Low, bool High);

/// <summary>A diagnostic the analysis of a method found in its own body (reported by the analyzer of its block).</summary>
internal sealed record RangeFinding(DiagnosticDescriptor Descriptor, Location Location, object[] Arguments);

/// <summary>
/// The range analysis of one method: which parameters reach a size or a loop bound unbounded
/// (what its callers check their arguments against) and what it found in its own body.
/// </summary>
internal sealed record UserRangeSummary(ImmutableArray<ParameterReach> Reaches, ImmutableArray<RangeFinding> Findings)
{
    public static UserRangeSummary Empty { get; } = new(ImmutableArray<ParameterReach>.Empty, ImmutableArray<RangeFinding>.Empty);
}
