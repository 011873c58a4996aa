namespace KmodSharp.Headers.Model;

/// <summary>A macro's name and shape, whatever its body: what a name declared next to it would meet.</summary>
/// <param name="Name">The macro name.</param>
/// <param name="IsFunctionLike">True for <c>NAME(args)</c>, which only expands before a parenthesis.</param>
public sealed record HeaderMacroName(string Name, bool IsFunctionLike);
