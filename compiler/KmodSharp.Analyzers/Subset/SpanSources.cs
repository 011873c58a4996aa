using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// Where a span comes from, as far as translation goes: a span is a C pointer and length, so it is
/// a constant-size <c>stackalloc</c> (a C array of its own), or another span — a span local or
/// parameter, an inline array variable, field or element, a <c>KernelBuffer</c> local's <c>Span</c>,
/// the calling thread's <c>Groups</c>,
/// the result of a method returning one, a <c>Slice</c> of one or a range of one (<c>s[1..^1]</c>, <see cref="IndexFromEnd"/>), or a constant table
/// (<see cref="ConstantTable"/>: a collection expression of constants, a UTF-8 literal, a table property). A span declared over a <c>stackalloc</c> is that array and cannot be
/// assigned. The analyzer (KMS0900) and the backend both decide here.
/// </summary>
public static class SpanSources
{
    /// <summary>A span local whose initializer is neither a constant-size stackalloc nor a span, or null.</summary>
    public static Untranslatable? Check(IVariableDeclaratorOperation declarator)
    {
        if (!IsSpanType(declarator.Symbol.Type) || declarator.Symbol.IsRef)
        {
            return null;
        }

        IOperation? initializer = declarator.GetVariableInitializer()?.Value;
        return initializer is not null && (ConstantStackAlloc(initializer, out _) is not null || IsSource(initializer)) ? null : new Untranslatable(declarator, NotASpan);
    }

    /// <summary>An assignment to a span over a stackalloc, or of a value that is not a span, or null.</summary>
    public static Untranslatable? Check(ISimpleAssignmentOperation assignment)
    {
        if (!IsSpanType(assignment.Target.Type) || assignment.Parent is IObjectOrCollectionInitializerOperation)
        {
            return null;
        }

        if (assignment.Target is ILocalReferenceOperation { Local: var local } && IsOverStackAlloc(local))
        {
            return new Untranslatable(assignment, "Assigning a span declared over a stackalloc (that span is its array; declare another span for the new value)");
        }

        return IsSource(assignment.Value) ? null : new Untranslatable(assignment.Value, NotASpan);
    }

    /// <summary>
    /// A <c>foreach</c> over a span that is none of the sources or over an inline array that is not a variable, field or
    /// element, or null (one over another type is refused as a 'foreach').
    /// </summary>
    public static Untranslatable? Check(IForEachLoopOperation loop)
    {
        IOperation collection = loop.Collection is IConversionOperation { OperatorMethod: null } conversion ? conversion.Operand : loop.Collection;
        bool translates = IsSpanType(collection.Type) ? IsSource(collection) : !IsInlineArrayType(collection.Type) || IsInlineArray(collection);
        return translates ? null : new Untranslatable(loop, "This foreach (foreach iterates over spans and inline arrays only)");
    }

    /// <summary>
    /// A span method called on a span that is none of the sources (a <c>Slice</c> of one is reported
    /// at that <c>Slice</c>), or <c>span.CopyTo(destination)</c> whose destination is none, or null.
    /// </summary>
    public static Untranslatable? Check(IInvocationOperation call)
    {
        if (call.Instance is not { } instance || !IsSpanType(instance.Type))
        {
            return null;
        }

        if (!IsSource(instance) && instance is not IInvocationOperation { TargetMethod.Name: "Slice" })
        {
            return new Untranslatable(instance, NotASpan);
        }

        return call is { TargetMethod.Name: "CopyTo", Arguments.Length: 1 } && !IsSource(call.Arguments[0].Value)
            ? new Untranslatable(call.Arguments[0].Value, NotASpan)
            : null;
    }

    /// <summary>A <c>return</c> of a span that is none of the sources (from a method returning a span), or null.</summary>
    public static Untranslatable? Check(IReturnOperation ret) =>
        ret.ReturnedValue is { } value && IsSpanType(value.Type) && !IsSource(value) ? new Untranslatable(value, NotASpan) : null;

    /// <summary>A constant-size <c>stackalloc</c> (seen through its implicit conversions) and its element count, or null.</summary>
    public static IOperation? ConstantStackAlloc(IOperation? operation, out int count)
    {
        while (operation is IConversionOperation { Operand: var operand } && operand.Syntax == operation.Syntax)
        {
            operation = operand;
        }

        count = operation?.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
            && operation.ChildOperations.Count > 0 && First(operation).ConstantValue is { HasValue: true, Value: int size }
            ? size
            : -1;
        return count >= 0 ? operation : null;
    }

    /// <summary>Whether <paramref name="operation"/> denotes a span the backend has as a pointer and length.</summary>
    public static bool IsSource(IOperation operation) => operation switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation => IsSpanType(operation.Type),
        IConversionOperation conversion when IsSpanType(conversion.Operand.Type) => IsSource(conversion.Operand),
        IConversionOperation conversion when IsSpanType(conversion.Type) => IsInlineArray(conversion.Operand),
        IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } instance } when IsSpanType(instance.Type) => IsSource(instance),
        IImplicitIndexerReferenceOperation { Argument: IRangeOperation range, Instance: var instance } when IsSpanType(instance.Type) =>
            IsSource(instance) && IndexFromEnd.IsTranslatableRange(range),
        IInlineArrayAccessOperation { Argument: IRangeOperation range } access => IsInlineArray(access.Instance) && IndexFromEnd.IsTranslatableRange(range),
        // A constant table; one that is not (computed elements, a Span) is reported where it is written (ConstantTable.Check).
        ICollectionExpressionOperation or IUtf8StringOperation => true,
        IPropertyReferenceOperation { Property: var property, Instance: null } when ConstantTable.IsTableProperty(property) => true,
        // A call of a method that returns a span (FunctionLowering.SpanResults).
        IInvocationOperation { Instance: null, TargetMethod: var callee } when IsSpanType(operation.Type) => TranslatableApi.Classify(callee) == ApiKind.UserMethod,
        IPropertyReferenceOperation { Property.Name: "Span", Instance: ILocalReferenceOperation buffer } =>
            buffer.Type is INamedTypeSymbol { Name: "KernelBuffer" } named && TranslatableApi.IsRuntimeType(named),
        IPropertyReferenceOperation { Property.Name: "Groups", Instance.Type: INamedTypeSymbol { Name: "CallingThread" } thread } => TranslatableApi.IsRuntimeType(thread),
        _ => false,
    };

    public static bool IsSpanType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private const string NotASpan = "This span (a span comes from a constant-size stackalloc, a constant table such as [1, 2, 3] or \"abc\"u8, a KernelBuffer or another span)";

    private static IOperation First(IOperation operation)
    {
        foreach (IOperation child in operation.ChildOperations)
        {
            return child;
        }

        return operation;
    }

    private static bool IsOverStackAlloc(ILocalSymbol local)
    {
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInlineArray(IOperation operation) =>
        operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInlineArrayAccessOperation
        && IsInlineArrayType(operation.Type);

    private static bool IsInlineArrayType(ITypeSymbol? type)
    {
        foreach (AttributeData attribute in type?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
        {
            if (attribute.AttributeClass is { Name: "InlineArrayAttribute", ContainingNamespace.Name: "CompilerServices" })
            {
                return true;
            }
        }

        return false;
    }
}
