using System.Collections.Immutable;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>How a generated helper behaves, which decides where a call to it may appear.</summary>
public enum HelperKind
{
    /// <summary>Reads only its parameters: callable anywhere.</summary>
    Pure,

    /// <summary>Writes a static and returns a value (the <c>Next()</c> of an evaluation-order test).</summary>
    SideEffect,

    /// <summary>Has <c>ref</c>/<c>out</c>/<c>in</c> parameters: called as a statement of its own.</summary>
    ByReference,

    /// <summary>Returns <c>Errno</c> and accumulates through a <c>ref</c> parameter: its result is checked.</summary>
    ErrnoResult,
}

/// <summary>One parameter of a helper; <see cref="Default"/> is its default value's text, if any.</summary>
public sealed record HelperParameter(string Name, GenType Type, string Modifier = "", string? Default = null);

/// <summary>A generated helper method's signature.</summary>
public sealed record Helper(string Name, HelperKind Kind, IntegerKind? Returns, ImmutableArray<HelperParameter> Parameters, bool CanFail);
