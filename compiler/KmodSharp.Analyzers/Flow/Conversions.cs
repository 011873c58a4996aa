using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>What the flow rules look through: the conversions around a value (a cast, an implicit widening, an Errno as int).</summary>
internal static class Conversions
{
    public static IOperation Strip(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
