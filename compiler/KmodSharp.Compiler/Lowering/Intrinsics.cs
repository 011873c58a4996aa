using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// The runtime API and its kernel twins. Each entry is the C a kernel developer would write
/// for the call: <c>Kernel.CopyIn(p, out v)</c> → <c>copyin(p, &amp;v, sizeof(v))</c>.
/// </summary>
internal static class Intrinsics
{
    public static CExpr Lower(FunctionLowering lowering, IInvocationOperation call)
    {
        IMethodSymbol method = call.TargetMethod;
        ImmutableArray<IArgumentOperation> arguments = [.. call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0)];
        CExpr Arg(int i) => lowering.Argument(arguments[i]);
        CExpr Size(CExpr addressOfValue) => new CSizeofExpression(addressOfValue is CUnary { Operator: CUnaryOperator.AddressOf } a
            ? a.Operand
            : new CUnary(CUnaryOperator.Dereference, addressOfValue));

        switch (method.ContainingType.Name, method.Name)
        {
            case ("Kernel", "Printf"):
                return Printf(lowering, arguments);
            case ("Kernel", "CopyIn"):
            {
                CExpr source = Arg(0), destination = Arg(1);
                return new CCall("copyin", source, destination, Size(destination));
            }

            case ("Kernel", "CopyOut"):
            {
                CExpr value = Arg(0), destination = Arg(1);
                return new CCall("copyout", value, destination, Size(value));
            }

            case ("Kernel", "FetchByte"):
                return new CCall("fubyte", Arg(0));
            case ("Kernel", "StoreByte"):
                return new CCall("subyte", Arg(0), Arg(1));
            case ("Kernel", "FetchWord32"):
                return new CCall("fueword32", Arg(0), Arg(1));
            case ("Kernel", "FetchWord64"):
                return new CCall("fueword64", Arg(0), Arg(1));
            case ("Kernel", "StoreWord32"):
                return new CCall("suword32", Arg(0), Arg(1));
            case ("Kernel", "StoreWord64"):
                return new CCall("suword64", Arg(0), Arg(1));
            case ("Kernel", "PrivCheck"):
                return new CCall("priv_check", lowering.CurrentThread, Arg(0));
            case ("UserPtr", "Add"):
                return new CBinary(CBinaryOperator.Add, lowering.LowerValue(call.Instance!), Arg(0));
        }

        lowering.Context.Unsupported(call, $"the runtime call '{method.ContainingType.Name}.{method.Name}'", "the backend has no translation for it yet");
        return new CIntegerLiteral(0);
    }

    private static CExpr Printf(FunctionLowering lowering, ImmutableArray<IArgumentOperation> arguments)
    {
        var values = ImmutableArray.CreateBuilder<CExpr>();
        foreach (IArgumentOperation argument in arguments)
        {
            values.Add(lowering.LowerConverted(argument.Value));
        }

        return new CCall(new CIdentifier("printf"), values.ToImmutable());
    }
}
