using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>Where a user location was first fetched on a path: a runtime call, or a helper's (by its chain).</summary>
internal sealed class FetchOrigin
{
    public FetchOrigin(IInvocationOperation site, string? chain)
    {
        Site = site;
        Chain = chain;
    }

    public IInvocationOperation Site { get; }

    /// <summary>The helper chain that fetches (<c>Validate → Check</c>), or null for a runtime call in the method itself.</summary>
    public string? Chain { get; }

    /// <summary>"the CopyIn on line 12", or "the fetch in Validate → Check".</summary>
    public string Describe() =>
        Chain is not null
            ? "the fetch in " + Chain
            : "the " + Site.TargetMethod.Name + " on line " + (Site.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
}
