using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Statement forms the translator does not take although C# has them: a label (C# only jumps to it
/// with <c>goto</c>, which is refused too) and a <c>when</c> guard on a switch arm or case. The
/// analyzer (KMS0900) reports them; the backend then never meets them.
/// </summary>
public static class Statements
{
    public static Untranslatable Check(ILabeledOperation labeled) =>
        new(labeled, $"The labeled statement '{labeled.Label.Name}:' (use structured control flow)");

    public static Untranslatable? Check(ISwitchExpressionArmOperation arm) =>
        arm.Guard is null ? null : new Untranslatable(arm, WhenGuard);

    public static Untranslatable? Check(IPatternCaseClauseOperation clause) =>
        clause.Guard is null ? null : new Untranslatable(clause, WhenGuard);

    private const string WhenGuard = "A 'when' guard (fold the condition into the pattern)";
}
