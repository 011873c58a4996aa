using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The C labels a <c>break</c> or <c>continue</c> jumps to where C's own would reach the wrong
/// statement (a switch lowered to an if chain, a loop whose step needs statements). A label is
/// placed only where a jump uses it: clang's -Wunused-label is an error under -Werror.
/// </summary>
internal sealed class JumpLabels
{
    private readonly Dictionary<ILabelSymbol, string> continueLabels = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILabelSymbol, string> breakLabels = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> used = [];
    private int count;

    /// <summary>A label no other in the function has.</summary>
    public string New(string stem) => $"kms_{stem}{++count}";

    /// <summary>A <c>continue</c> of <paramref name="target"/> goes to <paramref name="label"/>.</summary>
    public void ContinueAt(ILabelSymbol target, string label) => continueLabels[target] = label;

    /// <summary>A <c>break</c> of <paramref name="target"/> goes to <paramref name="label"/>.</summary>
    public void BreakTo(ILabelSymbol target, string label) => breakLabels[target] = label;

    public bool TryContinue(ILabelSymbol target, [NotNullWhen(true)] out string? label) => continueLabels.TryGetValue(target, out label);

    public bool TryBreak(ILabelSymbol target, [NotNullWhen(true)] out string? label) => breakLabels.TryGetValue(target, out label);

    /// <summary>Notes that a <c>goto</c> jumps to the label.</summary>
    public void Use(string label) => used.Add(label);

    /// <summary>Whether a <c>goto</c> jumps to the label, so it must be placed.</summary>
    public bool IsUsed(string label) => used.Contains(label);
}
