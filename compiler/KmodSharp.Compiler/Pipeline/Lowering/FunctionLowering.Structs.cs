using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// Structs keep C#'s zero-initialisation, padding included, so nothing uninitialised can be copied out:
//   var s = new Stats { Calls = n };    memset(&s, 0, sizeof(s)); s.calls = n;
internal sealed partial class FunctionLowering
{
    private void StructCreation(CExpr target, IObjectCreationOperation creation)
    {
        if (MadeUserAddress(creation) is { } address)
        {
            Emit(new CExpressionStatement(new CAssign(target, address)));
            return;
        }

        // A constructor with arguments is refused by the analyzer as a call (Subset/StructCreation).
        if (!Analyzers.Subset.StructCreation.IsZeroed(creation) || creation.Type is not { } type)
        {
            throw LoweringContext.Untranslated(creation, $"'new {creation.Type?.Name}(…)'");
        }

        _ = KTypeOf(type, creation);
        Emit(new CExpressionStatement(new CCall("memset", AddressOf(target), new CIntegerLiteral(0), new CSizeofExpression(target))));
        if (creation.Initializer is null)
        {
            return;
        }

        foreach (IOperation initializer in creation.Initializer.Initializers)
        {
            // Other initializers are refused by the analyzer (Subset/StructCreation).
            if (!Analyzers.Subset.StructCreation.IsFieldStore(initializer)
                || initializer is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment)
            {
                throw LoweringContext.Untranslated(initializer, "this initializer");
            }

            Store(new CMember(target, FieldNames.Member(field.Field), Arrow: false), assignment.Value);
        }
    }

    /// <summary>Stores a value into a field or element: a struct creation fills the target in place.</summary>
    private void Store(CExpr target, IOperation value)
    {
        if (value is IObjectCreationOperation creation)
        {
            StructCreation(target, creation);
        }
        else if (value is IDefaultValueOperation or IConversionOperation { Operand: IDefaultValueOperation } && !value.ConstantValue.HasValue)
        {
            // A struct's default: zero, padding included.
            Emit(new CExpressionStatement(new CCall("memset", AddressOf(target), new CIntegerLiteral(0), new CSizeofExpression(target))));
        }
        else
        {
            Emit(new CExpressionStatement(new CAssign(target, Converted(value))));
        }
    }

    /// <summary>
    /// <c>s with { F = v }</c>: a temporary copy of <c>s</c>, then the listed fields in order, as C# copies
    /// the value before it evaluates the initializers.
    /// </summary>
    private CExpr WithCopy(IWithOperation with)
    {
        var copy = new CIdentifier(Declare(LocalNames.TemporaryStem, CTypeOf(with.Type!, with)));
        Store(copy, with.Operand);
        foreach (IOperation initializer in with.Initializer.Initializers)
        {
            // Other initializers are refused by the analyzer (Subset/StructCreation).
            if (initializer is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment)
            {
                throw LoweringContext.Untranslated(initializer, "this initializer");
            }

            Store(new CMember(copy, FieldNames.Member(field.Field), Arrow: false), assignment.Value);
        }

        return copy;
    }

    /// <summary>A struct created inside an expression lives in a temporary.</summary>
    private CExpr StructTemporary(IObjectCreationOperation creation)
    {
        string temp = Declare(LocalNames.TemporaryStem, CTypeOf(creation.Type!, creation));
        StructCreation(new CIdentifier(temp), creation);
        return new CIdentifier(temp);
    }

    private CExpr FieldAccess(IFieldReferenceOperation field) => MemberOf(Value(field.Instance!), field.Field);

    private static CExpr MemberOf(CExpr instance, IFieldSymbol field)
    {
        string member = FieldNames.Member(field);
        return instance is CUnary { Operator: CUnaryOperator.Dereference } deref
            ? new CMember(deref.Operand, member, Arrow: true)
            : new CMember(instance, member, Arrow: false);
    }
}
