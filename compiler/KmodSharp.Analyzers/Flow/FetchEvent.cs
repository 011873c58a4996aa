using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>One fetch the walk met: a runtime read of user memory, or a call whose callee's summary fetches.</summary>
internal sealed class FetchEvent
{
    public FetchEvent(IInvocationOperation site, UserLocation location, string display, SummarizedFetch? callee)
    {
        Site = site;
        Location = location;
        Display = display;
        Callee = callee;
    }

    public IInvocationOperation Site { get; }

    /// <summary>The canonical location fetched, in the walked method's terms.</summary>
    public UserLocation Location { get; }

    /// <summary>How the source spells what is fetched (<c>cursor</c>, <c>req.Data</c>).</summary>
    public string Display { get; }

    /// <summary>The callee's summarised fetch, or null for a runtime call.</summary>
    public SummarizedFetch? Callee { get; }

    /// <summary>The helper chain that fetches, or null for a runtime call.</summary>
    public string? Chain => Callee?.Chain;
}
