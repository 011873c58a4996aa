using System.Collections.Immutable;

namespace KmodSharp.Headers.Model;

/// <summary>An <c>enum</c> definition.</summary>
/// <param name="Name">The tag, or empty for an anonymous enum.</param>
/// <param name="Spelling">The canonical type spelling, e.g. <c>enum color</c>.</param>
/// <param name="IntegerType">The integer type the compiler chose to represent the enum.</param>
/// <param name="Constants">The enumerators in declaration order.</param>
/// <param name="Location">Where the definition is.</param>
public sealed record HeaderEnum(string Name, string Spelling, HeaderType IntegerType, ImmutableArray<HeaderEnumConstant> Constants, HeaderSourceLocation Location)
{
    /// <summary>True when the enum has no tag.</summary>
    public bool IsAnonymous => Name.Length == 0;
}

/// <summary>An enumerator and its value.</summary>
/// <param name="Name">The enumerator's name.</param>
/// <param name="Value">The value; for an enum over an unsigned 64-bit type read <see cref="UnsignedValue"/>.</param>
public sealed record HeaderEnumConstant(string Name, long Value)
{
    /// <summary>The value's bits as an unsigned number.</summary>
    public ulong UnsignedValue => unchecked((ulong)Value);
}
