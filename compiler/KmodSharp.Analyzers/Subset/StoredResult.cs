using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A <c>SyscallResult&lt;T&gt;</c> kept in a local, of an integer, enum or bool <c>T</c>: in C two locals,
/// its value and its error. It is set from a value, an <c>Errno</c>, <c>default</c>, a call of a method
/// returning one, or another such local (a declaration's initializer or an assignment statement); it is
/// read through <c>Value</c>, <c>Error</c> and <c>IsError</c> (also of a call's result directly) and can be
/// returned. Anything else (passing it, a field, a <c>?:</c> of results) is refused (KMS0900). The analyzer
/// and the backend both decide here.
/// </summary>
public static class StoredResult
{
    /// <summary>Whether <paramref name="type"/> is a <c>SyscallResult&lt;T&gt;</c> a local can hold.</summary>
    public static bool IsStorable(ITypeSymbol? type) =>
        SyscallResultReturn.IsSyscallResult(type) && type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && KernelType.KindOf(named.TypeArguments[0]) is KernelTypeKind.Integer or KernelTypeKind.Enum or KernelTypeKind.Bool;

    /// <summary>Whether <paramref name="value"/> can be stored into such a local (the conversions of a value or an Errno included).</summary>
    public static bool IsSource(IOperation value) => value switch
    {
        IConversionOperation { OperatorMethod: not null } => true,
        IConversionOperation { OperatorMethod: null, Operand: var operand } conversion when SymbolEqualityComparer.Default.Equals(conversion.Type, operand.Type) => IsSource(operand),
        IDefaultValueOperation => true,
        ILocalReferenceOperation local => IsStorable(local.Type),
        _ => SyscallResultReturn.IsForwardedCall(value),
    };

    /// <summary>Whether a conversion to <c>SyscallResult</c> is stored into a local (so translates there).</summary>
    public static bool IsStored(IOperation conversion) => conversion.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => IsStorable(declarator.Symbol.Type),
        ISimpleAssignmentOperation assignment when assignment.Value == conversion => IsStoredAssignment(assignment),
        _ => false,
    };

    /// <summary>An assignment statement to a result local.</summary>
    public static bool IsStoredAssignment(ISimpleAssignmentOperation assignment) =>
        assignment is { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } && IsStorable(target.Type);

    /// <summary>Whether <c>Value</c>, <c>Error</c> or <c>IsError</c> is read of a result local or a call's result.</summary>
    public static bool IsReadable(IPropertyReferenceOperation reference) =>
        reference.Property.Name is "Value" or "Error" or "IsError" && SyscallResultReturn.IsSyscallResult(reference.Property.ContainingType)
        && reference.Instance is { } instance && IsStorable(instance.Type)
        && (instance is ILocalReferenceOperation || SyscallResultReturn.IsForwardedCall(instance));

    /// <summary>A use of a result local, or a declaration of one, that does not translate; or null.</summary>
    public static Untranslatable? Check(IOperation operation) => operation switch
    {
        IVariableDeclaratorOperation declarator when SyscallResultReturn.IsSyscallResult(declarator.Symbol.Type) && !IsStorable(declarator.Symbol.Type) =>
            new Untranslatable(declarator, "A local SyscallResult of a struct (keep the value and the Errno in two locals)"),
        IVariableDeclaratorOperation declarator when IsStorable(declarator.Symbol.Type) && declarator.GetVariableInitializer()?.Value is { } value && !IsSource(value) =>
            new Untranslatable(value, "This SyscallResult initializer (set a result local from a value, an Errno, a call or another result local)"),
        ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && IsStorable(target.Type)
            && (!IsStoredAssignment(assignment) || !IsSource(assignment.Value)) =>
            new Untranslatable(assignment, "This SyscallResult assignment (assign a result local in a statement of its own, from a value, an Errno, a call or another result local)"),
        ILocalReferenceOperation local when IsStorable(local.Type) && !IsTranslatedUse(local) =>
            new Untranslatable(local, "This use of a SyscallResult local (read its Value, Error or IsError, or return it)"),
        _ => null,
    };

    private static bool IsTranslatedUse(ILocalReferenceOperation local)
    {
        IOperation? parent = local.Parent;
        while (parent is IConversionOperation { OperatorMethod: null } conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, local.Type))
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IPropertyReferenceOperation reference => IsReadable(reference),
            IReturnOperation => true,
            ISimpleAssignmentOperation assignment => IsStoredAssignment(assignment),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => IsStorable(declarator.Symbol.Type),
            _ => false,
        };
    }
}
