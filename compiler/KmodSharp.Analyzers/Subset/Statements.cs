using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Statement forms the translator does not take although C# has them: a label (C# only jumps to it
/// with <c>goto</c>, which is refused too). The analyzer (KMS0900) reports it; the backend then never meets it.
/// </summary>
public static class Statements
{
    public static Untranslatable Check(ILabeledOperation labeled) =>
        new(labeled, $"The labeled statement '{labeled.Label.Name}:' (use structured control flow)");
}
