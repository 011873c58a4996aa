using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Flow;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0202: the same user location fetched twice on one path (double fetch / TOCTOU). A may-analysis
/// over Roslyn's <see cref="ControlFlowGraph"/>: the set of user locations already fetched flows along
/// every edge (loops included); writing the pointer variable forgets it. A location is a variable, a
/// struct field below one, and a constant <c>.Add(n)</c> offset, followed through aliases
/// (<c>var cursor = header;</c>). A call to a source method counts as the fetches its
/// <see cref="FetchSummary"/> lists, mapped to the caller's arguments. A second fetch whose value is
/// validated again before use is fine (<see cref="RecheckedValue"/>). Intended re-fetches are
/// suppressed with <c>#pragma warning disable KMS0202</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoubleFetchAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DoubleFetch);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        SummaryCache<FetchSummary> summaries = FetchSummaries.For(session.Scope);
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            foreach (IOperation block in c.OperationBlocks)
            {
                if (block is not (IMethodBodyOperation or IBlockOperation))
                {
                    continue;
                }

                // Only bodies (the method's, its local functions') that may fetch twice get a CFG.
                var locals = new List<ILocalFunctionOperation>();
                bool body = MayFetchTwice(block, summaries, locals);
                HashSet<IMethodSymbol>? localsToAnalyze = null;
                for (int i = 0; i < locals.Count; i++)
                {
                    if (locals[i].Body is { } localBody && MayFetchTwice(localBody, summaries, locals))
                    {
                        (localsToAnalyze ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(locals[i].Symbol);
                    }
                }

                if (!body && localsToAnalyze is null)
                {
                    continue;
                }

                var analysis = new Analysis(c, session, method, block, summaries);
                ControlFlowGraph graph = c.GetControlFlowGraph(block);
                if (body)
                {
                    analysis.Run(graph);
                }

                if (localsToAnalyze is not null)
                {
                    RunLocalFunctions(graph, localsToAnalyze, analysis);
                }
            }
        });
    }

    private static void RunLocalFunctions(ControlFlowGraph graph, HashSet<IMethodSymbol> wanted, Analysis analysis)
    {
        foreach (IMethodSymbol local in graph.LocalFunctions)
        {
            if (wanted.Count == 0)
            {
                return;
            }

            ControlFlowGraph inner = graph.GetLocalFunctionControlFlowGraph(local);
            if (wanted.Remove(local))
            {
                analysis.Run(inner);
            }

            RunLocalFunctions(inner, wanted, analysis);
        }
    }

    /// <summary>
    /// Whether a second fetch is possible in <paramref name="root"/> at all: two fetches (runtime calls, or
    /// calls of methods whose summaries fetch), or one inside a loop. Local functions met are added to
    /// <paramref name="locals"/> for the same question.
    /// </summary>
    private static bool MayFetchTwice(IOperation root, SummaryCache<FetchSummary> summaries, List<ILocalFunctionOperation> locals)
    {
        int count = 0;
        bool twice = false;
        var stack = new Stack<(IOperation Operation, bool InLoop)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            (IOperation operation, bool inLoop) = stack.Pop();
            // Once known, the walk goes on only to collect the local functions.
            if (!twice && operation is IInvocationOperation invocation
                && (FetchWalker.RuntimeFetch(invocation) is not null || FetchWalker.CalleeSummary(invocation, summaries) is not null))
            {
                twice = ++count > 1 || inLoop;
            }

            inLoop |= operation is ILoopOperation;
            foreach (IOperation child in operation.ChildOperations)
            {
                if (child is ILocalFunctionOperation local)
                {
                    locals.Add(local);
                }
                else if (child is not IAnonymousFunctionOperation)
                {
                    stack.Push((child, inLoop));
                }
            }
        }

        return twice;
    }

    /// <summary>The fixpoint over one CFG (the method's or a local function's) and the reports it makes.</summary>
    private sealed class Analysis
    {
        private readonly OperationBlockAnalysisContext context;
        private readonly KernelSession session;
        private readonly IMethodSymbol method;
        private readonly IOperation body;
        private readonly SummaryCache<FetchSummary> summaries;
        private readonly HashSet<IOperation> reported = new();
        private readonly System.Action<FetchEvent, FetchOrigin?> onFetch;

        public Analysis(OperationBlockAnalysisContext context, KernelSession session, IMethodSymbol method, IOperation body, SummaryCache<FetchSummary> summaries)
        {
            this.context = context;
            this.session = session;
            this.method = method;
            this.body = body;
            this.summaries = summaries;
            onFetch = OnFetch;
        }

        public void Run(ControlFlowGraph graph)
        {
            var entry = new FetchState?[graph.Blocks.Length];
            var worklist = new Queue<int>();
            entry[0] = new FetchState();
            worklist.Enqueue(0);
            int steps = 0;
            while (worklist.Count > 0 && steps++ < 10_000)
            {
                int index = worklist.Dequeue();
                BasicBlock block = graph.Blocks[index];
                FetchState state = entry[index]!.Clone();
                foreach (IOperation statement in block.Operations)
                {
                    FetchWalker.Walk(statement, state, summaries, onFetch);
                }

                if (block.BranchValue is { } branch)
                {
                    FetchWalker.Walk(branch, state, summaries, onFetch);
                }

                Flow(block.FallThroughSuccessor, state);
                Flow(block.ConditionalSuccessor, state);
            }

            void Flow(ControlFlowBranch? branch, FetchState state)
            {
                if (branch?.Destination is not { } destination)
                {
                    return;
                }

                if (entry[destination.Ordinal] is not { } existing)
                {
                    entry[destination.Ordinal] = state.Clone();
                    worklist.Enqueue(destination.Ordinal);
                }
                else if (existing.Join(state))
                {
                    worklist.Enqueue(destination.Ordinal);
                }
            }
        }

        private void OnFetch(FetchEvent fetch, FetchOrigin? earlier)
        {
            if (earlier is null || reported.Contains(fetch.Site) || (fetch.Callee?.Rechecked ?? RecheckedValue.Of(fetch.Site, body)))
            {
                return;
            }

            reported.Add(fetch.Site);
            string where = fetch.Chain is null ? "" : " in " + fetch.Chain;
            string before = ReferenceEquals(earlier.Site, fetch.Site) ? "the same call in an earlier iteration" : earlier.Describe();
            session.Report(method, context.ReportDiagnostic, DiagnosticDescriptors.DoubleFetch, fetch.Site.Syntax.GetLocation(), fetch.Display, where, before);
        }
    }
}
