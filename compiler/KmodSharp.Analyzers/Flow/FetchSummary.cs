using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// What a method fetches from user memory through its parameters (and, for a local function, through
/// the variables it captures), directly or through its callees. A call then counts as those fetches of
/// the caller's arguments (KMS0202).
/// </summary>
internal sealed record FetchSummary
{
    public static readonly FetchSummary None = new(ImmutableArray<SummarizedFetch>.Empty);

    public FetchSummary(ImmutableArray<SummarizedFetch> fetches) => Fetches = fetches;

    public ImmutableArray<SummarizedFetch> Fetches { get; }
}

/// <summary>One user location a method fetches, relative to one of its parameters or to a variable it captures.</summary>
internal sealed record SummarizedFetch
{
    public SummarizedFetch(int parameter, ISymbol? captured, string path, long offset, bool rechecked, string chain)
    {
        Parameter = parameter;
        Captured = captured;
        Path = path;
        Offset = offset;
        Rechecked = rechecked;
        Chain = chain;
    }

    /// <summary>The ordinal of the parameter the location is relative to, or -1 when it is <see cref="Captured"/>.</summary>
    public int Parameter { get; }

    /// <summary>The enclosing method's variable a local function fetches through, or null.</summary>
    public ISymbol? Captured { get; }

    /// <summary>Struct fields below the parameter (<c>Data</c> for <c>req.Data</c>), dot-separated.</summary>
    public string Path { get; }

    /// <summary>The constant <c>.Add(n)</c> offset, in elements.</summary>
    public long Offset { get; }

    /// <summary>Whether every fetch of it validates the value it fetched before using it (see <see cref="RecheckedValue"/>), so it is no double-fetch risk.</summary>
    public bool Rechecked { get; }

    /// <summary>The methods from the summarised one down to the one that fetches (<c>Process → ReadHeader</c>).</summary>
    public string Chain { get; }
}
