using System.Collections.Immutable;

namespace KmodSharp.Headers.Model;

/// <summary>A function declaration or definition.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="ReturnType">The result type.</param>
/// <param name="Parameters">The named parameters in order (a prototype <c>f(void)</c> has none).</param>
/// <param name="IsVariadic">True when the parameter list ends in <c>...</c>.</param>
/// <param name="Storage">The storage class written on the declaration.</param>
/// <param name="IsInline">True for <c>inline</c> functions.</param>
/// <param name="IsDefinition">True when any declaration read has a body.</param>
/// <param name="Location">Where the first declaration read is.</param>
public sealed record HeaderFunction(
    string Name,
    HeaderType ReturnType,
    ImmutableArray<HeaderParameter> Parameters,
    bool IsVariadic,
    HeaderStorageClass Storage,
    bool IsInline,
    bool IsDefinition,
    HeaderSourceLocation Location);

/// <summary>A function parameter.</summary>
/// <param name="Name">The parameter name, empty when the declaration omits it.</param>
/// <param name="Type">The declared type (arrays and functions are not decayed).</param>
public sealed record HeaderParameter(string Name, HeaderType Type);

/// <summary>A declaration's storage class.</summary>
public enum HeaderStorageClass
{
    /// <summary>None written: external linkage by default.</summary>
    None,

    /// <summary><c>extern</c>.</summary>
    Extern,

    /// <summary><c>static</c>.</summary>
    Static,

    /// <summary>Another storage class (<c>__private_extern__</c>, <c>register</c>, …).</summary>
    Other,
}
