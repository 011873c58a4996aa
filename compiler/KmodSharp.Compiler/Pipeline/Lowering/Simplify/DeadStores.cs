using System.Collections.Immutable;
using System.Numerics;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// A memset whose every byte the next statement's memset writes again, without reading them first:
///   memset(buf, 0, sizeof(buf));  memset(buf, 122, 16);      (uint8_t buf[16]: the zeroing is dead)
/// C# zeroes a stackalloc (so the lowering does) and the user's Fill then overwrites it.
/// </summary>
internal static class DeadStores
{
    public static bool IsOverwritten(CStmt first, CStmt next, ImmutableDictionary<string, CType> declared) =>
        first is CExpressionStatement { Expression: CCall { Function: CIdentifier { Name: "memset" }, Arguments: [var target, _, var size] } }
        && next is CExpressionStatement { Expression: CCall { Function: CIdentifier { Name: "memset" }, Arguments: [var again, var value, var size2] } }
        && target is CIdentifier { Name: var name } && again == target
        // The second memset's value and size are read before it stores: they must not read the first's bytes.
        && !CVariables.Read(value).Contains(name) && !ReadsThrough(size2, name)
        && Covers(size2, size, name, declared);

    // sizeof(buf) reads no byte of buf; anything else naming it might.
    private static bool ReadsThrough(CExpr size, string name) => size is not CSizeofExpression && CVariables.Read(size).Contains(name);

    private static bool Covers(CExpr later, CExpr earlier, string name, ImmutableDictionary<string, CType> declared) =>
        (later == earlier && CVariables.IsPure(later))
        || (Bytes(later, name, declared) is { } a && Bytes(earlier, name, declared) is { } b && a >= b);

    /// <summary>A byte count known at translation time: a constant, <c>sizeof</c> the local array, or its length times its element size.</summary>
    private static BigInteger? Bytes(CExpr size, string name, ImmutableDictionary<string, CType> declared)
    {
        if (!declared.TryGetValue(name, out CType? type) || type is not CArrayType { Element: var element, Length: CIntegerLiteral { Value: var length } }
            || ElementSize(element) is not { } elementSize)
        {
            return size is CIntegerLiteral literal ? literal.Value : null;
        }

        return size switch
        {
            CIntegerLiteral literal => literal.Value,
            CSizeofExpression { Operand: CIdentifier { Name: var of } } when of == name => length * elementSize,
            CBinary { Operator: CBinaryOperator.Multiply, Left: CIntegerLiteral { Value: var count }, Right: CSizeofType { Type: var t } } when t == element => count * elementSize,
            _ => null,
        };
    }

    private static int? ElementSize(CType element) => element switch
    {
        CNamedType { Name: "uint8_t" or "int8_t" or "char" or "bool" } => 1,
        CNamedType { Name: "uint16_t" or "int16_t" } => 2,
        CNamedType { Name: "int" or "u_int" or "int32_t" or "uint32_t" } => 4,
        CNamedType { Name: "int64_t" or "uint64_t" } => 8,
        _ => null,
    };
}
