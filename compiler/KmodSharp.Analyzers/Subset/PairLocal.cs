using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A <c>(long, long)</c> kept in a local before it is returned: in C two <c>int64_t</c> locals. It is set
/// from a tuple literal, <c>default</c>, a call of a method returning a pair or another pair local (a declaration's
/// initializer or an assignment statement), its elements are read and written (<c>pair.Item1</c>,
/// <c>pair.first</c>), and it is returned; a method returning a pair may also return a call of another
/// (<c>return Helper(a);</c>). Anything else (passing it, comparing it) is refused (KMS0900). The analyzer
/// and the backend both decide here.
/// </summary>
public static class PairLocal
{
    /// <summary>Whether <paramref name="value"/> can set or be returned as a pair.</summary>
    public static bool IsSource(IOperation value)
    {
        while (value is IConversionOperation { OperatorMethod: null } conversion && !(value is ITupleOperation))
        {
            if (TupleLiteral.Of(value) is not null)
            {
                return true;
            }

            value = conversion.Operand;
        }

        return value switch
        {
            ITupleOperation { Elements.Length: 2 } => true,
            IDefaultValueOperation => true,
            ILocalReferenceOperation local => PairResult.IsPairType(local.Type),
            IInvocationOperation call => PairResult.IsPairType(call.Type) && call.TargetMethod.DeclaringSyntaxReferences.Length > 0,
            _ => false,
        };
    }

    /// <summary>An assignment statement to a pair local.</summary>
    public static bool IsStoredAssignment(ISimpleAssignmentOperation assignment) =>
        assignment is { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } && PairResult.IsPairType(target.Type);

    /// <summary>Whether a tuple literal sets a pair local (so it translates there).</summary>
    public static bool IsStored(ITupleOperation tuple)
    {
        IOperation operation = tuple;
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => PairResult.IsPairType(declarator.Symbol.Type),
            ISimpleAssignmentOperation assignment when assignment.Value == operation => IsStoredAssignment(assignment),
            _ => false,
        };
    }

    /// <summary>A use of a pair local, or a declaration of one, that does not translate; or null.</summary>
    public static Untranslatable? Check(IOperation operation) => operation switch
    {
        IVariableDeclaratorOperation declarator when PairResult.IsPairType(declarator.Symbol.Type) && declarator.GetVariableInitializer()?.Value is { } value && !IsSource(value) =>
            new Untranslatable(value, "This pair initializer (set a '(long, long)' local from a tuple literal, a call or another pair local)"),
        ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && PairResult.IsPairType(target.Type)
            && (!IsStoredAssignment(assignment) || !IsSource(assignment.Value)) =>
            new Untranslatable(assignment, "This pair assignment (assign a '(long, long)' local in a statement of its own, from a tuple literal, a call or another pair local)"),
        ILocalReferenceOperation local when PairResult.IsPairType(local.Type) && !IsTranslatedUse(local) =>
            new Untranslatable(local, "This use of a '(long, long)' local (read or write its elements, or return it)"),
        _ => null,
    };

    private static bool IsTranslatedUse(ILocalReferenceOperation local)
    {
        IOperation? parent = local.Parent;
        while (parent is IConversionOperation { OperatorMethod: null })
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldReferenceOperation => true,
            IReturnOperation => true,
            ISimpleAssignmentOperation assignment => IsStoredAssignment(assignment),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => PairResult.IsPairType(declarator.Symbol.Type),
            _ => false,
        };
    }
}
