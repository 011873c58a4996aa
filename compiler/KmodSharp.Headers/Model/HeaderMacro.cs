namespace KmodSharp.Headers.Model;

/// <summary>
/// An object-like macro whose expansion is an integer constant expression, with its value
/// computed by clang (see the project README for what is evaluated).
/// </summary>
/// <param name="Name">The macro name.</param>
/// <param name="Value">The value; when <see cref="IsUnsigned"/> and the type is 64 bits wide, read <see cref="UnsignedValue"/>.</param>
/// <param name="IsUnsigned">True when the expression's type is unsigned.</param>
/// <param name="Type">The C type of the expansion (<c>int</c> for <c>5</c>, <c>unsigned long</c> for <c>5UL</c>).</param>
/// <param name="Location">Where the macro is defined.</param>
public sealed record HeaderMacro(string Name, long Value, bool IsUnsigned, HeaderType Type, HeaderSourceLocation Location)
{
    /// <summary>The value's bits as an unsigned number.</summary>
    public ulong UnsignedValue => unchecked((ulong)Value);
}
