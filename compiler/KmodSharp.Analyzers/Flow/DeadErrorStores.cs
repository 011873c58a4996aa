using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Backward liveness of a few <c>Errno</c> locals over one <see cref="ControlFlowGraph"/>: a store of a
/// checked error whose local is not live right after it (no path reads it before the next store or the
/// end) loses that error. May-liveness, so a read on any path keeps the store; a local also used in a
/// finally or catch region is left out (the graph's exceptional edges are not followed).
/// </summary>
internal sealed class DeadErrorStores
{
    private readonly ControlFlowGraph graph;
    private readonly HashSet<ILocalSymbol> candidates;
    private readonly SummaryCache<ReturnedError> summaries;
    private readonly Dictionary<CaptureId, ErrorSource> captures = new();

    public DeadErrorStores(ControlFlowGraph graph, HashSet<ILocalSymbol> candidates, SummaryCache<ReturnedError> summaries)
    {
        this.graph = graph;
        this.candidates = new HashSet<ILocalSymbol>(candidates, SymbolEqualityComparer.Default);
        this.summaries = summaries;
    }

    /// <summary>Calls <paramref name="report"/> for each lost store, in block order.</summary>
    public void Report(Action<Store> report)
    {
        Prepare();
        if (candidates.Count == 0)
        {
            return;
        }

        System.Collections.Immutable.ImmutableArray<BasicBlock> blocks = graph.Blocks;
        var liveIn = new HashSet<ILocalSymbol>[blocks.Length];
        for (int i = 0; i < blocks.Length; i++)
        {
            liveIn[i] = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        }

        var worklist = new Stack<int>();
        var queued = new bool[blocks.Length];
        for (int i = 0; i < blocks.Length; i++)
        {
            worklist.Push(i);
            queued[i] = true;
        }

        int steps = 0;
        while (worklist.Count > 0 && steps++ < 100_000)
        {
            int index = worklist.Pop();
            queued[index] = false;
            HashSet<ILocalSymbol> live = LiveOut(blocks[index], liveIn);
            Through(blocks[index], live, null);
            if (!live.SetEquals(liveIn[index]))
            {
                liveIn[index] = live;
                foreach (ControlFlowBranch predecessor in blocks[index].Predecessors)
                {
                    if (!queued[predecessor.Source.Ordinal])
                    {
                        queued[predecessor.Source.Ordinal] = true;
                        worklist.Push(predecessor.Source.Ordinal);
                    }
                }
            }
        }

        foreach (BasicBlock block in blocks)
        {
            Through(block, LiveOut(block, liveIn), report);
        }
    }

    // Leaves out locals touched in finally/catch regions, and notes which flow captures hold a checked error.
    private void Prepare()
    {
        foreach (BasicBlock block in graph.Blocks)
        {
            bool exceptional = InHandler(block);
            foreach (IOperation statement in block.Operations)
            {
                if (statement is IFlowCaptureOperation capture && SourceOf(capture.Value) is { } source)
                {
                    captures[capture.Id] = source;
                }

                if (exceptional)
                {
                    foreach (IOperation operation in statement.DescendantsAndSelf())
                    {
                        if (operation is ILocalReferenceOperation reference)
                        {
                            candidates.Remove(reference.Local);
                        }
                    }
                }
            }
        }
    }

    private static bool InHandler(BasicBlock block)
    {
        for (ControlFlowRegion? region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Finally or ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<ILocalSymbol> LiveOut(BasicBlock block, HashSet<ILocalSymbol>[] liveIn)
    {
        var live = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (block.FallThroughSuccessor?.Destination is { } next)
        {
            live.UnionWith(liveIn[next.Ordinal]);
        }

        if (block.ConditionalSuccessor?.Destination is { } other)
        {
            live.UnionWith(liveIn[other.Ordinal]);
        }

        return live;
    }

    // Walks the block backwards, turning live-out into live-in; reports dead checked stores when asked.
    private void Through(BasicBlock block, HashSet<ILocalSymbol> live, Action<Store>? report)
    {
        if (block.BranchValue is { } branch)
        {
            Step(branch, live, null);
        }

        for (int i = block.Operations.Length - 1; i >= 0; i--)
        {
            Step(block.Operations[i], live, report);
        }
    }

    private void Step(IOperation statement, HashSet<ILocalSymbol> live, Action<Store>? report)
    {
        // The graph keeps expression statements; a declarator's initializer is a bare assignment.
        if (report is not null
            && (statement is IExpressionStatementOperation expression ? expression.Operation : statement) is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value } assignment
            && candidates.Contains(target.Local)
            && !live.Contains(target.Local)
            && SourceOf(value) is { } source)
        {
            report(new Store(target.Local, source, assignment.Syntax));
        }

        // Stores first, then reads: a read in the same statement keeps the earlier value live.
        foreach (IOperation operation in statement.DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation stored })
            {
                live.Remove(stored.Local);
            }
            else if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: ILocalReferenceOperation written })
            {
                live.Remove(written.Local);
            }
        }

        foreach (IOperation operation in statement.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && candidates.Contains(reference.Local) && IsRead(reference))
            {
                live.Add(reference.Local);
            }
        }
    }

    private static bool IsRead(ILocalReferenceOperation reference) => !reference.IsDeclaration && reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => !ReferenceEquals(assignment.Target, reference),
        IArgumentOperation { Parameter.RefKind: RefKind.Out } => false,
        _ => true,
    };

    private ErrorSource? SourceOf(IOperation value) =>
        Conversions.Strip(value) is IFlowCaptureReferenceOperation capture
            ? captures.TryGetValue(capture.Id, out ErrorSource source) ? source : null
            : ReturnedError.SourceOf(value, summaries);

    /// <summary>A store of a checked error in a local.</summary>
    internal readonly struct Store
    {
        public Store(ILocalSymbol local, ErrorSource source, SyntaxNode syntax)
        {
            Local = local;
            Source = source;
            Syntax = syntax;
        }

        public ILocalSymbol Local { get; }

        public ErrorSource Source { get; }

        /// <summary>The assignment or declarator.</summary>
        public SyntaxNode Syntax { get; }
    }
}
