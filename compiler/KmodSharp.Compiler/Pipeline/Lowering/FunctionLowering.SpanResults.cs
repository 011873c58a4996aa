using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A method returning a span gives its pointer and length through two out-pointers, as kernel
// functions hand back a buffer (FunctionSignature.ReturnsSpan):
//   static Span<byte> Tail(Span<byte> s, int n) => s.Slice(n);
//   Span<byte> t = Tail(buf, 2);
// becomes
//   static int                                           error = mod_tail(buf, 8, 2, &kms_span, &kms_span_len);
//   mod_tail(uint8_t *s, size_t s_len, int n,             if (error != 0) return (error);
//       uint8_t **resultp, size_t *result_lenp)           t = kms_span; t_len = kms_span_len;
//   {
//       if ((size_t)n > s_len) return (EINVAL);
//       *resultp = s + (size_t)n; *result_lenp = s_len - (size_t)n;
//       return (0);
//   }
// C#'s escape rules already keep a returned span off the callee's own stack (a stackalloc).
// A KernelBuffer returned to the caller travels the same way: the callee mallocs into *resultp, and
// the caller's 'using' owns it from then on (KMS0301: returning passes ownership).
internal sealed partial class FunctionLowering
{
    /// <summary>Calls a method returning a span (passing on its failure, as any call) and gives the span it returned.</summary>
    private SpanValue SpanResult(IInvocationOperation call)
    {
        FunctionSignature callee = context.SignatureOf(call.TargetMethod);
        context.RecordCall(method, call.TargetMethod);
        var span = (KSpan)callee.ValueType!;
        string name = Declare("kms_span", CTypeMapper.Map(span));
        var pointer = new CIdentifier(name);
        var length = new CIdentifier(Declare(FunctionSignature.SpanLength(name), CNamedType.SizeT));
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (callee.TakesThread)
        {
            arguments.Add(CurrentThread);
        }

        arguments.AddRange(ArgumentsByParameter(call.Arguments));
        arguments.Add(new CUnary(CUnaryOperator.AddressOf, pointer));
        arguments.Add(new CUnary(CUnaryOperator.AddressOf, length));
        var invocation = new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
        if (!callee.CanFail)
        {
            Emit(new CExpressionStatement(invocation));
        }
        else
        {
            var error = new CIdentifier(errors.Local());
            Emit(new CExpressionStatement(new CAssign(error, invocation)));
            Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, error, Literal(0)), ErrorBlock(error)));
        }

        return new SpanValue(pointer, length, span.Element);
    }

    /// <summary>
    /// <c>return span;</c> from a method returning a span, or <c>return Kernel.Allocate&lt;T&gt;(…);</c> (or a call of a method that
    /// does) from one returning a <c>KernelBuffer</c>: both out-pointers, then the C return.
    /// </summary>
    private void ReturnSpan(IOperation? returned)
    {
        // A returned value that is no span source is refused by the analyzer (Subset/SpanSources).
        if (returned is null)
        {
            throw new InternalCompilerException("a method returning a span returned no value", method.Locations[0]);
        }

        var resultPointer = new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.ResultPointer));
        var resultLength = new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.ResultLengthPointer));
        if (returned is IInvocationOperation { TargetMethod.Name: "Allocate" } allocate && Frontend.TypeBinder.IsRuntimeType(allocate.TargetMethod.ContainingType, "Kernel"))
        {
            // A KernelBuffer made for the caller, whose 'using' frees it: allocated straight into the result.
            Allocate(allocate, ((KSpan)signature.ValueType!).Element, resultPointer, resultLength);
        }
        else if (SpanOf(returned) is { } span)
        {
            Emit(new CExpressionStatement(new CAssign(resultPointer, span.Pointer)));
            Emit(new CExpressionStatement(new CAssign(resultLength, span.Length)));
        }
        else
        {
            throw LoweringContext.Untranslated(returned, "returning this span");
        }

        EmitReturn(signature.CanFail ? Literal(0) : null, null);
    }
}
