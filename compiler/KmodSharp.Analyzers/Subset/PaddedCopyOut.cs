using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A copy to user memory of a type with padding. One value (<c>Kernel.CopyOut(in v, p)</c>) is
/// copied out through a zeroed byte buffer filled field by field, a span of them through a zeroed
/// <c>malloc(9)</c> buffer filled element by element, so no padding byte comes from kernel memory
/// whatever the C compiler does with struct stores. The backend decides here.
/// </summary>
public static class PaddedCopyOut
{
    /// <summary>Whether a copy out of <paramref name="type"/> goes through a zeroed buffer: it has a padding hole.</summary>
    public static bool NeedsZeroedBuffer(ITypeSymbol type) => TypeLayout.FindPadding(type) is not null;
}
