using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The kernel resources a function holds at the point being lowered (locks, <c>malloc(9)</c>
/// buffers), innermost last, with the statement that releases each: every path out of a scope
/// releases what it took, innermost first. Where a buffer is known to be NULL its free is left out.
/// </summary>
internal sealed class ResourceScopes
{
    private readonly List<Resource> held = [];
    // How many resources were held where each loop or switch began: a jump out of it releases the rest.
    private readonly Dictionary<ILabelSymbol, int> marks = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, SpanValue> buffers = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> nullBuffers = new(SymbolEqualityComparer.Default);

    /// <summary>A held resource: the statement that releases it, and the buffer it frees, if it is one.</summary>
    private sealed record Resource(CStmt Release, ISymbol? Buffer = null);

    /// <summary>Takes a resource that <paramref name="release"/> releases.</summary>
    public void Take(CStmt release) => held.Add(new Resource(release));

    /// <summary>Takes the buffer a <c>using</c> variable holds, and notes its elements.</summary>
    public void TakeBuffer(ISymbol variable, SpanValue elements, CStmt free)
    {
        buffers[variable] = elements;
        held.Add(new Resource(free, variable));
    }

    /// <summary>The elements of a <c>KernelBuffer</c> variable, or null if it is none.</summary>
    public SpanValue? Buffer(ISymbol variable) => buffers.TryGetValue(variable, out SpanValue? value) ? value : null;

    /// <summary>Opens a scope: what it takes is released when it closes.</summary>
    public int Open() => held.Count;

    /// <summary>Closes the scope <see cref="Open"/> began; the releases of what it took, innermost first.</summary>
    public ImmutableArray<CStmt> Close(int scope)
    {
        ImmutableArray<CStmt> releases = Releases(held.Count - scope);
        held.RemoveRange(scope, held.Count - scope);
        return releases;
    }

    /// <summary>Notes what is held where the statement a <c>break</c> or <c>continue</c> of <paramref name="target"/> leaves begins.</summary>
    public void MarkJumpTarget(ILabelSymbol target) => marks[target] = held.Count;

    /// <summary>Releases for every resource held, innermost first (before a return).</summary>
    public ImmutableArray<CStmt> ReleaseAll() => Releases(held.Count);

    /// <summary>Releases for the resources taken since the jump target's statement began (before break or continue).</summary>
    public ImmutableArray<CStmt> ReleaseSince(ILabelSymbol target) => Releases(held.Count - marks.GetValueOrDefault(target, held.Count));

    // The innermost 'count' releases, innermost first, without those of buffers known to be NULL here.
    private ImmutableArray<CStmt> Releases(int count) =>
        [.. Enumerable.Reverse(held).Take(count).Where(r => r.Buffer is null || !nullBuffers.Contains(r.Buffer)).Select(r => r.Release)];

    /// <summary>
    /// Lowers <paramref name="branch"/> knowing that <paramref name="buffer"/> is NULL there: a
    /// <c>using</c> variable cannot be assigned, so it stays what the test found.
    /// </summary>
    public CStmt WhereNull(ISymbol? buffer, Func<CStmt> branch)
    {
        bool added = buffer is not null && nullBuffers.Add(buffer);
        CStmt lowered = branch();
        if (added)
        {
            nullBuffers.Remove(buffer!);
        }

        return lowered;
    }
}
