using System.Collections.Immutable;
using KmodSharp.Compiler.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// A call of the runtime API (an intrinsic with a kernel twin) or of a translated method.
    /// A method with an errno channel is called as <c>error = f(…, &amp;t); if (error != 0) return (error);</c>,
    /// unless its own errno is the caller's result (<paramref name="resultPointer"/>).
    /// </summary>
    private CExpr Call(IInvocationOperation call, CExpr? resultPointer)
    {
        IMethodSymbol target = call.TargetMethod;
        if (call.Instance is { } instance && IsSpan(instance.Type))
        {
            return SpanOf(instance) is { } span ? SpanMethod(call, span) : Unsupported(call);
        }

        if (Frontend.TypeBinder.IsRuntimeType(target.ContainingType, target.ContainingType.Name))
        {
            return Intrinsics.Lower(this, call);
        }

        if (target.DeclaringSyntaxReferences.Length == 0 || call.Instance is not null)
        {
            context.Unsupported(call, $"the call of '{target.ToDisplayString()}'", "only the KmodSharp runtime API and the module's own static methods can be called");
            return Literal(0);
        }

        FunctionSignature callee = context.SignatureOf(target);
        context.RecordCall(method, target);
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (callee.TakesThread)
        {
            arguments.Add(CurrentThread);
        }

        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (IsSpan(argument.Value.Type) && SpanOf(argument.Value) is { } span)
            {
                arguments.Add(span.Pointer);
                arguments.Add(span.Length);
                continue;
            }

            arguments.Add(Argument(argument));
        }

        if (resultPointer is not null)
        {
            // "return F(…)" of a SyscallResult: F writes the caller's own result (and error) pointers.
            arguments.Add(resultPointer);
            if (callee.HasErrorPointer)
            {
                arguments.Add(ErrorPointer());
            }

            return new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
        }

        CIdentifier? value = null;
        if (callee.HasResultPointer)
        {
            value = new CIdentifier(Declare("kms_t", CTypeMapper.Map(callee.ValueType!)));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, value));
        }

        if (!callee.CanFail)
        {
            // Its C result is its C# result (an Errno): only a dropped SyscallResult has its value in a temporary.
            return new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
        }

        // The callee can fail where C# would throw: stop here with its errno, as the exception would.
        if (callee.HasErrorPointer)
        {
            CIdentifier returnedError = Spill(Literal(0), CNamedType.Int);
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, returnedError));
        }

        var error = new CIdentifier(ErrorLocal());
        Emit(new CExpressionStatement(new CAssign(error, new CCall(new CIdentifier(callee.Name), arguments.ToImmutable()))));
        Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, error, Literal(0)), ErrorBlock(error)));
        return value ?? (CExpr)new CIdentifier("0");
    }

    /// <summary>An argument: by value, or by address for <c>ref</c>/<c>out</c>/<c>in</c> parameters.</summary>
    internal CExpr Argument(IArgumentOperation argument)
    {
        CExpr value = argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out or RefKind.In or RefKind.RefReadOnlyParameter
            ? AddressOf(Value(argument.Value))
            : Converted(argument.Value);
        return value;
    }

    internal static CExpr AddressOf(CExpr value) =>
        value is CUnary { Operator: CUnaryOperator.Dereference } deref ? deref.Operand : new CUnary(CUnaryOperator.AddressOf, value);

    internal CExpr LowerValue(IOperation operation) => Value(operation);

    /// <summary>The pointer and length of a span argument, for intrinsics.</summary>
    internal (CExpr Pointer, CExpr Length)? LowerSpan(IOperation operation) => SpanOf(operation) is { } span ? (span.Pointer, span.Length) : null;

    internal CExpr LowerConverted(IOperation operation) => Converted(operation);

    internal LoweringContext Context => context;

    /// <summary>The calling thread: the function's own <c>td</c> (or <c>CallingThread</c> parameter), else <c>curthread</c>.</summary>
    internal CExpr CurrentThread => new CIdentifier(signature.Thread ?? ThreadAnalysis.RunningThread);
}
