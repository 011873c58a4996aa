using System;
using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// C# evaluates operands and arguments left to right, each once; C leaves the order inside one
// expression unspecified, and a guard statement runs before the whole expression. So when two
// operands can interfere, the earlier one is spilled to a temporary right after its own statements:
//   Combine(s_state, Next())     kms_t = s_state;  r = combine(kms_t, next());
//   Combine(len, Scale(len))     r = combine(len, scale(len));       (nothing can change len)
internal sealed partial class FunctionLowering
{
    /// <summary>
    /// Lowers the operations in the order given (C#'s), spilling an earlier value to a temporary
    /// where a later operation could change what it reads, or where the order of their side effects
    /// or failures would otherwise be left to the C compiler. A null value (a span's pointer and
    /// length, an address) is never spilled.
    /// </summary>
    private CExpr?[] InOrder(IReadOnlyList<IOperation> operations, Func<int, CExpr?> lower)
    {
        var values = new CExpr?[operations.Count];
        var ends = new int[operations.Count];
        var guarded = new bool[operations.Count];
        for (int i = 0; i < operations.Count; i++)
        {
            int start = current.Count;
            values[i] = lower(i);
            ends[i] = current.Count;
            // A statement other than a temporary's assignment is a guard: it can end the method.
            guarded[i] = current.Skip(start).Any(statement => statement is not CExpressionStatement { Expression: CAssign });
        }

        // From the last to the first, so an insertion does not move the marks still to use.
        for (int i = operations.Count - 2; i >= 0; i--)
        {
            if (values[i] is not { } value || IsPure(value) || IsTemporary(value) || !MustPrecede(operations, guarded, i))
            {
                continue;
            }

            string temp = Declare(LocalNames.TemporaryStem, CTypeOf(operations[i].Type!, operations[i]));
            current.Insert(ends[i], new CExpressionStatement(new CAssign(new CIdentifier(temp), value)));
            values[i] = new CIdentifier(temp);
        }

        return values;
    }

    // Operation i must be evaluated before the later ones run: one of them can change what it reads,
    // or it has side effects that a later one could observe or that a later failure must follow.
    // (A guard needs no temporary: it already stands where its operand is evaluated.)
    private bool MustPrecede(IReadOnlyList<IOperation> operations, bool[] guarded, int i)
    {
        IOperation earlier = operations[i];
        bool earlierActs = HasSideEffects(earlier);
        for (int j = i + 1; j < operations.Count; j++)
        {
            IOperation later = operations[j];
            if ((HasSideEffects(later) && !IsUnaffected(earlier, later)) || (earlierActs && (guarded[j] || !IsUnaffected(later, earlier))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether evaluating the operation can change state: an assignment, <c>++</c>/<c>--</c>, a
    /// call of the runtime or of a method that changes state (<see cref="StateAnalysis"/>), or a
    /// call given a variable by reference.
    /// </summary>
    private bool HasSideEffects(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o switch
        {
            ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation => true,
            IInvocationOperation call => context.State.ChangesState(call.TargetMethod)
                || call.Arguments.Any(a => a.Parameter?.RefKind is RefKind.Ref or RefKind.Out),
            _ => false,
        });

    /// <summary>
    /// Whether <paramref name="value"/> has no effect of its own and gives the same result before or
    /// after <paramref name="other"/>: <paramref name="other"/> changes nothing, or <paramref name="value"/>
    /// reads only constants and locals (or their fields) that <paramref name="other"/> does not write.
    /// Statics, memory behind a pointer or span, and anything a call reads are not.
    /// </summary>
    private bool IsUnaffected(IOperation value, IOperation other)
    {
        if (HasSideEffects(value))
        {
            return false;
        }

        // Nothing changes between the two: at most a guard of the other can end the method first.
        if (!HasSideEffects(other))
        {
            return true;
        }

        HashSet<ISymbol>? written = null;
        foreach (IOperation operation in value.DescendantsAndSelf())
        {
            if (operation.ConstantValue.HasValue)
            {
                continue;
            }

            switch (operation)
            {
                case IConversionOperation { OperatorMethod: null } or IBinaryOperation { OperatorMethod: null } or IUnaryOperation { OperatorMethod: null }
                    or IParenthesizedOperation or IFieldReferenceOperation { Field.IsStatic: false, Instance: ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation }
                    or ILiteralOperation:
                    continue;
                case IPropertyReferenceOperation when RuntimeConstants.NativeIntegerLimit(operation) is not null:
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Length" or "IsEmpty", Instance: { } span }
                    when span is ILocalReferenceOperation or IParameterReferenceOperation { Parameter.RefKind: RefKind.None } && IsSpanType(span.Type):
                    // A span variable's length changes only when the variable is assigned (its reference is checked too).
                    continue;
                case ILocalReferenceOperation { Local: var local }:
                    written ??= WrittenLocals(other);
                    if (written.Contains(local))
                    {
                        return false;
                    }

                    continue;
                case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter }:
                    written ??= WrittenLocals(other);
                    if (written.Contains(parameter))
                    {
                        return false;
                    }

                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsSpanType(ITypeSymbol? type) => type is not null && Frontend.TypeBinder.Bind(type) is Model.KSpan;

    // The locals and by-value parameters an operation assigns, increments or passes by ref/out.
    // (Local functions are static: the analyzers reject a capturing one, so a call writes no local.)
    private static HashSet<ISymbol> WrittenLocals(IOperation operation)
    {
        var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (IOperation o in operation.DescendantsAndSelf())
        {
            if (o is not (ILocalReferenceOperation or IParameterReferenceOperation))
            {
                continue;
            }

            IOperation reference = o;
            while (reference.Parent is IFieldReferenceOperation or IConversionOperation or IInlineArrayAccessOperation && reference.Parent is not null)
            {
                reference = reference.Parent;
            }

            bool isWrite = reference.Parent switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target == reference,
                ICompoundAssignmentOperation compound => compound.Target == reference,
                IIncrementOrDecrementOperation => true,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                IDeclarationExpressionOperation => true,
                ITupleOperation tuple => Analyzers.Subset.Deconstruction.IsTarget(tuple),
                _ => false,
            };
            if (isWrite)
            {
                written.Add(o is ILocalReferenceOperation local ? local.Local : ((IParameterReferenceOperation)o).Parameter);
            }
        }

        return written;
    }

    // One of the backend's temporaries (or its conversion): assigned once, before any read, so nothing can change it.
    private bool IsTemporary(CExpr value) => value switch
    {
        CIdentifier { Name: var name } => locals.IsTemporary(name),
        CCast { Operand: var operand } => IsTemporary(operand),
        _ => false,
    };

    /// <summary>
    /// The location an assignment stores to, lowered before its value as C# does: where the value
    /// can change an index that picks the location (<c>a[i] = Bump()</c>), the index is evaluated now.
    /// </summary>
    private CExpr AssignmentTarget(IOperation target, IOperation value)
    {
        CExpr location = Value(target);
        return HasSideEffects(value) && IndicesOf(target).Any(index => !IsUnaffected(index, value)) ? Pinned(location) : location;
    }

    private static IEnumerable<IOperation> IndicesOf(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } element => [.. element.Arguments.Select(a => a.Value), .. IndicesOf(instance)],
        IInlineArrayAccessOperation element => [element.Argument, .. IndicesOf(element.Instance)],
        IImplicitIndexerReferenceOperation element => [element.Argument, .. IndicesOf(element.Instance)],
        IFieldReferenceOperation { Instance: { } instance } => IndicesOf(instance),
        IConversionOperation conversion => IndicesOf(conversion.Operand),
        _ => [],
    };

    private CExpr Pinned(CExpr location) => location switch
    {
        CIndex element => element with
        {
            Target = Pinned(element.Target),
            Index = element.Index is CIntegerLiteral || IsTemporary(element.Index) ? element.Index : Spill(element.Index, CNamedType.SizeT),
        },
        CMember member => member with { Target = Pinned(member.Target) },
        _ => location,
    };

    /// <summary>
    /// What a compound assignment reads from its target: the target itself, or its value before the
    /// right side runs when that can change it (<c>s_x += Refill()</c> reads <c>s_x</c> first).
    /// </summary>
    private CExpr CompoundRead(ICompoundAssignmentOperation compound, CExpr target) =>
        HasSideEffects(compound.Value) && !IsUnaffected(compound.Target, compound.Value)
            ? Spill(target, CTypeOf(compound.Target.Type!, compound))
            : target;
}
