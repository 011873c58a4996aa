using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>Tuple literals, the only tuples kernel code has: a pair result and the right side of a deconstruction.</summary>
public static class TupleLiteral
{
    /// <summary>
    /// The tuple literal <paramref name="value"/> is, seen through the conversion C# adds when an
    /// element's name comes from a variable (<c>(acc, acc + 1)</c> is a <c>(long acc, long)</c>) or
    /// to the target's types; the elements carry their own conversions. Null for anything else (a
    /// tuple variable, a call's result).
    /// </summary>
    public static ITupleOperation? Of(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value as ITupleOperation;
    }
}
