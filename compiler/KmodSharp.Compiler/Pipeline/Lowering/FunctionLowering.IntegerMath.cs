using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// Math.Min/Max/Abs/Clamp of integers and BitOperations become libkern(9)'s functions for the
// operands' C type (int imin, u_int min, quad_t qmin, u_quad_t uqmin, long lmin, u_long ulmin; the
// types narrower than int go through the int ones), or a C expression where libkern has none:
//   Math.Max(a, b)                 imax(a, b)
//   Math.Abs(x)                    if (x == (-2147483647 - 1)) return (EOVERFLOW);   abs(x)
//   Math.Clamp(v, lo, hi)          if (lo > hi) return (EINVAL);   imax(lo, imin(v, hi))
//   BitOperations.PopCount(x)      (int)bitcount32(x)
//   LeadingZeroCount(x)            32 - fls((int)x)
//   TrailingZeroCount(x)           x == 0 ? 32 : ffs((int)x) - 1
//   Log2(x)                        fls((int)(x | 1)) - 1             (Log2(0) is 0 in .NET)
//   IsPow2(x)                      x > 0 && powerof2(x)              (powerof2(0) is true)
//   RotateLeft(x, n)               x << (n & 31) | x >> (32 - (n & 31) & 31)
// .NET throws OverflowException for Abs of a signed type's minimum and ArgumentException for a
// Clamp whose minimum is above its maximum: the syscall fails with EOVERFLOW and EINVAL.
internal sealed partial class FunctionLowering
{
    private const string ArgumentErrno = "EINVAL";

    private CExpr IntegerMath(IInvocationOperation call)
    {
        var type = (KInteger)KTypeOf(call.TargetMethod.Parameters[0].Type, call);
        List<CExpr> arguments = ArgumentsByParameter(call.Arguments);
        string name = call.TargetMethod.Name;
        CExpr result = name switch
        {
            "Min" => new CCall(Family(type, "min"), arguments[0], arguments[1]),
            "Max" => new CCall(Family(type, "max"), arguments[0], arguments[1]),
            "Abs" => Abs(type, Stable(arguments[0], call.Arguments[0].Value.Type)),
            "Clamp" => Clamp(type, arguments[0], Stable(arguments[1], call.Arguments[1].Value.Type), Stable(arguments[2], call.Arguments[2].Value.Type)),
            _ => Bits(name, type, Stable(arguments[0], call.Arguments[0].Value.Type), arguments.Count > 1 ? Stable(arguments[1], call.Arguments[1].Value.Type) : null),
        };
        // The int functions take the narrow types, promoted; their result is narrowed back, as C#'s is of the narrow type.
        return name is "Min" or "Max" or "Abs" or "Clamp" && type.Bits < 32 ? new CCast(CTypeMapper.Map(type), result) : result;
    }

    /// <summary>libkern's function of a family ("min", "max", "abs") for a C# integer type.</summary>
    private static string Family(KInteger type, string family) => (type, family) switch
    {
        ({ IsNative: true, IsSigned: true }, "abs") => "labs",
        ({ IsNative: true, IsSigned: true }, _) => "l" + family,
        ({ IsNative: true }, _) => "ul" + family,
        ({ Bits: 64, IsSigned: true }, _) => "q" + family,
        ({ Bits: 64 }, _) => "uq" + family,
        ({ Bits: 32, IsSigned: false }, _) => family,
        (_, "abs") => "abs",
        _ => "i" + family,
    };

    private CExpr Abs(KInteger type, CExpr value)
    {
        CExpr minimum = type.IsNative ? new CIdentifier("INTPTR_MIN") : new CIntegerLiteral(-System.Numerics.BigInteger.Pow(2, type.Bits - 1), CTypeMapper.Suffix(type));
        Emit(new CIf(new CBinary(CBinaryOperator.Equal, value, minimum), ErrorBlock(new CIdentifier(OverflowErrno))));
        return new CCall(Family(type, "abs"), value);
    }

    private CExpr Clamp(KInteger type, CExpr value, CExpr minimum, CExpr maximum)
    {
        Emit(new CIf(new CBinary(CBinaryOperator.Greater, minimum, maximum), ErrorBlock(new CIdentifier(ArgumentErrno))));
        return new CCall(Family(type, "max"), minimum, new CCall(Family(type, "min"), value, maximum));
    }

    private static CExpr Bits(string name, KInteger type, CExpr value, CExpr? count)
    {
        CExpr width = type.IsNative
            ? new CCast(CNamedType.Int, new CBinary(CBinaryOperator.Multiply, new CSizeofType(new CNamedType("u_long")), new CIdentifier("NBBY")))
            : Literal(type.Bits);
        switch (name)
        {
            case "PopCount":
                return new CCast(CNamedType.Int, new CCall(type.IsNative ? "bitcountl" : type.Bits == 64 ? "bitcount64" : "bitcount32", value));
            case "LeadingZeroCount":
                return new CBinary(CBinaryOperator.Subtract, width, LastSet(type, value));
            case "TrailingZeroCount":
                return new CConditional(new CBinary(CBinaryOperator.Equal, value, Literal(0)), width,
                    new CBinary(CBinaryOperator.Subtract, BitFunction("ffs", type, value), Literal(1)));
            case "Log2":
                return new CBinary(CBinaryOperator.Subtract, LastSet(type, new CBinary(CBinaryOperator.BitwiseOr, value, Literal(1))), Literal(1));
            case "IsPow2":
                return new CBinary(CBinaryOperator.LogicalAnd,
                    new CBinary(type.IsSigned ? CBinaryOperator.Greater : CBinaryOperator.NotEqual, value, Literal(0)),
                    new CCall("powerof2", value));
            default:
                // RotateLeft/RotateRight: C# masks the count to the width, and so must C (a shift by the width is undefined).
                CExpr mask = new CBinary(CBinaryOperator.Subtract, width, Literal(1));
                CExpr shift = new CBinary(CBinaryOperator.BitwiseAnd, count!, mask);
                CExpr back = new CBinary(CBinaryOperator.BitwiseAnd, new CBinary(CBinaryOperator.Subtract, width, shift), mask);
                bool left = name == "RotateLeft";
                return new CBinary(CBinaryOperator.BitwiseOr,
                    new CBinary(left ? CBinaryOperator.ShiftLeft : CBinaryOperator.ShiftRight, value, shift),
                    new CBinary(left ? CBinaryOperator.ShiftRight : CBinaryOperator.ShiftLeft, value, back));
        }
    }

    private static CExpr LastSet(KInteger type, CExpr value) => BitFunction("fls", type, value);

    /// <summary>ffs/fls of the C type as wide as the value: fls((int)x), flsll((long long)x), flsl((long)x).</summary>
    private static CExpr BitFunction(string family, KInteger type, CExpr value) => type switch
    {
        { IsNative: true } => new CCall(family + "l", new CCast(new CNamedType("long"), value)),
        { Bits: 64 } => new CCall(family + "ll", new CCast(new CNamedType("long long"), value)),
        _ => new CCall(family, new CCast(CNamedType.Int, value)),
    };
}
