using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A copy to user memory of a type with padding. One value (<c>Kernel.CopyOut(in v, p)</c>) is
/// copied out through a zeroed byte buffer filled field by field, so no padding byte comes from
/// the kernel stack whatever the C compiler does with struct stores; a span of such values is
/// refused (KMS0204). The analyzer and the backend both decide here.
/// </summary>
public static class PaddedCopyOut
{
    /// <summary>Whether a copy out of <paramref name="type"/> goes through a zeroed buffer: it has a padding hole.</summary>
    public static bool NeedsZeroedBuffer(ITypeSymbol type) => TypeLayout.FindPadding(type) is not null;

    /// <summary>The padding hole that makes this copy out untranslatable (a span of padded structs), or null.</summary>
    public static string? RefusedHole(IInvocationOperation invocation, RuntimeMethod api) =>
        api.WritesUser && invocation.TargetMethod is { TypeArguments.Length: 1, Parameters.Length: > 0 } method
        && method.Parameters[0].Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" }
            ? TypeLayout.FindPadding(method.TypeArguments[0])
            : null;
}
