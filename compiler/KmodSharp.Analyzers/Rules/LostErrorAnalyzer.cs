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
/// KMS0207: the <c>Errno</c> of a checked call (<c>CopyOut</c>, <c>PrivCheck</c>, or a helper returning
/// one's error, see <see cref="ReturnedError"/>) stored in a local that no path reads before the next
/// store or the method's end — a dead store, found by a backward liveness analysis over Roslyn's
/// <see cref="ControlFlowGraph"/>, run only for methods that store such an error in a local.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LostErrorAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LostError);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            SummaryCache<ReturnedError> summaries = ReturnedError.Cache(session.Scope);
            foreach (IOperation block in c.OperationBlocks)
            {
                if (block is IMethodBodyOperation or IBlockOperation && StoredErrors(block, method, summaries) is { } shared)
                {
                    Analyze(c.GetControlFlowGraph(block), shared, summaries, c, session, method);
                }
            }
        });
    }

    /// <summary>
    /// The Errno locals this body stores a checked error in, or null when there is none (then no CFG is built).
    /// Locals shared with a nested function (captured, or declared outside the function storing them) are left out: their reads are out of sight.
    /// </summary>
    private static HashSet<ILocalSymbol>? StoredErrors(IOperation body, IMethodSymbol method, SummaryCache<ReturnedError> summaries)
    {
        HashSet<ILocalSymbol>? stored = null;
        var shared = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        Walk(body, method);
        if (stored is not null)
        {
            stored.ExceptWith(shared);
        }

        return stored is { Count: > 0 } ? stored : null;

        void Walk(IOperation operation, ISymbol function)
        {
            foreach (IOperation child in operation.ChildOperations)
            {
                switch (child)
                {
                    case ILocalFunctionOperation local:
                        Walk(child, local.Symbol);
                        continue;
                    case IAnonymousFunctionOperation lambda:
                        Walk(child, lambda.Symbol);
                        continue;
                    case ILocalReferenceOperation reference when !SymbolEqualityComparer.Default.Equals(reference.Local.ContainingSymbol, function):
                        shared.Add(reference.Local);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value } when IsCandidate(target.Local) && ReturnedError.SourceOf(value, summaries) is not null:
                        (stored ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(target.Local);
                        break;
                    case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when IsCandidate(declarator.Symbol) && ReturnedError.SourceOf(value, summaries) is not null:
                        (stored ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(declarator.Symbol);
                        break;
                }

                Walk(child, function);
            }
        }
    }

    private static bool IsCandidate(ILocalSymbol local) => local.RefKind == RefKind.None && ReturnedError.IsErrno(local.Type);

    private static void Analyze(ControlFlowGraph graph, HashSet<ILocalSymbol> candidates, SummaryCache<ReturnedError> summaries,
        OperationBlockAnalysisContext c, KernelSession session, IMethodSymbol method)
    {
        new DeadErrorStores(graph, candidates, summaries).Report(store =>
            session.Report(method, c.ReportDiagnostic, DiagnosticDescriptors.LostError, store.Syntax.GetLocation(), store.Local.Name, store.Source.Display));
        foreach (IMethodSymbol local in graph.LocalFunctions)
        {
            Analyze(graph.GetLocalFunctionControlFlowGraph(local, c.CancellationToken), candidates, summaries, c, session, method);
        }
    }
}
