using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// Spans are a pointer and a length, and every access is checked as .NET checks it:
//   Span<byte> buf = stackalloc byte[64];   uint8_t buf[64];  …  memset(buf, 0, sizeof(buf));
//   buf[i] = 1;                             if ((size_t)i >= 64) return (EINVAL); buf[i] = 1;
//   var part = buf.Slice(a, n);             if ((size_t)a > 64 || (size_t)n > 64 - (size_t)a) return (EINVAL);
//                                           part = buf + a; part_len = n;
internal sealed partial class FunctionLowering
{
    private const string IndexErrno = "EINVAL";

    private void DeclareSpanParameters()
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (Frontend.TypeBinder.Bind(parameter.Type) is KSpan span)
            {
                spans.Add(parameter, new SpanValue(new CIdentifier(signature.ParameterNames[parameter.Ordinal]), new CIdentifier(signature.SpanLengths[parameter.Ordinal]!), span.Element));
            }
        }
    }

    /// <summary>Whether the value is a whole buffer that holds copyinstr's NUL-terminated string wherever it is read (<see cref="CopiedStringBuffer"/>).</summary>
    internal bool IsCopiedString(IOperation value) =>
        (value is IConversionOperation conversion ? conversion.Operand : value) is ILocalReferenceOperation local && spans.IsCopiedString(local.Local);

    private bool IsSpan(ITypeSymbol? type) => type is not null && Frontend.TypeBinder.Bind(type) is KSpan;

    /// <summary>Declares a span local, from a constant-size stackalloc (a C array) or from another span.</summary>
    private void SpanDeclaration(IVariableDeclaratorOperation declarator, IOperation? initializer)
    {
        var type = (KSpan)KTypeOf(declarator.Symbol.Type, declarator);
        string preferred = CNames.Local(declarator.Symbol.Name);
        if (StackAlloc(initializer) is ({ } allocation, int count))
        {
            string array = Declare(preferred, new CArrayType(CTypeMapper.Map(type.Element), new CIntegerLiteral(count)));
            var name = new CIdentifier(array);

            // C# zero-initialises stackalloc memory; the kernel stack is not.
            IOperation[] elements = [.. allocation.ChildOperations.Skip(1)];
            if (elements.Length == 0 && CopiedStringBuffer.Holds(declarator))
            {
                spans.AddCopiedString(declarator.Symbol);
            }
            else
            {
                Emit(new CExpressionStatement(new CCall("memset", name, new CIntegerLiteral(0), new CSizeofExpression(name))));
            }

            // "stackalloc int[] { 3, x }": each element in order, after the fill (a struct element is a creation of its own).
            for (int i = 0; i < elements.Length; i++)
            {
                Store(new CIndex(name, new CIntegerLiteral(i)), elements[i]);
            }

            spans.Add(declarator.Symbol, new SpanValue(name, new CIntegerLiteral(count), type.Element));
            return;
        }

        // Other initializers are refused by the analyzer (Subset/SpanSources).
        if (initializer is null || SpanOf(initializer) is not { } source)
        {
            throw LoweringContext.Untranslated(declarator, "this span");
        }

        string pointer = Declare(preferred, CTypeMapper.Map(type));
        string length = Declare(FunctionSignature.SpanLength(preferred), CNamedType.SizeT);
        Emit(new CExpressionStatement(new CAssign(new CIdentifier(pointer), source.Pointer)));
        Emit(new CExpressionStatement(new CAssign(new CIdentifier(length), source.Length)));
        spans.Add(declarator.Symbol, new SpanValue(new CIdentifier(pointer), new CIdentifier(length), type.Element));
    }

    /// <summary><c>s = t</c>, <c>s = s.Slice(1)</c>: the variable takes the other span's pointer and length.</summary>
    private CExpr SpanAssignment(ISimpleAssignmentOperation assignment)
    {
        if (SpanOf(assignment.Target) is not { Pointer: CIdentifier pointer, Length: CIdentifier length })
        {
            // Refused by the analyzer (Subset/SpanSources).
            throw LoweringContext.Untranslated(assignment, "assigning a span declared over a stackalloc");
        }

        if (SpanOf(assignment.Value) is not { } source)
        {
            throw LoweringContext.Untranslated(assignment.Value, "this span");
        }

        // A length never reads the pointer, so the pointer may be assigned first.
        Emit(new CExpressionStatement(new CAssign(pointer, source.Pointer)));
        return new CAssign(length, source.Length);
    }

    /// <summary>
    /// A stackalloc of constant size (explicit, <c>stackalloc T[n] { … }</c>, or implicit, <c>stackalloc[] { … }</c>) and its
    /// element count; Roslyn shows it as an operation without a kind whose children are the count, then the initializer's elements.
    /// </summary>
    private static (IOperation Allocation, int Count)? StackAlloc(IOperation? operation) =>
        Analyzers.Subset.SpanSources.ConstantStackAlloc(operation, out int count) is { } allocation ? (allocation, count) : null;

    /// <summary>The span an expression denotes, emitting the bounds checks of a slice; null if it is not a span.</summary>
    private SpanValue? SpanOf(IOperation operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local when spans.Of(local.Local) is { } value:
                return value;
            case IParameterReferenceOperation parameter when spans.Of(parameter.Parameter) is { } value:
                return value;
            case IConversionOperation conversion when IsSpan(conversion.Operand.Type):
                return SpanOf(conversion.Operand);
            case IConversionOperation conversion when IsSpan(conversion.Type) && InlineArrayOf(conversion.Operand) is { } inline:
                return inline;
            case IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } instance } slice when IsSpan(instance.Type):
                return Slice(slice, SpanOf(instance));
            case IImplicitIndexerReferenceOperation { Argument: IRangeOperation range, Instance: var instance } when IsSpan(instance.Type) && SpanOf(instance) is { } whole:
                return RangeOf(whole, range);
            case IInlineArrayAccessOperation { Argument: IRangeOperation range } access when InlineArrayOf(access.Instance) is { } array:
                return RangeOf(array, range);
            case IPropertyReferenceOperation { Property.Name: "Span", Instance: { } buffer } when Frontend.TypeBinder.IsRuntimeType(buffer.Type, "KernelBuffer"):
                return KernelBufferSpan(buffer);
            case IPropertyReferenceOperation { Property.Name: "Groups", Instance: { } thread } when ThreadAnalysis.IsCallingThread(thread.Type):
                return CredentialGroups(thread);
            case IInvocationOperation { Instance: null } call when (IsSpan(call.Type) || Frontend.TypeBinder.IsRuntimeType(call.Type, "KernelBuffer"))
                && Analyzers.Subset.TranslatableApi.Classify(call.TargetMethod) == Analyzers.Subset.ApiKind.UserMethod && context.SignatureOf(call.TargetMethod).ReturnsSpan:
                return SpanResult(call);
            default:
                return TableOf(operation);
        }
    }

    private SpanValue? Slice(IInvocationOperation slice, SpanValue? source)
    {
        if (source is null)
        {
            return null;
        }

        // Slice(length: n, start: a) is Slice(a, n), with n evaluated first.
        List<CExpr> bounds = ArgumentsByParameter(slice.Arguments);
        CExpr start = Index(bounds[0]);
        CExpr length = bounds.Count > 1
            ? Index(bounds[1])
            : new CBinary(CBinaryOperator.Subtract, source.Length, start);
        CExpr outOfRange = bounds.Count > 1
            ? new CBinary(CBinaryOperator.LogicalOr,
                new CBinary(CBinaryOperator.Greater, start, source.Length),
                new CBinary(CBinaryOperator.Greater, length, new CBinary(CBinaryOperator.Subtract, source.Length, start)))
            : new CBinary(CBinaryOperator.Greater, start, source.Length);
        Emit(new CIf(outOfRange, ErrorBlock(new CIdentifier(IndexErrno))));
        return new SpanValue(new CBinary(CBinaryOperator.Add, source.Pointer, start), length, source.Element);
    }

    // An int index compared as size_t: a negative index becomes huge and fails the same test.
    private CExpr Index(CExpr index)
    {
        CExpr stable = index is CIdentifier or CIntegerLiteral ? index : Spill(index, CNamedType.Int);
        return stable is CIntegerLiteral { Value.Sign: >= 0 } ? stable : new CCast(CNamedType.SizeT, stable);
    }

    /// <summary><c>span[i]</c>: the element, after the bounds check .NET would make.</summary>
    private CExpr SpanElement(IPropertyReferenceOperation indexer, SpanValue span) => SpanElementAt(span, indexer.Arguments[0].Value);

    private CExpr SpanElementAt(SpanValue span, IOperation indexOperation)
    {
        CExpr index = Index(Value(indexOperation));
        bool provablyInRange = index is CIntegerLiteral constant && span.Length is CIntegerLiteral length && constant.Value < length.Value;
        if (!provablyInRange)
        {
            Emit(new CIf(new CBinary(CBinaryOperator.GreaterOrEqual, index, span.Length), ErrorBlock(new CIdentifier(IndexErrno))));
        }

        // Past the check the index is within [0, length): it indexes as itself, without the cast.
        return new CIndex(span.Pointer, index is CCast { Operand: var within } ? within : index);
    }

    /// <summary><c>span.Length</c> as the <c>int</c> C# sees.</summary>
    private static CExpr SpanLength(SpanValue span) => span.Length is CIntegerLiteral ? span.Length : new CCast(CNamedType.Int, span.Length);

    private CExpr SpanMethod(IInvocationOperation call, SpanValue span)
    {
        CExpr bytes = new CBinary(CBinaryOperator.Multiply, span.Length, new CSizeofType(CTypeMapper.Map(span.Element)));
        switch (call.TargetMethod.Name)
        {
            case "Clear":
                return new CCall("memset", span.Pointer, new CIntegerLiteral(0), bytes);
            case "Fill" when span.Element is KInteger { Bits: 8 }:
                return new CCall("memset", span.Pointer, Value(call.Arguments[0].Value), span.Length);
            case "Fill":
                // C# evaluates the value once; inside the loop it would be read again after each
                // store (s.Fill(s[0] + 1) sees the elements already written).
                CExpr value = Value(call.Arguments[0].Value);
                value = value is CIdentifier || IsPure(value) ? value : Spill(value, CTypeMapper.Map(span.Element));
                string i = Declare("kms_i", CNamedType.SizeT);
                var index = new CIdentifier(i);
                Emit(new CFor(new CExpressionStatement(new CAssign(index, new CIntegerLiteral(0))), new CBinary(CBinaryOperator.Less, index, span.Length),
                    new CUnary(CUnaryOperator.PostIncrement, index), new CBlock([new CExpressionStatement(new CAssign(new CIndex(span.Pointer, index), value))])));
                return index;
            case "CopyTo" when SpanOf(call.Arguments[0].Value) is { } destination:
                // .NET throws when the destination is too short; memmove, as CopyTo allows overlap.
                Emit(new CIf(new CBinary(CBinaryOperator.Greater, span.Length, destination.Length), ErrorBlock(new CIdentifier(IndexErrno))));
                return new CCall("memmove", destination.Pointer, span.Pointer, bytes);
            default:
                // Other members are refused by KMS0100 (TranslatableApi), a CopyTo destination that is no span by KMS0900 (Subset/SpanSources).
                throw LoweringContext.Untranslated(call, $"Span.{call.TargetMethod.Name}");
        }
    }

    private void ForEach(IForEachLoopOperation loop)
    {
        if ((SpanOf(loop.Collection) ?? InlineArrayOf(loop.Collection is IConversionOperation { OperatorMethod: null } c ? c.Operand : loop.Collection)) is not { } span
            || loop.LoopControlVariable is not IVariableDeclaratorOperation variable)
        {
            // Refused by the analyzer (Subset/SpanSources, and 'foreach' over other types).
            throw LoweringContext.Untranslated(loop, "this foreach");
        }

        // C# walks the span it started with, even when the body assigns the variable (the loop only reads it).
        HashSet<ISymbol> written = WrittenLocals(loop.Body);
        if (loop.Collection.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation { Local: var l } && written.Contains(l)
                || o is IParameterReferenceOperation { Parameter: var p } && written.Contains(p)))
        {
            span = span with
            {
                Pointer = Spill(span.Pointer, new CPointerType(CTypeMapper.Map(span.Element), PointeeConst: true)),
                Length = span.Length is CIntegerLiteral ? span.Length : Spill(span.Length, CNamedType.SizeT),
            };
        }

        string i = Declare("kms_i", CNamedType.SizeT);
        var index = new CIdentifier(i);
        string element = NameOf(variable.Symbol, loop);
        CBlock body = Nested(loop.Body);
        Emit(new CFor(new CExpressionStatement(new CAssign(index, new CIntegerLiteral(0))), new CBinary(CBinaryOperator.Less, index, span.Length),
            new CUnary(CUnaryOperator.PostIncrement, index),
            new CBlock([new CExpressionStatement(new CAssign(new CIdentifier(element), new CIndex(span.Pointer, index))), .. body.Statements])));
    }
}
