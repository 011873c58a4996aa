using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0202: the same user location fetched twice on one path (double fetch / TOCTOU). A may-analysis
/// over Roslyn's <see cref="ControlFlowGraph"/>: the set of user locations already fetched flows along
/// every edge (loops included); writing the pointer variable forgets it. A location is a parameter or
/// local, optionally with a constant <c>.Add(n)</c> offset. Intended re-fetches are suppressed with
/// <c>#pragma warning disable KMS0202</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoubleFetchAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DoubleFetch);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            foreach (IOperation block in c.OperationBlocks)
            {
                if (block is IMethodBodyOperation or IBlockOperation && HasFetch(block))
                {
                    Analyze(c, session, method, c.GetControlFlowGraph(block));
                }
            }
        });
    }

    /// <summary>Whether a second fetch is possible at all: two fetches, or one inside a loop. Otherwise no CFG is built.</summary>
    private static bool HasFetch(IOperation root)
    {
        int count = 0;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && Fetched(invocation) is not null)
            {
                if (++count > 1 || InLoop(invocation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool InLoop(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILoopOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The user address a call reads from, or null when it reads no user memory.</summary>
    private static IArgumentOperation? Fetched(IInvocationOperation invocation) =>
        RuntimeApi.Find(invocation.TargetMethod) is { ReadsUser: true } api ? api.UserArgument(invocation) : null;

    private static void Analyze(OperationBlockAnalysisContext c, KernelSession session, IMethodSymbol method, ControlFlowGraph graph)
    {
        int count = graph.Blocks.Length;
        var entry = new HashSet<FetchKey>?[count];
        var worklist = new Queue<int>();
        entry[0] = new HashSet<FetchKey>();
        worklist.Enqueue(0);
        var reported = new HashSet<IOperation>();
        int steps = 0;
        while (worklist.Count > 0 && steps++ < 10_000)
        {
            int index = worklist.Dequeue();
            BasicBlock block = graph.Blocks[index];
            var state = new HashSet<FetchKey>(entry[index]!);
            foreach (IOperation statement in block.Operations)
            {
                Transfer(statement, state, reported, c, session, method);
            }

            if (block.BranchValue is { } branch)
            {
                Transfer(branch, state, reported, c, session, method);
            }

            Flow(block.FallThroughSuccessor, state);
            Flow(block.ConditionalSuccessor, state);
        }

        void Flow(ControlFlowBranch? branch, HashSet<FetchKey> state)
        {
            if (branch?.Destination is not { } destination)
            {
                return;
            }

            HashSet<FetchKey>? existing = entry[destination.Ordinal];
            if (existing is null)
            {
                entry[destination.Ordinal] = new HashSet<FetchKey>(state);
                worklist.Enqueue(destination.Ordinal);
            }
            else if (!existing.IsSupersetOf(state))
            {
                existing.UnionWith(state);
                worklist.Enqueue(destination.Ordinal);
            }
        }
    }

    private static void Transfer(IOperation root, HashSet<FetchKey> state, HashSet<IOperation> reported,
        OperationBlockAnalysisContext c, KernelSession session, IMethodSymbol method)
    {
        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when Fetched(invocation) is { } address:
                    if (KeyOf(address.Value) is { } key)
                    {
                        if (!state.Add(key) && reported.Add(invocation))
                        {
                            session.Report(method, c.ReportDiagnostic, DiagnosticDescriptors.DoubleFetch, invocation.Syntax.GetLocation(), key.Display);
                        }
                    }

                    break;
                case IAssignmentOperation { Target: var target }:
                    Kill(state, target);
                    break;
                case IIncrementOrDecrementOperation { Target: var target }:
                    Kill(state, target);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                    Kill(state, argument.Value);
                    break;
            }
        }
    }

    private static void Kill(HashSet<FetchKey> state, IOperation target)
    {
        ISymbol? symbol = target switch
        {
            IParameterReferenceOperation p => p.Parameter,
            ILocalReferenceOperation l => l.Local,
            _ => null,
        };
        if (symbol is not null)
        {
            state.RemoveWhere(k => SymbolEqualityComparer.Default.Equals(k.Symbol, symbol));
        }
    }

    private static FetchKey? KeyOf(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        long offset = 0;
        if (value is IInvocationOperation { TargetMethod.Name: "Add", Instance: { } instance, Arguments: { Length: 1 } arguments }
            && arguments[0].Value.ConstantValue is { HasValue: true, Value: { } constant })
        {
            offset = Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
            value = instance;
        }

        ISymbol? symbol = value switch
        {
            IParameterReferenceOperation p => p.Parameter,
            ILocalReferenceOperation l => l.Local,
            _ => null,
        };
        return symbol is null ? null : new FetchKey(symbol, offset);
    }

    private readonly struct FetchKey : IEquatable<FetchKey>
    {
        public FetchKey(ISymbol symbol, long offset)
        {
            Symbol = symbol;
            Offset = offset;
        }

        public ISymbol Symbol { get; }

        public long Offset { get; }

        public string Display => Offset == 0 ? Symbol.Name : Symbol.Name + ".Add(" + Offset + ")";

        public bool Equals(FetchKey other) => SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol) && Offset == other.Offset;

        public override bool Equals(object? obj) => obj is FetchKey other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 397) ^ Offset.GetHashCode();
    }
}
