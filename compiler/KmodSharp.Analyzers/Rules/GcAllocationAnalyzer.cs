using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>KMS0001: nothing in kernel code may allocate on the GC heap — there is no GC in the kernel.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcAllocationAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GcAllocation);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (Describe(c.Operation, session.Types) is { } construct)
                {
                    // An implicit params array has the whole call as its syntax; point at the arguments.
                    Location location = c.Operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { ArgumentList: { } arguments } && c.Operation is IArrayCreationOperation
                        ? arguments.GetLocation()
                        : c.Operation.Syntax.GetLocation();
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.GcAllocation, location, construct);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.ArrayCreation,
            OperationKind.AnonymousFunction,
            OperationKind.DelegateCreation,
            OperationKind.InterpolatedString,
            OperationKind.Conversion,
            OperationKind.Binary,
            OperationKind.Invocation,
            OperationKind.CollectionExpression,
            OperationKind.YieldReturn,
            OperationKind.Await,
            OperationKind.TypeParameterObjectCreation);
    }

    /// <summary>The construct that allocates, or null.</summary>
    internal static string? Describe(IOperation operation, KnownTypes types) => operation switch
    {
        // `throw new X()` is reported once, as an exception (KMS0002).
        IObjectCreationOperation { Type.IsReferenceType: true, Parent: not IThrowOperation } creation =>
            "'new " + creation.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
        ITypeParameterObjectCreationOperation => "'new T()'",
        IArrayCreationOperation { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray, Parameter: { } parameter } } =>
            "The 'params' array for '" + parameter.ContainingSymbol.Name + "'",
        IArrayCreationOperation => "An array",
        IAnonymousFunctionOperation => "A lambda (its delegate and closure)",
        IDelegateCreationOperation { Target: not IAnonymousFunctionOperation } => "A delegate",
        IInterpolatedStringOperation when !IsPrintfFormat(operation) => "String interpolation",
        IConversionOperation { IsImplicit: var isImplicit } boxing when boxing.GetConversion().IsBoxing =>
            (isImplicit ? "Implicitly boxing '" : "Boxing '") + boxing.Operand.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } =>
            "String concatenation",
        IInvocationOperation invocation => DescribeInvocation(invocation, types),
        ICollectionExpressionOperation collection when !types.IsSpan(collection.Type) =>
            "A collection expression of type '" + collection.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
        IReturnOperation { Kind: OperationKind.YieldReturn } => "An iterator ('yield return' allocates its enumerator)",
        IAwaitOperation => "'await' (an async state machine)",
        _ => null,
    };

    private static string? DescribeInvocation(IInvocationOperation invocation, KnownTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (KnownTypes.Is(method.ContainingType, types.Enumerable) || KnownTypes.Is(method.ContainingType, types.Queryable))
        {
            return "LINQ ('" + method.Name + "')";
        }

        return IsBoxingCall(invocation)
            ? "Calling '" + method.Name + "' on the struct '" + invocation.Instance!.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' boxes it and"
            : null;
    }

    /// <summary>A call on a struct that goes through <c>object</c>, <c>ValueType</c>, <c>Enum</c> or an interface boxes the struct.</summary>
    internal static bool IsBoxingCall(IInvocationOperation invocation)
    {
        if (invocation.Instance?.Type is not { IsValueType: true })
        {
            return false;
        }

        INamedTypeSymbol declaring = invocation.TargetMethod.ContainingType;
        return declaring.TypeKind == TypeKind.Interface
            || declaring.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum;
    }

    internal static bool IsLinq(IInvocationOperation invocation, KnownTypes types) =>
        KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Enumerable) || KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Queryable);

    /// <summary>Whether <paramref name="operation"/> is the format argument of <c>Kernel.Printf</c> (KMS0303 reports it).</summary>
    internal static bool IsPrintfFormat(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation } argument
            && RuntimeApi.Find(invocation.TargetMethod)?.FormatArgument(invocation) == argument;
    }
}
