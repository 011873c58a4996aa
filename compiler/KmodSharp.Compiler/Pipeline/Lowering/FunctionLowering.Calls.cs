using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

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
            // KMS0900 (Subset/SpanSources) refuses a span method on anything but a span source.
            return SpanOf(instance) is { } span ? SpanMethod(call, span) : throw LoweringContext.Untranslated(instance, "this span");
        }

        if (Frontend.TypeBinder.IsRuntimeType(target.ContainingType, target.ContainingType.Name))
        {
            return Intrinsics.Lower(this, call);
        }

        if (Analyzers.Subset.TranslatableApi.Classify(target) is Analyzers.Subset.ApiKind.IntegerMath)
        {
            return IntegerMath(call);
        }

        // KMS0100 refuses every other callee (library members, instance and virtual methods).
        if (Analyzers.Subset.TranslatableApi.Classify(target) is not Analyzers.Subset.ApiKind.UserMethod || call.Instance is not null)
        {
            throw LoweringContext.Untranslated(call, $"the call of '{target.ToDisplayString()}'");
        }

        FunctionSignature callee = context.SignatureOf(target);
        if (callee.ReturnsSpan)
        {
            // A span result read nowhere: the call runs for its effects (and failure).
            SpanResult(call);
            return new CIdentifier("0");
        }

        context.RecordCall(method, target);
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (callee.TakesThread)
        {
            arguments.Add(CurrentThread);
        }

        arguments.AddRange(ArgumentsByParameter(call.Arguments));

        if (resultPointer is not null)
        {
            // "return F(…)" of a SyscallResult: F writes the caller's own result (and error) pointers.
            arguments.Add(resultPointer);
            if (callee.HasErrorPointer)
            {
                arguments.Add(errors.Pointer());
            }

            return new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
        }

        CIdentifier? value = null;
        if (callee.HasResultPointer)
        {
            value = new CIdentifier(Declare(LocalNames.TemporaryStem, CTypeMapper.Map(callee.ValueType!)));
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

        var error = new CIdentifier(errors.Local());
        Emit(new CExpressionStatement(new CAssign(error, new CCall(new CIdentifier(callee.Name), arguments.ToImmutable()))));
        Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, error, Literal(0)), ErrorBlock(error)));
        return value ?? (CExpr)new CIdentifier("0");
    }

    /// <summary>The arguments in the callee's parameter order, a span as its pointer and length (<see cref="LowerArguments"/>).</summary>
    private List<CExpr> ArgumentsByParameter(ImmutableArray<IArgumentOperation> arguments)
    {
        var byParameter = new List<CExpr>();
        foreach (LoweredArgument argument in LowerArguments(arguments, Argument))
        {
            if (argument.Span is var (pointer, length))
            {
                byParameter.Add(pointer);
                byParameter.Add(length);
            }
            else
            {
                byParameter.Add(argument.Value!);
            }
        }

        return byParameter;
    }

    /// <summary>A lowered argument: a value (an address for a by-reference parameter), or a span's pointer and length.</summary>
    internal sealed record LoweredArgument(CExpr? Value, (CExpr Pointer, CExpr Length)? Span);

    /// <summary>
    /// The arguments lowered in the order written, as C# evaluates named arguments, and returned in
    /// the callee's parameter order: where an argument could be changed by a later one or its side
    /// effects must come first, it goes through a temporary (<see cref="InOrder"/>). A default
    /// argument is its constant. An address is never spilled: the callee reads through it when C# would.
    /// </summary>
    internal LoweredArgument[] LowerArguments(ImmutableArray<IArgumentOperation> arguments, Func<IArgumentOperation, CExpr> lowerValue)
    {
        ImmutableArray<IArgumentOperation> written = [.. arguments.OrderBy(a => a.ArgumentKind == ArgumentKind.DefaultValue).ThenBy(a => a.Syntax.SpanStart)];
        var lowered = new LoweredArgument[written.Length];
        CExpr?[] values = InOrder([.. written.Select(a => a.Value)], i =>
        {
            if (IsSpan(written[i].Value.Type) && SpanOf(written[i].Value) is { } span)
            {
                lowered[i] = new LoweredArgument(null, (span.Pointer, span.Length));
                return null;
            }

            CExpr value = lowerValue(written[i]);
            lowered[i] = new LoweredArgument(value, null);
            return IsByReference(written[i]) ? null : value;
        });

        for (int i = 0; i < written.Length; i++)
        {
            if (values[i] is { } value)
            {
                lowered[i] = lowered[i] with { Value = value };
            }
        }

        return [.. Enumerable.Range(0, written.Length).OrderBy(i => written[i].Parameter?.Ordinal ?? i).Select(i => lowered[i])];
    }

    private static bool IsByReference(IArgumentOperation argument) =>
        argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out or RefKind.In or RefKind.RefReadOnlyParameter;

    /// <summary>
    /// An argument: by value, or by address for <c>ref</c>/<c>out</c>/<c>in</c> parameters. An
    /// <c>in</c> argument that is a computed value (C# makes a temporary for it) is stored in one, so it has an address.
    /// </summary>
    internal CExpr Argument(IArgumentOperation argument)
    {
        if (!IsByReference(argument))
        {
            return Converted(argument.Value);
        }

        CExpr value = Value(argument.Value);
        if (argument.Parameter!.RefKind is RefKind.In or RefKind.RefReadOnlyParameter && !IsLvalue(value))
        {
            value = Spill(value, CTypeOf(argument.Parameter!.Type, argument.Value));
        }

        return AddressOf(value);
    }

    // What C can take the address of: a variable (not a constant's macro), an element, a member, a dereference.
    private static bool IsLvalue(CExpr value) => value switch
    {
        CIdentifier => !IsPure(value),
        CIndex or CMember => true,
        CUnary { Operator: CUnaryOperator.Dereference } => true,
        _ => false,
    };

    internal static CExpr AddressOf(CExpr value) =>
        value is CUnary { Operator: CUnaryOperator.Dereference } deref ? deref.Operand : new CUnary(CUnaryOperator.AddressOf, value);

    internal CExpr LowerValue(IOperation operation) => Value(operation);

    internal CExpr LowerConverted(IOperation operation) => Converted(operation);

    internal LoweringContext Context => context;

    /// <summary>The calling thread: the function's own <c>td</c> (or <c>CallingThread</c> parameter), else <c>curthread</c>.</summary>
    internal CExpr CurrentThread => new CIdentifier(signature.Thread ?? ThreadAnalysis.RunningThread);
}
