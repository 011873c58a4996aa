namespace KmodSharp.Headers.Model;

/// <summary>A typedef declaration.</summary>
/// <param name="Name">The new type name.</param>
/// <param name="UnderlyingType">The type it names (possibly another typedef; see <see cref="HeaderType.StripTypedefs"/>).</param>
/// <param name="Location">Where it is declared.</param>
public sealed record HeaderTypedef(string Name, HeaderType UnderlyingType, HeaderSourceLocation Location);
