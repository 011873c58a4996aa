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
    /// So is the usual shape that cannot lose its error: one store, read by the very next statement (<c>if (e != Errno.None) return e;</c>).
    /// </summary>
    private static HashSet<ILocalSymbol>? StoredErrors(IOperation body, IMethodSymbol method, SummaryCache<ReturnedError> summaries)
    {
        HashSet<ILocalSymbol>? stored = null;
        var shared = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var stores = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
        var written = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        Walk(body, method);
        if (stored is not null)
        {
            stored.ExceptWith(shared);
            stored.RemoveWhere(local => !written.Contains(local) && stores.TryGetValue(local, out IOperation? store) && ReadByNextStatement(store, local));
        }

        return stored is { Count: > 0 } ? stored : null;

        // A second write of any kind (assignment, out or ref argument, ++, compound) sends the local to the full analysis.
        void NoteStore(ILocalSymbol local, IOperation store)
        {
            if (stores.ContainsKey(local))
            {
                written.Add(local);
            }
            else
            {
                stores.Add(local, store);
            }
        }

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
                    case ILocalReferenceOperation reference when IsWritten(reference):
                        NoteStore(reference.Local, reference);
                        break;
                    case IVariableDeclaratorOperation { Initializer: not null } declarator:
                        NoteStore(declarator.Symbol, declarator);
                        break;
                }

                switch (child)
                {
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

    private static bool IsWritten(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => ReferenceEquals(assignment.Target, reference),
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } => true,
        _ => reference.IsDeclaration || reference.Parent is ITupleOperation or IDeclarationExpressionOperation,
    };

    /// <summary>
    /// <paramref name="store"/> is a statement of its own in a block (a declaration or an assignment statement,
    /// so every path from it reaches the next statement), and that next statement reads <paramref name="local"/>.
    /// </summary>
    private static bool ReadByNextStatement(IOperation store, ILocalSymbol local)
    {
        IOperation statement = store;
        while (statement.Parent is IVariableDeclaratorOperation or IVariableDeclarationOperation or IVariableDeclarationGroupOperation
            or ISimpleAssignmentOperation or IExpressionStatementOperation)
        {
            statement = statement.Parent;
        }

        if (statement.Parent is not IBlockOperation block)
        {
            return false;
        }

        int index = block.Operations.IndexOf(statement);
        if (index < 0 || index + 1 >= block.Operations.Length)
        {
            return false;
        }

        foreach (IOperation operation in block.Operations[index + 1].DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && !IsWritten(reference))
            {
                return true;
            }
        }

        return false;
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
