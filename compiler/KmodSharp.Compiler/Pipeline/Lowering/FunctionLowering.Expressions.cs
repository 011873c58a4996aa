using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>Lowers an expression to C, emitting any guard statements it needs first.</summary>
    private CExpr Value(IOperation operation)
    {
        CExpr lowered = UntypedValue(operation);
        if (lowered is CIndex or CMember && operation.Type is { SpecialType: >= SpecialType.System_Boolean and <= SpecialType.System_UInt64 } type
            && CTypeOf(type, operation) is CNamedType named)
        {
            // An element or field read: the layout may move it into a temporary of its own type.
            readTypes.Add(lowered, named);
        }

        return lowered;
    }

    private CExpr UntypedValue(IOperation operation)
    {
        if (RuntimeConstants.NameOf(operation) is { } macro)
        {
            return new CIdentifier(macro);
        }

        if (UserEnumMember(operation) is { } member)
        {
            return member;
        }

        if (operation.ConstantValue is { HasValue: true } constant && operation.Type is { } constantType && !RuntimeConstants.IsFlagCombination(operation)
            && !IsUserFlagCombination(operation))
        {
            return Constant(constant.Value, constantType, operation);
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                var name = new CIdentifier(locals.Of(parameter.Parameter));
                return parameter.Parameter.RefKind is RefKind.None ? name : new CUnary(CUnaryOperator.Dereference, name);
            case ILocalReferenceOperation local:
                return new CIdentifier(NameOf(local.Local, local));
            case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared }:
                return new CIdentifier(NameOf(declared.Local, declared));
            case IDiscardOperation discard:
                // "out _": the callee still needs somewhere to write.
                return new CIdentifier(Declare("kms_unused", CTypeMapper.Map(KTypeOf(discard.Type, discard))));
            case IFieldReferenceOperation { Field.IsStatic: true } field when context.StateName(field.Field) is { } state:
                return new CIdentifier(state);
            case IFieldReferenceOperation { Instance: not null } field when PairElement(field) is { } element:
                return element;
            case IFieldReferenceOperation { Instance: not null } field:
                return FieldAccess(field);
            case IPropertyReferenceOperation property:
                return Property(property);
            case IInlineArrayAccessOperation access:
                return InlineArrayElement(access);
            case IImplicitIndexerReferenceOperation { Argument: IUnaryOperation fromEnd, Instance: var instance } when SpanOf(instance) is { } span:
                return ElementFromEnd(span, fromEnd);
            case IObjectCreationOperation { Type: var type } when ThreadAnalysis.IsCallingThread(type):
                // It holds no state: each one is the running thread (ThreadAnalysis.UsesThread).
                return CurrentThread;
            case IObjectCreationOperation creation when MadeUserAddress(creation) is { } address:
                return address;
            case IObjectCreationOperation creation:
                return StructTemporary(creation);
            case IWithOperation { Type.IsValueType: true } with:
                return WithCopy(with);
            case IIsPatternOperation test:
                return IsPattern(test);
            case ISwitchExpressionOperation switchExpression:
                return SwitchExpression(switchExpression);
            case IBinaryOperation binary:
                return Binary(binary);
            case IUnaryOperation unary:
                return Unary(unary);
            case IConversionOperation conversion:
                return Conversion(conversion);
            case ISimpleAssignmentOperation assignment when IsSpan(assignment.Target.Type):
                return SpanAssignment(assignment);
            case IDeconstructionAssignmentOperation deconstruction when Analyzers.Subset.Deconstruction.Check(deconstruction) is { } untranslatable:
                // Only a statement translates (ExpressionStatement); the analyzer reports the others (KMS0900).
                throw LoweringContext.Untranslated(deconstruction, untranslatable.Description);
            case ISimpleAssignmentOperation assignment:
                CExpr target = AssignmentTarget(assignment.Target, assignment.Value);
                return new CAssign(target, Converted(assignment.Value));
            case ICompoundAssignmentOperation compound:
                return CompoundAssignment(compound);
            case IIncrementOrDecrementOperation step:
                return IncrementOrDecrement(step);
            case IInvocationOperation call:
                return Call(call, resultPointer: null);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Conditional(conditional.Condition, conditional.WhenTrue, whenFalse, conditional.Type!);
            case IDefaultValueOperation { Type: { } type } when KTypeOf(type, operation) is KInteger or KEnum or KBool:
                return Constant(0, type, operation);
            default:
                // The rule set refuses every other expression (an Index or Range value: Analyzers.Subset.IndexFromEnd).
                throw LoweringContext.Untranslated(operation, $"the expression '{operation.Syntax}'");
        }
    }

    /// <summary>
    /// A member of a user enum by its C name (<see cref="UserEnums"/>). Through a conversion that
    /// keeps its value, it is cast where C's type of the name is not the type C# converts it to
    /// (the literal it replaces had that type); a conversion that changes the value stays a literal.
    /// </summary>
    private CExpr? UserEnumMember(IOperation operation)
    {
        IOperation inner = operation;
        while (inner is IConversionOperation { OperatorMethod: null, IsChecked: false } conversion)
        {
            inner = conversion.Operand;
        }

        if (inner is not IFieldReferenceOperation { Field: var field } || !UserEnums.IsUserMember(field)
            || operation.ConstantValue is not { HasValue: true, Value: { } value } || operation.Type is null
            || ConstantLiteral.Integer(value) != ConstantLiteral.Integer(field.ConstantValue!))
        {
            return null;
        }

        var name = new CIdentifier(context.Enums.ConstantName(field));
        KType target = KTypeOf(operation.Type, operation);
        return CTypeMapper.Suffix(target) == CTypeMapper.Suffix(KTypeOf(field.Type, inner)) ? name : new CCast(CTypeMapper.Map(target), name);
    }

    // "Perm.Read | Perm.Write" of a user [Flags] enum keeps its names.
    private static bool IsUserFlagCombination(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } binary
        && IsUserMemberOrCombination(binary.LeftOperand) && IsUserMemberOrCombination(binary.RightOperand);

    private static bool IsUserMemberOrCombination(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null, IsChecked: false, IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IFieldReferenceOperation { Field: var field } && UserEnums.IsUserMember(field) || IsUserFlagCombination(operation);
    }

    private CExpr Property(IPropertyReferenceOperation property)
    {
        if (Analyzers.Subset.StoredResult.IsReadable(property))
        {
            return ResultProperty(property);
        }

        if (KernelBufferMember(property) is { } member)
        {
            return member;
        }

        if (RuntimeConstants.NativeIntegerLimit(property) is { } limit)
        {
            return limit;
        }

        if (UserAddress(property) is { } address)
        {
            return address;
        }

        if (KernelClockVariable(property) is { } clock)
        {
            return clock;
        }

        if (property.Instance is { } instance && SpanOf(instance) is { } span)
        {
            switch (property.Property.Name)
            {
                case "this[]" or "Item" when property.Property.IsIndexer:
                    return SpanElement(property, span);
                case "Length":
                    return SpanLength(span);
                case "IsEmpty":
                    return new CBinary(CBinaryOperator.Equal, span.Length, new CIntegerLiteral(0));
            }
        }

        if (property.Instance is { } thread && ThreadAnalysis.IsCallingThread(thread.Type) && CallingThreadMember(property.Property.Name, thread) is { } threadMember)
        {
            return threadMember;
        }

        if (property.Instance is { } pointer && Frontend.TypeBinder.IsRuntimeType(pointer.Type, "UserPtr") && property.Property.Name == "IsNull")
        {
            return new CBinary(CBinaryOperator.Equal, Value(pointer), new CIdentifier("NULL"));
        }

        if (property.Instance is { } text && Frontend.TypeBinder.IsRuntimeType(text.Type, "UserString") && property.Property.Name == "IsNull")
        {
            return new CBinary(CBinaryOperator.Equal, Value(text), new CIdentifier("NULL"));
        }

        // Analyzers.Subset.RuntimeProperty refuses every other runtime property; user and library ones have rules of their own.
        throw LoweringContext.Untranslated(property, $"the property '{property.Property.ToDisplayString()}'");
    }

    /// <summary>
    /// Lowers a value stored into a variable, argument or return slot: an implicit widening needs no
    /// cast there, because C's assignment conversion gives the same value.
    /// </summary>
    private CExpr Converted(IOperation operation)
    {
        if (operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion && !operation.ConstantValue.HasValue
            && IsValuePreserving(conversion.Operand.Type, conversion.Type, conversion))
        {
            return Value(conversion.Operand);
        }

        return Value(operation);
    }

    private bool IsValuePreserving(ITypeSymbol? from, ITypeSymbol? to, IOperation at)
    {
        if (from is null || to is null)
        {
            return false;
        }

        KType source = KTypeOf(from, at), target = KTypeOf(to, at);
        return (Integral(source), Integral(target)) switch
        {
            ({ } s, { } t) => s.IsSigned == t.IsSigned ? t.Bits >= s.Bits : !s.IsSigned && t.Bits > s.Bits,
            _ => source == target,
        };
    }

    private CExpr Constant(object? value, ITypeSymbol type, IOperation at) =>
        ConstantLiteral.Of(value, value is bool or string or null ? null : KTypeOf(type, at));

    private CExpr Conditional(IOperation condition, IOperation whenTrue, IOperation whenFalse, ITypeSymbol type)
    {
        CExpr test = Value(condition);
        (ImmutableArray<CStmt> trueGuard, CExpr trueValue) = Prelude(whenTrue);
        (ImmutableArray<CStmt> falseGuard, CExpr falseValue) = Prelude(whenFalse);
        if (trueGuard.IsEmpty && falseGuard.IsEmpty)
        {
            return new CConditional(test, trueValue, falseValue);
        }

        // Only the taken branch may run its guards.
        string result = Declare(LocalNames.TemporaryStem, CTypeOf(type, whenTrue));
        var assignTrue = new CExpressionStatement(new CAssign(new CIdentifier(result), trueValue));
        var assignFalse = new CExpressionStatement(new CAssign(new CIdentifier(result), falseValue));
        Emit(new CIf(test, new CBlock([.. trueGuard, assignTrue]), new CBlock([.. falseGuard, assignFalse])));
        return new CIdentifier(result);
    }

    private static KInteger? Integral(KType type) => type switch
    {
        KInteger integer => integer,
        KEnum e => e.Underlying,
        KBool => KInteger.UInt8,
        _ => null,
    };
}
