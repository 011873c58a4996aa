using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0100: calls to anything the backend cannot translate — the BCL, P/Invoke, virtual or interface
/// dispatch, user properties — everything outside <see cref="TranslatableApi"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntranslatableCallAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UntranslatableCall);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                ISymbol? member = Callee(c.Operation, session.Types);
                if (member is null)
                {
                    return;
                }

                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && KernelSession.IsSource(method))
                {
                    if (!method.IsStatic)
                    {
                        Report(c, session, member, "instance methods are not translatable; make it static");
                        return;
                    }

                    if (method.IsGenericMethod)
                    {
                        Report(c, session, member, "generic methods are not translatable");
                        return;
                    }
                }

                if (TranslatableApi.Classify(member, out string reason) == ApiKind.Untranslatable)
                {
                    Report(c, session, member, reason);
                }
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.ObjectCreation,
            OperationKind.Conversion,
            OperationKind.Binary,
            OperationKind.Unary,
            OperationKind.Increment,
            OperationKind.Decrement,
            OperationKind.CompoundAssignment);
    }

    private static void Report(OperationAnalysisContext c, KernelSession session, ISymbol member, string reason) =>
        session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.UntranslatableCall, c.Operation.Syntax.GetLocation(),
            member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), reason);

    /// <summary>The member an operation calls, or null when it calls nothing (or KMS0001 already reports the call).</summary>
    private static ISymbol? Callee(IOperation operation, KnownTypes types) => operation switch
    {
        IInvocationOperation invocation when GcAllocationAnalyzer.IsBoxingCall(invocation) || GcAllocationAnalyzer.IsLinq(invocation, types) => null,
        IInvocationOperation invocation => invocation.TargetMethod,
        // A table property is its file-scope array (Subset/ConstantTable).
        IPropertyReferenceOperation { Property: var table } when ConstantTable.IsTableProperty(table) => null,
        IPropertyReferenceOperation property => property.Property,
        // Reference types are reported as allocations; the implicit parameterless struct constructor is just zeroing.
        IObjectCreationOperation { Type.IsReferenceType: false, Constructor: { IsImplicitlyDeclared: false } constructor } => constructor,
        // An int bound of a range in brackets, s[1..], is only the number in C (Subset/IndexFromEnd).
        IConversionOperation conversion when IndexFromEnd.IsRangeBoundConversion(conversion) => null,
        IConversionOperation { OperatorMethod: { } method } => method,
        IBinaryOperation { OperatorMethod: { } method } => method,
        IUnaryOperation { OperatorMethod: { } method } => method,
        IIncrementOrDecrementOperation { OperatorMethod: { } method } => method,
        ICompoundAssignmentOperation { OperatorMethod: { } method } => method,
        _ => null,
    };
}
