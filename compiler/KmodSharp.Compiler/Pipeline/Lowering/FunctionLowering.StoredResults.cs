using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A SyscallResult<T> local (Subset/StoredResult) is two C locals, its value and its error (0: none):
//   SyscallResult<int> r = Half(v);     kms_t = 0; kms_t_1 = half(v, &kms_t);
//                                        r = kms_t; r_error = kms_t_1;
//   if (r.IsError) return r.Error;      if (r_error != 0) { return (r_error); }
//   return r;                            if (r_error != 0) { return (r_error); } *resultp = r; return (0);
// .NET's Value of an error result is default(T): a callee returning an error leaves the value at
// the 0 it was set to, and an Errno stored gives the value 0.
internal sealed partial class FunctionLowering
{
    private readonly Dictionary<ILocalSymbol, string> resultErrors = new(SymbolEqualityComparer.Default);

    private (CIdentifier Value, CIdentifier Error) ResultLocal(ILocalSymbol local, IOperation at)
    {
        ITypeSymbol valueType = ((INamedTypeSymbol)local.Type).TypeArguments[0];
        string value = locals.Of(local, () => CTypeOf(valueType, at));
        if (!resultErrors.TryGetValue(local, out string? error))
        {
            error = Declare(value + "_error", CNamedType.Int);
            resultErrors[local] = error;
        }

        return (new CIdentifier(value), new CIdentifier(error));
    }

    /// <summary>The value and the error of a result a local can be set from (<see cref="StoredResult.IsSource"/>).</summary>
    private (CExpr Value, CExpr Error) ResultParts(IOperation operation, bool errorRead = true)
    {
        switch (operation)
        {
            case IConversionOperation { OperatorMethod: not null } conversion when Frontend.TypeBinder.IsRuntimeType(conversion.Operand.Type, "Errno"):
                return (Literal(0), Value(conversion.Operand));
            case IConversionOperation { OperatorMethod: not null } conversion:
                return (Converted(conversion.Operand), Literal(0));
            case IConversionOperation { OperatorMethod: null } conversion:
                return ResultParts(conversion.Operand);
            case IDefaultValueOperation:
                return (Literal(0), Literal(0));
            case ILocalReferenceOperation local:
                return ResultLocal(local.Local, local);
            case IInvocationOperation call:
                return StoredCall(call, errorRead);
            default:
                // Refused by the analyzer (Subset/StoredResult).
                throw LoweringContext.Untranslated(operation, "this SyscallResult");
        }
    }

    /// <summary>A call of a SyscallResult method whose result is kept: its value and error land in fresh temporaries.</summary>
    private (CExpr Value, CExpr Error) StoredCall(IInvocationOperation call, bool errorRead)
    {
        FunctionSignature callee = context.SignatureOf(call.TargetMethod);
        context.RecordCall(method, call.TargetMethod);
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (callee.TakesThread)
        {
            arguments.Add(CurrentThread);
        }

        arguments.AddRange(ArgumentsByParameter(call.Arguments));
        CIdentifier value = Spill(Literal(0), CTypeMapper.Map(callee.ValueType!));
        arguments.Add(new CUnary(CUnaryOperator.AddressOf, value));
        if (!callee.CanFail)
        {
            // Its C result is its error ("f(x).Value" drops it: the value is 0 on an error).
            var result = new CCall(new CIdentifier(callee.Name), arguments.ToImmutable());
            if (!errorRead)
            {
                Emit(new CExpressionStatement(new CCast(CNamedType.Void, result)));
                return (value, Literal(0));
            }

            return (value, Spill(result, CNamedType.Int));
        }

        // Its C result is a failure (C#'s exception), passed on at once; its error comes through errorp.
        CIdentifier error = Spill(Literal(0), CNamedType.Int);
        arguments.Add(new CUnary(CUnaryOperator.AddressOf, error));
        var failure = new CIdentifier(errors.Local());
        Emit(new CExpressionStatement(new CAssign(failure, new CCall(new CIdentifier(callee.Name), arguments.ToImmutable()))));
        Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, failure, Literal(0)), ErrorBlock(failure)));
        return (value, error);
    }

    /// <summary>A result local set by its declaration or an assignment statement.</summary>
    private void StoreResult(ILocalSymbol local, IOperation at, IOperation source)
    {
        (CExpr value, CExpr error) = ResultParts(source);
        (CIdentifier targetValue, CIdentifier targetError) = ResultLocal(local, at);
        Emit(new CExpressionStatement(new CAssign(targetValue, value)));
        Emit(new CExpressionStatement(new CAssign(targetError, error)));
    }

    private CExpr ResultProperty(IPropertyReferenceOperation property)
    {
        (CExpr value, CExpr error) = ResultParts(property.Instance!, errorRead: property.Property.Name != "Value");
        return property.Property.Name switch
        {
            "Value" => value,
            "Error" => error,
            _ => new CBinary(CBinaryOperator.NotEqual, error, Literal(0)),
        };
    }

    /// <summary><c>return r;</c> of a result local: its error if it has one, else its value.</summary>
    private void ReturnResultLocal(ILocalReferenceOperation local)
    {
        (CIdentifier value, CIdentifier error) = ResultLocal(local.Local, local);
        CBlock failed = Collect(() => ReturnError(error, null));
        CBlock succeeded = Collect(() =>
        {
            Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.ResultPointer)), value)));
            EmitReturn(Literal(0), null);
        });
        Emit(new CIf(new CBinary(CBinaryOperator.NotEqual, error, Literal(0)), failed, succeeded));
    }
}
