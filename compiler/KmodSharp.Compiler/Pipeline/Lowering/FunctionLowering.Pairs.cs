using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A (long, long) local (Subset/PairLocal) is two int64_t locals; a pair returned is written to the
// caller's td_retval pointers:
//   var pair = (lo, hi);               pair_first = lo; pair_second = hi;
//   pair.Item1 += 3;                   pair_first += 3;
//   pair = (pair.Item2, pair.Item1);   kms_t = pair_second; kms_t_1 = pair_first; pair_first = kms_t; …
//   return pair;                       *retval0p = pair_first; *retval1p = pair_second;
//   return Helper(a);                  helper(a, retval0p, retval1p);
internal sealed partial class FunctionLowering
{
    private readonly Dictionary<ILocalSymbol, (string First, string Second)> pairLocals = new(SymbolEqualityComparer.Default);

    private (CIdentifier First, CIdentifier Second) PairOf(ILocalSymbol local)
    {
        if (!pairLocals.TryGetValue(local, out (string First, string Second) names))
        {
            string stem = CNames.Local(local.Name);
            names = (Declare(stem + "_first", new CNamedType("int64_t")), Declare(stem + "_second", new CNamedType("int64_t")));
            pairLocals[local] = names;
        }

        return (new CIdentifier(names.First), new CIdentifier(names.Second));
    }

    /// <summary>An element of a pair local, as a C local that can be read and assigned.</summary>
    private CIdentifier? PairElement(IFieldReferenceOperation field)
    {
        IOperation? instance = field.Instance;
        while (instance is IConversionOperation { OperatorMethod: null } conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is not ILocalReferenceOperation local || !PairResult.IsPairType(local.Type))
        {
            return null;
        }

        (CIdentifier first, CIdentifier second) = PairOf(local.Local);
        IFieldSymbol element = field.Field.CorrespondingTupleField ?? field.Field;
        return element.Name == "Item1" ? first : second;
    }

    /// <summary>The two values of a pair source (<see cref="PairLocal.IsSource"/>), evaluated left to right.</summary>
    private (CExpr First, CExpr Second) PairParts(IOperation value)
    {
        if (TupleLiteral.Of(value) is { Elements: [var first, var second] })
        {
            IOperation[] elements = [first, second];
            CExpr?[] values = InOrder(elements, i => Converted(elements[i]));
            return (values[0]!, values[1]!);
        }

        while (value is IConversionOperation { OperatorMethod: null } conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                return PairOf(local.Local);
            case IDefaultValueOperation:
                return (Literal(0), Literal(0));
            case IInvocationOperation call:
                CIdentifier firstValue = Spill(Literal(0), new CNamedType("int64_t"));
                CIdentifier secondValue = Spill(Literal(0), new CNamedType("int64_t"));
                PairCall(call, new CUnary(CUnaryOperator.AddressOf, firstValue), new CUnary(CUnaryOperator.AddressOf, secondValue));
                return (firstValue, secondValue);
            default:
                // Refused by the analyzer (Subset/PairLocal).
                throw LoweringContext.Untranslated(value, "this pair");
        }
    }

    /// <summary>A call of a method returning a pair, writing it through the two pointers; its failure is passed on.</summary>
    private void PairCall(IInvocationOperation call, CExpr firstPointer, CExpr secondPointer)
    {
        FunctionSignature callee = context.SignatureOf(call.TargetMethod);
        context.RecordCall(method, call.TargetMethod);
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (callee.TakesThread)
        {
            arguments.Add(CurrentThread);
        }

        arguments.AddRange(ArgumentsByParameter(call.Arguments));
        arguments.Add(firstPointer);
        arguments.Add(secondPointer);
        var invocation = new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
        if (!callee.CanFail)
        {
            Emit(new CExpressionStatement(invocation));
            return;
        }

        var failure = new CIdentifier(errors.Local());
        Emit(new CExpressionStatement(new CAssign(failure, invocation)));
        Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, failure, Literal(0)), ErrorBlock(failure)));
    }

    /// <summary>A pair local set by its declaration or an assignment statement; both values are computed before either is stored.</summary>
    private void StorePair(ILocalSymbol local, IOperation source, bool declared)
    {
        (CExpr first, CExpr second) = PairParts(source);
        (CIdentifier targetFirst, CIdentifier targetSecond) = PairOf(local);
        if (!declared)
        {
            // "pair = (pair.Item2, pair.Item1)" reads both before it writes either.
            first = first is CIntegerLiteral ? first : Spill(first, new CNamedType("int64_t"));
            second = second is CIntegerLiteral ? second : Spill(second, new CNamedType("int64_t"));
        }

        Emit(new CExpressionStatement(new CAssign(targetFirst, first)));
        Emit(new CExpressionStatement(new CAssign(targetSecond, second)));
    }
}
