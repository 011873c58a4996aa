using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A construct the translator does not support, found by a rule the analyzer (KMS0900) and the
/// backend share: where it is written and what to do instead. The analyzer reports it; the backend
/// meeting one throws an internal error at the same place (the rules let it through).
/// </summary>
public sealed class Untranslatable
{
    public Untranslatable(IOperation at, string description)
    {
        At = at;
        Description = description;
    }

    /// <summary>The operation reported; the diagnostic is at its syntax.</summary>
    public IOperation At { get; }

    /// <summary>KMS0900's first argument: the construct, then what to do instead in parentheses.</summary>
    public string Description { get; }

    public Location Location => At.Syntax.GetLocation();
}
