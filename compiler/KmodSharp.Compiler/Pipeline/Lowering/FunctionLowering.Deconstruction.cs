using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// C# runs a deconstruction assignment in three steps: the targets' locations (their indices and
// bounds checks) left to right, then every right-hand value left to right, then the assignments
// left to right. A value that an assignment before its own could change is read into a temporary
// first, so a swap is a swap:
//   (a, b) = (b, a);        kms_t = b; kms_t1 = a; a = kms_t; b = kms_t1;
//   (a, b) = (x + 1, y);    a = x + 1; b = y;                    (nothing assigned is read)
internal sealed partial class FunctionLowering
{
    private void Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        // The analyzer (KMS0900) reports a deconstruction it refuses.
        if (Deconstruction.Check(deconstruction) is { } untranslatable)
        {
            throw LoweringContext.Untranslated(untranslatable.At, untranslatable.Description);
        }

        ImmutableArray<IOperation> targets = Deconstruction.Targets(deconstruction);
        ImmutableArray<IOperation> values = Deconstruction.Values(deconstruction);
        CExpr?[] locations = [.. targets.Select(target => Location(target, deconstruction))];
        CExpr?[] results = [.. values.Select((value, i) => Evaluated(value, deconstruction, discarded: locations[i] is null))];
        for (int i = 0; i < targets.Length; i++)
        {
            if (locations[i] is { } location)
            {
                Emit(new CExpressionStatement(new CAssign(location, results[i]!)));
            }
        }
    }

    // Where a target stores, its indices fixed now when the assignments could change them; null for a discard.
    private CExpr? Location(IOperation target, IDeconstructionAssignmentOperation deconstruction)
    {
        if (target is IDiscardOperation)
        {
            return null;
        }

        CExpr location = Value(target);
        return IndicesOf(target).Any(index => !IsUnaffected(index, deconstruction)) ? Pinned(location) : location;
    }

    // A right-hand value, in a temporary unless nothing in the deconstruction can change what it
    // reads; a discarded one only for its effects.
    private CExpr? Evaluated(IOperation value, IDeconstructionAssignmentOperation deconstruction, bool discarded)
    {
        CExpr result = Converted(value);
        if (discarded)
        {
            if (HasSideEffects(value))
            {
                Emit(new CExpressionStatement(new CCast(CNamedType.Void, result)));
            }

            return null;
        }

        return IsPure(result) || IsTemporary(result) || IsUnaffected(value, deconstruction) ? result : Spill(result, CTypeOf(value.Type!, value));
    }
}
