using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0900 for expressions the rest of the rule set accepts but the backend has no C for: a runtime
/// property that exists for the simulation only (<see cref="RuntimeProperty"/>), an operator or
/// conversion declared in source (<see cref="UserOperator"/>), a <c>SyscallResult</c> made anywhere but
/// in a return (<see cref="RuntimeConversion"/>), an index from the end or a range (<see cref="IndexFromEnd"/>)
/// a span printed with a precision (<see cref="PrintedSpan"/>) and a value of a type without a kernel type (<see cref="KernelType"/>), decided where the backend decides them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntranslatableExpressionAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedConstruct);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (RuntimeProperty.Check((IPropertyReferenceOperation)c.Operation) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.PropertyReference);

        context.RegisterOperationAction(
            c =>
            {
                if ((UserOperator.Check(c.Operation) ?? IndexFromEnd.Check(c.Operation)) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.Binary,
            OperationKind.Unary,
            OperationKind.CompoundAssignment,
            OperationKind.Increment,
            OperationKind.Decrement,
            OperationKind.ImplicitIndexerReference,
            OperationKind.Range);

        context.RegisterOperationAction(
            c =>
            {
                var conversion = (IConversionOperation)c.Operation;
                if ((UserOperator.Check(conversion) ?? RuntimeConversion.Check(conversion)) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.Conversion);

        context.RegisterOperationAction(
            c =>
            {
                var call = (IInvocationOperation)c.Operation;
                // A format that is not a constant string is KMS0301's to report.
                if (RuntimeApi.Find(call.TargetMethod)?.FormatArgument(call) is { Value.ConstantValue: { HasValue: true, Value: string format } })
                {
                    foreach (Untranslatable construct in PrintedSpan.Check(call, format))
                    {
                        session.Report(c, construct);
                    }
                }
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            c =>
            {
                if (KernelType.Check(c.Operation) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.DefaultValue,
            OperationKind.FieldReference,
            OperationKind.ObjectCreation);
    }
}
