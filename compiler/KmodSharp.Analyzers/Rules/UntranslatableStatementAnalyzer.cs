using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0900 for statement forms the backend's lowering decides with the same predicates: labels
/// (<see cref="Statements"/>), a <c>SyscallResult</c> returned
/// (<see cref="SyscallResultReturn"/>) or kept in a local (<see cref="StoredResult"/>), a <c>KernelBuffer</c> or lock guard that is not freed on every
/// path (<see cref="KernelResources"/>), a struct initializer that is not a field store
/// (<see cref="StructCreation"/>), an inline array indexed by other than an <c>int</c>
/// (<see cref="InlineArrayAccess"/>) and a span that is not a pointer and length the backend has
/// (<see cref="SpanSources"/>). Reported here, the backend never meets them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntranslatableStatementAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedConstruct);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session) =>
        context.RegisterOperationAction(
            c =>
            {
                if (Check(c.Operation) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.Labeled,
            OperationKind.Return,
            OperationKind.VariableDeclarator,
            OperationKind.Using,
            OperationKind.ObjectCreation,
            OperationKind.With,
            OperationKind.InlineArrayAccess,
            OperationKind.SimpleAssignment,
            OperationKind.Loop,
            OperationKind.Invocation,
            OperationKind.CollectionExpression,
            OperationKind.Utf8String,
            OperationKind.LocalReference);

    private static Untranslatable? Check(IOperation operation) => operation switch
    {
        ILabeledOperation labeled => Statements.Check(labeled),
        IReturnOperation ret => SyscallResultReturn.Check(ret) ?? SpanSources.Check(ret) ?? KernelResources.Check(ret),
        IVariableDeclaratorOperation declarator => KernelResources.Check(declarator) ?? SpanSources.Check(declarator) ?? StoredResult.Check(declarator) ?? PairLocal.Check(declarator),
        ISimpleAssignmentOperation assignment => SpanSources.Check(assignment) ?? StoredResult.Check(assignment) ?? PairLocal.Check(assignment),
        ILocalReferenceOperation local => StoredResult.Check(local) ?? PairLocal.Check(local),
        IForEachLoopOperation loop => SpanSources.Check(loop),
        IInvocationOperation call => SpanSources.Check(call),
        IUsingOperation usingOperation => KernelResources.Check(usingOperation),
        // Module state's initializers are ModuleStateInitializer's (reported by UnsupportedConstructAnalyzer).
        IObjectCreationOperation creation when !IsInFieldInitializer(creation) => StructCreation.Check(creation),
        IWithOperation with => StructCreation.Check(with),
        IInlineArrayAccessOperation access => InlineArrayAccess.Check(access),
        ICollectionExpressionOperation or IUtf8StringOperation => ConstantTable.Check(operation),
        _ => null,
    };

    private static bool IsInFieldInitializer(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IFieldInitializerOperation)
            {
                return true;
            }
        }

        return false;
    }
}
