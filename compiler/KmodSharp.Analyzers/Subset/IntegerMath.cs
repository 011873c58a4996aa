using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The integer functions of the .NET library kernel code may call: <c>Math.Min</c>, <c>Max</c>,
/// <c>Abs</c> and <c>Clamp</c> of integers, and <c>BitOperations.PopCount</c>, <c>LeadingZeroCount</c>,
/// <c>TrailingZeroCount</c>, <c>Log2</c>, <c>IsPow2</c>, <c>RotateLeft</c> and <c>RotateRight</c>. They are
/// pure and become libkern(9) functions (<c>imin</c>, <c>qmax</c>, <c>fls</c>, <c>bitcount32</c>, …) or a
/// C expression; the backend lowers them, the analyzer (KMS0100) lets exactly these through.
/// </summary>
public static class IntegerMath
{
    private static readonly ImmutableHashSet<string> MathMethods = ImmutableHashSet.Create("Min", "Max", "Abs", "Clamp");

    private static readonly ImmutableHashSet<string> BitMethods = ImmutableHashSet.Create(
        "PopCount", "LeadingZeroCount", "TrailingZeroCount", "Log2", "IsPow2", "RotateLeft", "RotateRight");

    /// <summary>Whether <paramref name="member"/> is one of these functions over integer types.</summary>
    public static bool IsIntegerMath(ISymbol member) =>
        member is IMethodSymbol { IsStatic: true, ContainingType: { } type } method
        && IsInNamespace(type, type.Name == "Math" ? "System" : "System.Numerics")
        && (type.Name == "Math" ? MathMethods : type.Name == "BitOperations" ? BitMethods : ImmutableHashSet<string>.Empty).Contains(method.Name)
        && AllIntegers(method);

    /// <summary>
    /// Whether the call can fail where .NET throws: <c>Math.Abs</c> of a signed type's minimum
    /// (<c>OverflowException</c>) and <c>Math.Clamp</c> with its minimum above its maximum (<c>ArgumentException</c>).
    /// </summary>
    public static bool MayThrow(IInvocationOperation call) => call.TargetMethod.Name switch
    {
        "Abs" => call.Arguments.Length == 1 && !(call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } value } && !IsMinimum(value)),
        "Clamp" => call.TargetMethod.ContainingType.Name == "Math",
        _ => false,
    };

    private static bool IsMinimum(object value) => value switch
    {
        sbyte v => v == sbyte.MinValue,
        short v => v == short.MinValue,
        int v => v == int.MinValue,
        long v => v == long.MinValue,
        _ => false,
    };

    private static bool AllIntegers(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!IsInteger(parameter.Type))
            {
                return false;
            }
        }

        return method.ReturnType.SpecialType == SpecialType.System_Boolean || IsInteger(method.ReturnType);
    }

    private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

    private static bool IsInNamespace(INamedTypeSymbol type, string name) =>
        type.ContainingNamespace?.ToDisplayString() == name && type.ContainingAssembly is not null;
}
