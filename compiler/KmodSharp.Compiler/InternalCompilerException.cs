using System;

namespace KmodSharp.Compiler;

/// <summary>A bug in KmodSharp itself (never a user error, which is a diagnostic), with the C# location being translated when known.</summary>
public sealed class InternalCompilerException : Exception
{
    public InternalCompilerException(string message, string? location = null)
        : base(location is null ? message : $"{location}: {message}") => SourceLocation = location;

    /// <summary>The C# location being translated, as <c>path(line,col)</c>.</summary>
    public string? SourceLocation { get; }
}
